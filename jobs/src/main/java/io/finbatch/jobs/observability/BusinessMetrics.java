package io.finbatch.jobs.observability;

import io.finbatch.jobs.observability.BusinessFigures.OutboxState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * The business gauges (Prometheus names in brackets), all read from {@link BusinessFigures} (cached):
 * <ul>
 * <li>{@code finbatch.statement.lines.unposted} ({@code finbatch_statement_lines_unposted}): staged statement
 * lines without a CONFIRMED outbox item;</li>
 * <li>{@code finbatch.outbox.items} with tag {@code state} ({@code finbatch_outbox_items{state="PENDING"}}):
 * outbox items per state;</li>
 * <li>{@code finbatch.outbox.oldest.unconfirmed.age} ({@code finbatch_outbox_oldest_unconfirmed_age_seconds}):
 * age of the oldest PENDING or SENT outbox item, 0 when there is none;</li>
 * <li>{@code finbatch.import.exceptions.open} ({@code finbatch_import_exceptions_open}): import exceptions
 * with status OPEN;</li>
 * <li>{@code finbatch.bank.lines.unmatched} ({@code finbatch_bank_lines_unmatched}): statement lines the
 * bank-line mapping left UNMATCHED.</li>
 * </ul>
 * Spring Batch's own metrics ({@code spring.batch.job}, {@code spring.batch.step}, ...) come from its
 * observations, which Spring Boot wires when the actuator is present.
 */
@Component
public class BusinessMetrics implements MeterBinder {

    private final BusinessFigures figures;

    public BusinessMetrics(BusinessFigures figures) {
        this.figures = figures;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("finbatch.statement.lines.unposted", figures, f -> f.current().unpostedStatementLines())
                .description("Staged bank statement lines without a CONFIRMED Odoo outbox item")
                .register(registry);
        for (OutboxState state : OutboxState.values()) {
            Gauge.builder("finbatch.outbox.items", figures, f -> f.current().outbox(state))
                    .description("Odoo outbox items by state").tag("state", state.name()).register(registry);
        }
        Gauge.builder("finbatch.outbox.oldest.unconfirmed.age", figures, f -> f.current().oldestUnconfirmedAge())
                .description("Age of the oldest PENDING or SENT Odoo outbox item (0 when none)")
                .baseUnit("seconds").register(registry);
        Gauge.builder("finbatch.import.exceptions.open", figures, f -> f.current().openExceptions())
                .description("Import exceptions with status OPEN").register(registry);
        Gauge.builder("finbatch.bank.lines.unmatched", figures, f -> f.current().unmatchedBankLines())
                .description("Bank statement lines the bank-line mapping left UNMATCHED").register(registry);
    }
}
