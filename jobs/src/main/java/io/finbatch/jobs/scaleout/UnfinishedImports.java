package io.finbatch.jobs.scaleout;

import io.finbatch.jobs.statementimport.StatementImportJobConfiguration;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Finds an import of a file that did not finish (failed, stopped, or left running by a node that died). */
@Component
class UnfinishedImports {

    private final JdbcTemplate jdbc;

    UnfinishedImports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest execution of the file's import, when it is not COMPLETED (and not ABANDONED). */
    Optional<Long> of(Path file) {
        List<Long> latest = jdbc.queryForList("SELECT e.JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION e"
                + " JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID"
                + " JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID"
                + " WHERE i.JOB_NAME = ? AND p.PARAMETER_NAME = 'file' AND p.PARAMETER_VALUE = ?"
                + " ORDER BY e.JOB_EXECUTION_ID DESC FETCH FIRST 1 ROWS ONLY", Long.class,
                StatementImportJobConfiguration.JOB_NAME, file.toAbsolutePath().normalize().toString());
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        String status = jdbc.queryForObject("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?",
                String.class, latest.get(0));
        return "COMPLETED".equals(status) || "ABANDONED".equals(status) ? Optional.empty() : Optional.of(latest.get(0));
    }

    /**
     * Whether this partitioned run is a restart: an import of its files still marked running then belongs to a
     * node of the failed run, which an operator has declared dead by restarting it.
     */
    boolean isRestart(JobExecution execution) {
        Integer earlier = jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE JOB_INSTANCE_ID = ?"
                + " AND JOB_EXECUTION_ID < ?", Integer.class, execution.getJobInstance().getId(), execution.getId());
        return earlier != null && earlier > 0;
    }
}
