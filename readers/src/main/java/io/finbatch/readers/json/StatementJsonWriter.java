package io.finbatch.readers.json;

import io.finbatch.mappings.money.CurrencyUnits;
import io.finbatch.mappings.statement.AccountId;
import io.finbatch.mappings.statement.Balance;
import io.finbatch.mappings.statement.BalanceCheck;
import io.finbatch.mappings.statement.Counterparty;
import io.finbatch.mappings.statement.OriginalAmount;
import io.finbatch.mappings.statement.StatementEvent;
import io.finbatch.mappings.statement.StatementHeader;
import io.finbatch.mappings.statement.StatementLine;
import io.finbatch.mappings.statement.StatementTrailer;
import io.finbatch.mappings.statement.TransactionCode;
import io.finbatch.readers.StatementStream;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a statement stream as the canonical statement JSON of the {@code parse} contract, streaming:
 * booked lines are written as they arrive; only a statement's pending/information lines are held until
 * the statement ends. Fields the file does not carry are written as null.
 */
public final class StatementJsonWriter {

    private static final JsonFactory FACTORY = new JsonFactory();

    private StatementJsonWriter() {
    }

    /** Reads the whole stream and writes it as one JSON document; the stream's exceptions propagate. */
    public static void write(StatementStream stream, OutputStream out) {
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringProperty("format", stream.format());
            json.writeArrayPropertyStart("statements");
            List<StatementLine> otherLines = new ArrayList<>();
            StatementEvent event;
            while ((event = stream.next()) != null) {
                if (event instanceof StatementEvent.Started started) {
                    otherLines.clear();
                    writeHeader(json, started.header());
                    json.writeArrayPropertyStart("lines");
                } else if (event instanceof StatementEvent.Line line) {
                    if (line.line().booked()) {
                        writeLine(json, line.line());
                    } else {
                        otherLines.add(line.line());
                    }
                } else if (event instanceof StatementEvent.Ended ended) {
                    json.writeEndArray();
                    json.writeArrayPropertyStart("otherLines");
                    for (StatementLine other : otherLines) {
                        writeLine(json, other);
                    }
                    json.writeEndArray();
                    writeTrailer(json, ended.header(), ended.trailer(), stream.balanceCheck());
                    json.writeEndObject();
                }
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void writeHeader(JsonGenerator json, StatementHeader header) {
        json.writeStartObject();
        json.writeStringProperty("id", header.id());
        AccountId account = header.account();
        if (account == null) {
            json.writeNullProperty("account");
        } else {
            json.writeObjectPropertyStart("account");
            json.writeStringProperty("iban", account.iban());
            json.writeStringProperty("other", account.other());
            json.writeStringProperty("currency", account.currency());
            json.writeStringProperty("bic", account.bic());
            json.writeEndObject();
        }
        json.writeStringProperty("electronicSequence", header.electronicSequence());
        json.writeStringProperty("legalSequence", header.legalSequence());
        json.writeStringProperty("createdAt", header.createdAt());
    }

    private static void writeTrailer(JsonGenerator json, StatementHeader header, StatementTrailer trailer,
            BalanceCheck check) {
        String currency = header.account() == null ? null : header.account().currency();
        Balance opening = trailer.openingBalance() != null ? trailer.openingBalance() : header.openingBalance();
        writeBalance(json, "openingBalance", opening, currency, true);
        writeBalance(json, "closingBalance", trailer.closingBalance(), currency, true);
        writeBalance(json, "availableBalance", trailer.availableBalance(), currency, false);
        if (check == null) {
            json.writeNullProperty("balanceCheck");
        } else {
            json.writeObjectPropertyStart("balanceCheck");
            json.writeBooleanProperty("ok", check.ok());
            json.writeStringProperty("difference", CurrencyUnits.format(check.difference(),
                    opening.currency() != null ? opening.currency() : currency));
            json.writeEndObject();
        }
    }

    private static void writeBalance(JsonGenerator json, String name, Balance balance, String statementCurrency,
            boolean withType) {
        if (balance == null) {
            json.writeNullProperty(name);
            return;
        }
        String currency = balance.currency() != null ? balance.currency() : statementCurrency;
        json.writeObjectPropertyStart(name);
        json.writeStringProperty("amount", CurrencyUnits.format(balance.amount(), currency));
        json.writeStringProperty("date", date(balance.date()));
        if (withType) {
            json.writeStringProperty("type", balance.type());
        }
        json.writeEndObject();
    }

    private static void writeLine(JsonGenerator json, StatementLine line) {
        json.writeStartObject();
        json.writeStringProperty("bookingDate", date(line.bookingDate()));
        json.writeStringProperty("valueDate", date(line.valueDate()));
        json.writeStringProperty("amount", CurrencyUnits.format(line.amount(), line.currency()));
        json.writeStringProperty("currency", line.currency());
        json.writeBooleanProperty("reversal", line.reversal());
        json.writeStringProperty("bankReference", line.bankReference());
        json.writeStringProperty("customerReference", line.customerReference());
        json.writeStringProperty("endToEndId", line.endToEndId());
        json.writeStringProperty("batchReference", line.batchReference());
        Counterparty cp = line.counterparty();
        if (cp == null) {
            json.writeNullProperty("counterparty");
        } else {
            json.writeObjectPropertyStart("counterparty");
            json.writeStringProperty("name", cp.name());
            json.writeStringProperty("iban", cp.iban());
            json.writeStringProperty("other", cp.other());
            json.writeStringProperty("bic", cp.bic());
            json.writeEndObject();
        }
        json.writeStringProperty("remittance", line.remittance());
        json.writeStringProperty("structuredReference", line.structuredReference());
        TransactionCode code = line.transactionCode();
        if (code == null) {
            json.writeNullProperty("transactionCode");
        } else {
            json.writeObjectPropertyStart("transactionCode");
            json.writeStringProperty("domain", code.domain());
            json.writeStringProperty("family", code.family());
            json.writeStringProperty("subFamily", code.subFamily());
            json.writeStringProperty("proprietary", code.proprietary());
            json.writeStringProperty("swift", code.swift());
            json.writeEndObject();
        }
        OriginalAmount original = line.originalAmount();
        if (original == null) {
            json.writeNullProperty("originalAmount");
        } else {
            json.writeObjectPropertyStart("originalAmount");
            json.writeStringProperty("amount", CurrencyUnits.format(original.amount(), original.currency()));
            json.writeStringProperty("currency", original.currency());
            json.writeStringProperty("rate", plain(original.rate()));
            json.writeEndObject();
        }
        json.writeStringProperty("rawInformation", line.rawInformation());
        json.writeStringProperty("uniqueImportId", line.uniqueImportId());
        json.writeEndObject();
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
