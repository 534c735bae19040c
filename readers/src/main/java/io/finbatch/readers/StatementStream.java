package io.finbatch.readers;

import io.finbatch.mappings.statement.BalanceCheck;
import io.finbatch.mappings.statement.StatementEvent;
import io.finbatch.mappings.statement.StatementHeader;
import io.finbatch.mappings.statement.StatementLine;
import io.finbatch.mappings.statement.UniqueImportIds;

import java.math.BigDecimal;

/**
 * A format parser plus what every format needs: each line gets its content-derived unique import id,
 * and each statement its balance check (closing - (opening + sum of booked lines)) when it ends.
 */
public final class StatementStream implements AutoCloseable {

    private final StatementParser parser;
    private final UniqueImportIds ids = new UniqueImportIds();
    private BigDecimal bookedSum = BigDecimal.ZERO;
    private long bookedLines;
    private BalanceCheck lastBalanceCheck;

    public StatementStream(StatementParser parser) {
        this.parser = parser;
    }

    public String format() {
        return parser.format();
    }

    /** The next event, as {@link StatementParser#next()}, with lines carrying their unique import id. */
    public StatementEvent next() {
        StatementEvent event = parser.next();
        if (event instanceof StatementEvent.Started) {
            ids.startStatement();
            bookedSum = BigDecimal.ZERO;
            bookedLines = 0;
            lastBalanceCheck = null;
        } else if (event instanceof StatementEvent.Line lineEvent) {
            StatementHeader header = lineEvent.header();
            StatementLine line = lineEvent.line();
            String currency = header.account() == null ? null : header.account().currency();
            line = withUniqueImportId(line, ids.idFor(header.account(), currency, line));
            if (line.booked() && line.amount() != null) {
                bookedSum = bookedSum.add(line.amount());
                bookedLines++;
            }
            return new StatementEvent.Line(header, line);
        } else if (event instanceof StatementEvent.Ended ended) {
            lastBalanceCheck = BalanceCheck.of(ended.trailer().openingBalance(), ended.trailer().closingBalance(),
                    bookedSum);
        }
        return event;
    }

    /** The line with its id, copied field by field: a builder round trip per line showed in profiles. */
    private static StatementLine withUniqueImportId(StatementLine line, String id) {
        return new StatementLine(line.bookingDate(), line.valueDate(), line.amount(), line.currency(), line.reversal(),
                line.bankReference(), line.customerReference(), line.endToEndId(), line.batchReference(),
                line.counterparty(), line.remittance(), line.structuredReference(), line.transactionCode(),
                line.originalAmount(), line.rawInformation(), id, line.status(), line.location());
    }

    /** Balance check of the statement whose {@code Ended} event was returned last; null when a balance is missing. */
    public BalanceCheck balanceCheck() {
        return lastBalanceCheck;
    }

    /** Sum of the booked lines of the current (or just ended) statement. */
    public BigDecimal bookedSum() {
        return bookedSum;
    }

    public long bookedLines() {
        return bookedLines;
    }

    @Override
    public void close() {
        parser.close();
    }
}
