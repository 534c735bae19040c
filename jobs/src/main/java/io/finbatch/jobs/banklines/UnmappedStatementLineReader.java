package io.finbatch.jobs.banklines;

import io.finbatch.mappings.statement.Counterparty;
import io.finbatch.mappings.statement.EntryStatus;
import io.finbatch.mappings.statement.OriginalAmount;
import io.finbatch.mappings.statement.StatementLine;
import io.finbatch.mappings.statement.TransactionCode;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads the staged lines of imported files that are not mapped yet (no MATCHED or PERIOD_LOCKED mark; an
 * UNMATCHED line is tried again), in id order, a page at a time (keyset: {@code id > last}). A restart
 * resumes after the last line of the last committed chunk; reading lines again would be harmless, since a
 * chunk's journal lines and its marks commit together.
 */
class UnmappedStatementLineReader implements ItemStreamReader<StagedLine> {

    private static final String LAST_ID_KEY = "bankLines.lastId";
    private static final String QUERY = "SELECT l.id, l.account_key, l.booking_date, l.value_date, l.amount,"
            + " l.currency, l.reversal, l.bank_reference, l.customer_reference, l.end_to_end_id, l.batch_reference,"
            + " l.counterparty_name, l.counterparty_iban, l.counterparty_other, l.counterparty_bic, l.remittance,"
            + " l.structured_reference, l.tx_domain, l.tx_family, l.tx_sub_family, l.tx_proprietary, l.tx_swift,"
            + " l.original_amount, l.original_currency, l.exchange_rate, l.raw_information, l.unique_import_id,"
            + " l.source_location, f.id AS file_id, f.file_name"
            + " FROM statement_line l JOIN bank_statement s ON s.id = l.bank_statement_id"
            + " JOIN statement_file f ON f.id = s.statement_file_id"
            + " WHERE l.id > ? AND f.status = 'IMPORTED' AND NOT EXISTS (SELECT 1 FROM bank_line_mapping m"
            + "  WHERE m.statement_line_id = l.id AND m.outcome <> 'UNMATCHED')"
            + " ORDER BY l.id LIMIT ?";

    private static final RowMapper<StagedLine> ROW = (rs, n) -> {
        StatementLine line = StatementLine.builder()
                .bookingDate(date(rs.getDate("booking_date"))).valueDate(date(rs.getDate("value_date")))
                .amount(rs.getBigDecimal("amount")).currency(trim(rs.getString("currency")))
                .reversal(rs.getBoolean("reversal")).bankReference(rs.getString("bank_reference"))
                .customerReference(rs.getString("customer_reference")).endToEndId(rs.getString("end_to_end_id"))
                .batchReference(rs.getString("batch_reference"))
                .counterparty(new Counterparty(rs.getString("counterparty_name"), rs.getString("counterparty_iban"),
                        rs.getString("counterparty_other"), rs.getString("counterparty_bic")))
                .remittance(rs.getString("remittance")).structuredReference(rs.getString("structured_reference"))
                .transactionCode(new TransactionCode(rs.getString("tx_domain"), rs.getString("tx_family"),
                        rs.getString("tx_sub_family"), rs.getString("tx_proprietary"), rs.getString("tx_swift")))
                .originalAmount(rs.getBigDecimal("original_amount") == null ? null
                        : new OriginalAmount(rs.getBigDecimal("original_amount"),
                                trim(rs.getString("original_currency")), rs.getBigDecimal("exchange_rate")))
                .rawInformation(rs.getString("raw_information")).uniqueImportId(rs.getString("unique_import_id"))
                .status(EntryStatus.BOOKED) // only booked lines are staged
                .location(rs.getString("source_location"))
                .build();
        return new StagedLine(rs.getLong("id"), rs.getLong("file_id"), rs.getString("file_name"),
                rs.getString("account_key"), line);
    };

    private final JdbcTemplate jdbc;
    private final int pageSize;
    private final Deque<StagedLine> page = new ArrayDeque<>();
    private long lastFetched;
    private long lastRead;
    private boolean exhausted;

    UnmappedStatementLineReader(JdbcTemplate jdbc, int pageSize) {
        this.jdbc = jdbc;
        this.pageSize = pageSize;
    }

    @Override
    public void open(ExecutionContext context) {
        lastRead = context.getLong(LAST_ID_KEY, 0L);
        lastFetched = lastRead;
        page.clear();
        exhausted = false;
    }

    @Override
    public StagedLine read() {
        if (page.isEmpty() && !exhausted) {
            page.addAll(jdbc.query(QUERY, ROW, lastFetched, pageSize));
            exhausted = page.size() < pageSize;
            if (!page.isEmpty()) {
                lastFetched = page.getLast().id();
            }
        }
        StagedLine next = page.poll();
        if (next != null) {
            lastRead = next.id();
        }
        return next;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(LAST_ID_KEY, lastRead);
    }

    private static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static String trim(String text) {
        return text == null ? null : text.trim();
    }
}
