package io.finbatch.jobs.close;

import io.finbatch.jobs.config.GroupProperties;
import io.finbatch.jobs.consolidation.ConsolidationService;
import io.finbatch.jobs.extract.ExtractService;
import io.finbatch.jobs.odooposting.OdooConnection;
import io.finbatch.jobs.odooposting.OdooPostingService;
import io.finbatch.jobs.odooposting.PostingKinds;
import io.finbatch.jobs.odooposting.PostingRunResult;
import io.finbatch.readers.group.GroupSetupFiles;
import io.finbatch.writers.extract.ExtractDefinitions;
import io.finbatch.writers.odoo.OdooBusinessException;
import io.finbatch.writers.periods.FiscalPeriod;
import io.finbatch.writers.periods.FiscalPeriodRepository;
import io.finbatch.writers.posting.OdooLockDates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Job {@code monthEndClose(period)} (parameters: {@code period} identifying; {@code requestedBy} and
 * {@code requestedAt}, the close's start instant, not identifying: one close per period, a second launch is a
 * restart). A flow of restartable steps; a failed step stops the job FAILED and a restart resumes at that step:
 *
 * <ol>
 * <li>{@code closeChecks}: statements present, nothing unposted, open exceptions within the threshold, no
 * unreconciled bank statement line in Odoo (see {@link CloseChecks}); blockers stored in {@code close_blocker};</li>
 * <li>{@code closeCutoff}: the GROUP period's and each entity's cut-off set to the close's start if none is set
 * (the start of the execution that runs this step: a restart counts what was imported to fix a blocker);</li>
 * <li>{@code closeConsolidation}: {@code journalConsolidation} of the period;</li>
 * <li>{@code closeExtracts}: every extract whose kind is regulatory or management;</li>
 * <li>{@code closePosting}: {@code odooPosting(entries)}: the closing and adjusting entries;</li>
 * <li>{@code closeLock}: the company lock date in Odoo set to the period's last day, then the period LOCKED here
 * (GROUP and each entity) by {@code requestedBy}. Odoo first: its lock can still be refused (a statement line that
 * arrived since the checks), ours cannot be undone.</li>
 * </ol>
 *
 * <p>The steps launch the existing jobs and touch Odoo, so they run without a step transaction (each service and
 * job commits its own work; a step is redone whole on restart, and each is idempotent).
 */
@Configuration(proxyBeanMethods = false)
public class MonthEndCloseJobConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MonthEndCloseJobConfiguration.class);

    public static final String JOB_NAME = "monthEndClose";
    public static final String CONSOLIDATION_RUN_ID = "closeConsolidationRunId";
    static final Set<String> EXTRACT_KINDS = Set.of("regulatory", "management");

    private final ResourcelessTransactionManager noTransaction = new SuspendableResourcelessTransactionManager();

    /** Resourceless, and its (empty) transaction can be suspended, so that the step body runs outside it. */
    static final class SuspendableResourcelessTransactionManager extends ResourcelessTransactionManager {

        @Override
        protected Object doSuspend(Object transaction) {
            return Boolean.TRUE;
        }

        @Override
        protected void doResume(Object transaction, Object suspendedResources) {
        }
    }

    @Bean
    CloseChecks closeChecks(JdbcTemplate jdbc, CloseProperties properties, Clock clock) {
        return new CloseChecks(jdbc, properties, clock);
    }

    @Bean
    Job monthEndCloseJob(JobRepository jobRepository, Step closeChecksStep, Step closeCutoffStep,
            Step closeConsolidationStep, Step closeExtractsStep, Step closePostingStep, Step closeLockStep) {
        return new JobBuilder(JOB_NAME, jobRepository).start(closeChecksStep).next(closeCutoffStep)
                .next(closeConsolidationStep).next(closeExtractsStep).next(closePostingStep).next(closeLockStep)
                .build();
    }

    @Bean
    Step closeChecksStep(JobRepository jobRepository, CloseChecks checks, OdooConnection odoo) {
        return step(jobRepository, "closeChecks", (contribution, chunk) -> {
            YearMonth period = period(contribution);
            List<CloseBlocker> blockers = new ArrayList<>();
            blockers.addAll(checks.statements(period));
            blockers.addAll(checks.unpostedOutbox(period));
            blockers.addAll(checks.openExceptions(period));
            blockers.addAll(checks.odooUnreconciled(period, new OdooLockDates(odoo.client())));
            fail(contribution, checks, period, "closeChecks", blockers);
            return RepeatStatus.FINISHED;
        });
    }

    @Bean
    Step closeCutoffStep(JobRepository jobRepository, FiscalPeriodRepository periods, GroupProperties group) {
        return step(jobRepository, "closeCutoff", (contribution, chunk) -> {
            YearMonth period = period(contribution);
            Instant start = startedAt(contribution);
            String who = requestedBy(contribution);
            for (String entity : entities(group)) {
                FiscalPeriod current = periods.ensure(entity, period);
                if (current.cutoffAt() == null && !current.isLocked()) {
                    periods.setCutoff(entity, period, start, who);
                    log.info("close {}: cut-off of {} set to {}", period, entity, start);
                }
            }
            return RepeatStatus.FINISHED;
        });
    }

    @Bean
    Step closeConsolidationStep(JobRepository jobRepository, ConsolidationService consolidation) {
        return step(jobRepository, "closeConsolidation", (contribution, chunk) -> {
            YearMonth period = period(contribution);
            ConsolidationService.ConsolidationRunResult run = consolidation.consolidate(period);
            if (run.runId() == null || !"COMPLETED".equals(run.status())) {
                throw new IllegalStateException("consolidation of " + period + " " + run.status() + " (execution "
                        + run.executionId() + "): " + run.message());
            }
            contribution.getStepExecution().getJobExecution().getExecutionContext()
                    .putLong(CONSOLIDATION_RUN_ID, run.runId());
            log.info("close {}: consolidation run {}, debit {} = credit {}", period, run.runId(), run.totalDebit(),
                    run.totalCredit());
            return RepeatStatus.FINISHED;
        });
    }

    @Bean
    Step closeExtractsStep(JobRepository jobRepository, ExtractService extracts, ExtractDefinitions definitions) {
        return step(jobRepository, "closeExtracts", (contribution, chunk) -> {
            YearMonth period = period(contribution);
            var context = contribution.getStepExecution().getExecutionContext();
            for (String name : definitions.names()) {
                String kind = definitions.load(name).kind();
                if (kind == null || !EXTRACT_KINDS.contains(kind.toLowerCase(java.util.Locale.ROOT))) {
                    continue;
                }
                ExtractService.ExtractResult result = extracts.extract(name, period);
                if (!result.completed()) {
                    throw new IllegalStateException("extract " + name + " of " + period + " " + result.status()
                            + " (execution " + result.executionId() + "): " + result.message());
                }
                context.putInt("extract." + name + ".version", result.version());
                log.info("close {}: extract {} version {}, {} rows", period, name, result.version(), result.rows());
            }
            return RepeatStatus.FINISHED;
        });
    }

    @Bean
    Step closePostingStep(JobRepository jobRepository, OdooPostingService posting, CloseChecks checks) {
        return step(jobRepository, "closePosting", (contribution, chunk) -> {
            YearMonth period = period(contribution);
            PostingRunResult result = posting.post(PostingKinds.ENTRIES);
            if (!"COMPLETED".equals(result.status())) {
                throw new IllegalStateException("posting of the entries " + result.status() + " (execution "
                        + result.executionId() + "): " + result.message());
            }
            log.info("close {}: {} entries posted, {} already in Odoo, {} skipped", period, result.posted(),
                    result.alreadyPresent(), result.skipped());
            List<CloseBlocker> blockers = new ArrayList<>(checks.unpostedOutbox(period));
            blockers.addAll(checks.openExceptions(period));
            fail(contribution, checks, period, "closePosting", blockers);
            return RepeatStatus.FINISHED;
        });
    }

    @Bean
    Step closeLockStep(JobRepository jobRepository, CloseChecks checks, OdooConnection odoo,
            FiscalPeriodRepository periods, GroupProperties group) {
        return step(jobRepository, "closeLock", (contribution, chunk) -> {
            YearMonth period = period(contribution);
            LocalDate end = period.atEndOfMonth();
            OdooLockDates lockDates = new OdooLockDates(odoo.client());
            fail(contribution, checks, period, "closeLock", checks.odooUnreconciled(period, lockDates));
            try {
                List<Long> companies = lockDates.lockUpTo(end);
                log.info("close {}: Odoo lock date ({}) set to {} on companies {}", period, lockDates.lockFields(),
                        end, companies);
            } catch (OdooBusinessException refused) {
                List<CloseBlocker> blockers = new ArrayList<>(checks.odooUnreconciled(period, lockDates));
                blockers.add(0, new CloseBlocker("ODOO_LOCK", null, "Odoo refused the lock date " + end + ": "
                        + refused.getMessage()));
                fail(contribution, checks, period, "closeLock", blockers);
            }
            for (Map.Entry<Long, Map<String, LocalDate>> company : lockDates.lockDates().entrySet()) {
                company.getValue().forEach((field, date) -> {
                    if (date == null || date.isBefore(end)) {
                        throw new IllegalStateException("Odoo company " + company.getKey() + " reads back " + field
                                + " = " + date + " after it was set to " + end);
                    }
                });
            }
            String who = requestedBy(contribution);
            for (String entity : entities(group)) {
                FiscalPeriod current = periods.ensure(entity, period);
                if (!current.isLocked()) {
                    periods.lock(entity, period, who);
                }
            }
            log.info("close {}: LOCKED (GROUP and entities) by {}", period, who);
            return RepeatStatus.FINISHED;
        });
    }

    /**
     * A tasklet step whose body runs outside any transaction (the step's resourceless one suspended): it launches
     * other jobs, which refuse to start inside a transaction, and each service it calls commits its own work.
     */
    private Step step(JobRepository jobRepository, String name, Tasklet tasklet) {
        TransactionTemplate outside = new TransactionTemplate(noTransaction);
        outside.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        Tasklet suspended = (contribution, chunk) -> outside.execute(status -> {
            try {
                return tasklet.execute(contribution, chunk);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
        return new StepBuilder(name, jobRepository).tasklet(suspended, noTransaction).build();
    }

    /** GROUP first, then the group's entities. */
    static List<String> entities(GroupProperties group) {
        List<String> entities = new ArrayList<>(List.of("GROUP"));
        GroupSetupFiles.load(group.dir()).entities().forEach(e -> entities.add(e.code()));
        return entities;
    }

    private static void fail(StepContribution contribution, CloseChecks checks, YearMonth period, String step,
            List<CloseBlocker> blockers) {
        if (blockers.isEmpty()) {
            return;
        }
        checks.store(contribution.getStepExecution().getJobExecutionId(), period, blockers);
        blockers.forEach(b -> log.warn("close {} blocked: {}", period, b));
        throw new CloseBlockedException(step, blockers);
    }

    private static JobParameters parameters(StepContribution contribution) {
        return contribution.getStepExecution().getJobParameters();
    }

    static YearMonth period(StepContribution contribution) {
        return YearMonth.parse(parameters(contribution).getString("period"));
    }

    /**
     * The close's start: the start of the close execution that reaches the cut-off step (so that a restart after
     * blockers were fixed, e.g. a missing statement imported, counts the fix), else {@code requestedAt}.
     */
    static Instant startedAt(StepContribution contribution) {
        java.time.LocalDateTime start = contribution.getStepExecution().getJobExecution().getStartTime();
        return start != null ? start.atZone(java.time.ZoneId.systemDefault()).toInstant()
                : Instant.parse(parameters(contribution).getString("requestedAt"));
    }

    static String requestedBy(StepContribution contribution) {
        return parameters(contribution).getString("requestedBy");
    }

}
