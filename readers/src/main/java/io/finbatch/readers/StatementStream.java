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
    private final UniqueImportIds ids;
    private BigDecimal bookedSum = BigDecimal.ZERO;
    private long bookedLines;
    private BalanceCheck lastBalanceCheck;

    public StatementStream(StatementParser parser) {
        this(parser, true);
    }

    private StatementStream(StatementParser parser, boolean importIds) {
        this.parser = parser;
        this.ids = importIds ? new UniqueImportIds() : null;
    }

    /**
     * A stream whose lines carry no unique import id (null): for a pass that only checks the file, where the
     * id (two SHA-256 digests of the line's content key at most) would be computed for nothing.
     */
    public static StatementStream withoutImportIds(StatementParser parser) {
        return new StatementStream(parser, false);
    }

    public String format() {
        return parser.format();
    }

    /** The next event, as {@link StatementParser#next()}, with lines carrying their unique import id (unless made without). */
    public StatementEvent next() {
        StatementEvent event = parser.next();
        if (event instanceof StatementEvent.Started) {
            if (ids != null) {
                ids.startStatement();
            }
            bookedSum = BigDecimal.ZERO;
            bookedLines = 0;
            lastBalanceCheck = null;
        } else if (event instanceof StatementEvent.Line lineEvent) {
            StatementLine line = lineEvent.line();
            if (line.booked() && line.amount() != null) {
                bookedSum = bookedSum.add(line.amount());
                bookedLines++;
            }
            if (ids == null) {
                return event;
            }
            StatementHeader header = lineEvent.header();
            String currency = header.account() == null ? null : header.account().currency();
            return new StatementEvent.Line(header, withUniqueImportId(line, ids.idFor(header.account(), currency, line)));
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
