package io.finbatch.readers.mt940;

import io.finbatch.mappings.money.Iban;

import io.finbatch.mappings.money.CurrencyUnits;
import io.finbatch.mappings.statement.AccountId;
import io.finbatch.mappings.statement.Balance;
import io.finbatch.mappings.statement.Counterparty;
import io.finbatch.mappings.statement.EntryStatus;
import io.finbatch.mappings.statement.StatementEvent;
import io.finbatch.mappings.statement.StatementHeader;
import io.finbatch.mappings.statement.StatementLine;
import io.finbatch.mappings.statement.StatementTrailer;
import io.finbatch.mappings.statement.TransactionCode;
import io.finbatch.readers.MalformedEntryException;
import io.finbatch.readers.StatementFormatException;
import io.finbatch.readers.StatementParser;

import java.io.InputStream;
import java.util.ArrayDeque;

/**
 * Streams an MT940 / MT942 file as statement events. Each {@code :20:} starts a statement; a {@code :61:}
 * and the {@code :86:} fields after it make one line, emitted when the next field that is not an
 * {@code :86:} arrives. Holds one statement's header and one entry at a time.
 *
 * <p>A {@code :61:} that cannot be read raises a {@link MalformedEntryException} and the next call goes on
 * with the following entry. A statement without {@code :20:}, {@code :25:}, an opening balance (MT940) or a
 * closing balance (MT940: a truncated message) raises a {@link StatementFormatException}; so does a field
 * outside any statement.
 */
final class Mt940Parser implements StatementParser {

    /** Fields buffered at most while deciding between MT940 and MT942. */
    private static final int FORMAT_LOOKAHEAD_FIELDS = 64;

    private final String fileName;
    private final LineReader lines;
    private final FieldReader fields;
    private final ArrayDeque<Field> lookahead = new ArrayDeque<>();
    /** Events to hand out, and at most one exception to throw in their place. */
    private final ArrayDeque<Object> out = new ArrayDeque<>(4);
    private final String format;
    private boolean finished;
    private RuntimeException fatal;
    private int statementCount;

    private OpenStatement statement;
    private Field entry;
    private String entryInformation;

    Mt940Parser(InputStream in, String fileName) {
        this.fileName = fileName;
        this.lines = new LineReader(in, fileName);
        this.fields = new FieldReader(lines, fileName);
        this.format = detectFormat();
    }

    /** Looks ahead within the first message: {2:I942}, :942:, or :34F:/:13D: before any balance or line. */
    private String detectFormat() {
        boolean seenReference = false;
        while (lookahead.size() < FORMAT_LOOKAHEAD_FIELDS) {
            Field field = fields.next();
            if (field == null) {
                break;
            }
            lookahead.add(field);
            switch (field.tag()) {
                case Field.MESSAGE_TYPE:
                    return "942".equals(field.text()) ? "mt942" : "mt940";
                case "34F", "13D", "13", "90D", "90C":
                    return "mt942";
                case "60F", "60M", "61", "62F", "62M":
                    return "mt940";
                case "20":
                    seenReference = true;
                    break;
                case Field.MESSAGE_END:
                    if (seenReference) {
                        return "mt940";
                    }
                    break;
                default:
                    break;
            }
        }
        return "mt940";
    }

    @Override
    public String format() {
        return format;
    }

    @Override
    public StatementEvent next() {
        if (fatal != null) {
            throw fatal;
        }
        while (out.isEmpty() && !finished) {
            step();
        }
        Object next = out.poll();
        if (next instanceof MalformedEntryException skipped) {
            throw skipped;
        }
        if (next instanceof RuntimeException failure) {
            fatal = failure;
            close();
            throw failure;
        }
        return (StatementEvent) next;
    }

    private void step() {
        try {
            Field field = lookahead.isEmpty() ? fields.next() : lookahead.poll();
            if (field == null) {
                endOfFile();
                finished = true;
            } else {
                handle(field);
            }
        } catch (StatementFormatException e) {
            out.add(e);
            finished = true;
        }
    }

    private void handle(Field field) {
        String tag = field.tag();
        switch (tag) {
            case Field.MESSAGE_TYPE:
                return;
            case Field.MESSAGE_END:
                flushEntry();
                return;
            case "20":
                finishStatement(field.line());
                String id = field.firstLine().strip();
                if (id.isEmpty()) {
                    throw error(field.line(), "field :20: (transaction reference) is empty");
                }
                statement = new OpenStatement(id, field.line());
                return;
            default:
                break;
        }
        if (statement == null) {
            throw error(field.line(), "field :" + tag + ": comes before any :20: (transaction reference): "
                    + "not a complete MT940/MT942 statement");
        }
        switch (tag) {
            case "25", "25P" -> {
                // a :25: after the header went out cannot change it (seen where a broken file has it in place
                // of an :86:): the statement keeps the account it started with
                if (statement.header == null) {
                    statement.account = AccountIdentification.parse(field.firstLine());
                }
            }
            case "28", "28C" -> statement.sequence(field.firstLine());
            case "60F", "60M" -> {
                if (statement.opening == null) {
                    statement.opening = balance(field, tag);
                }
            }
            case "34F" -> {
                if (statement.floorLimitCurrency == null) {
                    statement.floorLimitCurrency = BalanceField.floorLimitCurrency(field.firstLine());
                }
                statement.intraday = true;
            }
            case "13D", "13" -> {
                statement.createdAt = BalanceField.dateTime(field.firstLine());
                statement.intraday = true;
            }
            case "61" -> {
                flushEntry();
                start(field.line());
                entry = field;
            }
            case "86" -> {
                if (entry != null) {
                    entryInformation = entryInformation == null ? field.text()
                            : entryInformation + "\n" + field.text();
                }
                // an :86: outside an entry is information about the whole statement: not in the model
            }
            case "62F", "62M" -> {
                flushEntry();
                start(field.line());
                statement.closing = balance(field, tag);
            }
            case "64" -> {
                flushEntry();
                start(field.line());
                statement.available = balance(field, tag);
            }
            case "65", "90D", "90C" -> {
                flushEntry();
                start(field.line());
            }
            default -> {
                // :21: related reference, :NS: non-SWIFT data, unknown tags: nothing for the model
            }
        }
    }

    private Balance balance(Field field, String type) {
        Balance balance = BalanceField.parse(field.firstLine(), type);
        if (balance == null) {
            throw error(field.line(), "field :" + type + ": is not a balance (expected D or C, YYMMDD, "
                    + "currency and amount such as C240131EUR1234,56)");
        }
        return balance;
    }

    /** Emits the statement's Started event once the header fields are in. */
    private void start(int line) {
        if (statement.header != null) {
            return;
        }
        AccountIdentification account = statement.account;
        if (account == null) {
            throw error(statement.line, "the statement has no :25: account identification (before line " + line
                    + ")");
        }
        boolean intraday = statement.intraday || format.equals("mt942");
        if (statement.opening == null && !intraday) {
            throw error(statement.line, "the statement has no opening balance :60F: or :60M: (before line "
                    + line + ")");
        }
        String currency = statement.opening != null && statement.opening.currency() != null
                ? statement.opening.currency()
                : statement.floorLimitCurrency != null ? statement.floorLimitCurrency : account.currency();
        statement.currency = currency;
        statement.minorUnits = CurrencyUnits.minorUnits(currency);
        statement.header = new StatementHeader(++statementCount, statement.id,
                new AccountId(account.iban(), account.other(), currency, account.bic()),
                statement.electronicSequence, statement.legalSequence, statement.createdAt, statement.opening,
                "line " + statement.line);
        out.add(new StatementEvent.Started(statement.header));
    }

    private void flushEntry() {
        if (entry == null) {
            return;
        }
        Field field = entry;
        String information = entryInformation;
        entry = null;
        entryInformation = null;
        Field61 parsed;
        try {
            parsed = Field61Parser.parse(field.text(), statement.minorUnits);
        } catch (Field61Parser.InvalidField61 invalid) {
            out.add(new MalformedEntryException(fileName, "line " + field.line(),
                    "field :61: (statement line) cannot be read: " + invalid.getMessage(), ":61:" + field.text()));
            return;
        }
        Details86 details = Field86Parser.parse(information);
        String iban = details.counterpartyIban();
        if (iban == null && details.counterpartyOther() == null) {
            iban = ibanIn(parsed.supplementaryDetails());
        }
        StatementLine line = StatementLine.builder()
                .bookingDate(parsed.entryDate())
                .valueDate(parsed.valueDate())
                .amount(parsed.amount())
                .currency(statement.currency)
                .reversal(parsed.reversal())
                .bankReference(parsed.bankReference())
                .customerReference(parsed.customerReference())
                .endToEndId(details.endToEndId())
                .batchReference(details.batchReference())
                .counterparty(new Counterparty(details.counterpartyName(), iban, details.counterpartyOther(),
                        details.counterpartyBic()))
                .remittance(details.remittance())
                .structuredReference(details.structuredReference())
                .transactionCode(new TransactionCode(null, null, null, details.proprietaryCode(),
                        parsed.transactionType()))
                .originalAmount(parsed.originalAmount())
                .rawInformation(information)
                .status(EntryStatus.BOOKED)
                .location("line " + field.line())
                .build();
        out.add(new StatementEvent.Line(statement.header, line));
    }

    /** Rabobank and others put the other party's IBAN alone on the :61: supplementary-details line. */
    private static String ibanIn(String supplementary) {
        if (supplementary == null || supplementary.indexOf(' ') >= 0 || supplementary.indexOf('\n') >= 0) {
            return null;
        }
        return Iban.isValidCompact(supplementary) ? supplementary : null;
    }

    /** Ends the open statement because of what is at {@code nextLine} (the next :20:, or the file's end). */
    private void finishStatement(int nextLine) {
        if (statement == null) {
            return;
        }
        flushEntry();
        start(nextLine);
        boolean intraday = statement.intraday || format.equals("mt942");
        if (statement.closing == null && !intraday) {
            throw error(statement.line, "the statement has no closing balance :62F: or :62M: before line "
                    + nextLine + " (truncated message?)");
        }
        out.add(new StatementEvent.Ended(statement.header,
                new StatementTrailer(statement.opening, statement.closing, statement.available)));
        statement = null;
    }

    private void endOfFile() {
        finishStatement(lines.lineNumber() + 1);
        if (statementCount == 0) {
            throw error(Math.max(1, lines.lineNumber()), "no statement found (no :20: field)");
        }
    }

    private StatementFormatException error(int line, String reason) {
        return new StatementFormatException(fileName, "line " + line, reason);
    }

    @Override
    public void close() {
        finished = true;
        lines.close();
    }

    /** The statement being read: header fields until its Started event, then its balances. */
    private static final class OpenStatement {
        final String id;
        final int line;
        AccountIdentification account;
        String electronicSequence;
        String legalSequence;
        String createdAt;
        String floorLimitCurrency;
        boolean intraday;
        Balance opening;
        Balance closing;
        Balance available;
        StatementHeader header;
        String currency;
        int minorUnits = CurrencyUnits.DEFAULT_MINOR_UNITS;

        OpenStatement(String id, int line) {
            this.id = id;
            this.line = line;
        }

        /** {@code :28C:} statement number [/ sequence number]. */
        void sequence(String value) {
            String text = value.strip();
            int slash = text.indexOf('/');
            electronicSequence = Text.nonBlank(slash < 0 ? text : text.substring(0, slash));
            legalSequence = slash < 0 ? null : Text.nonBlank(text.substring(slash + 1));
        }
    }
}
