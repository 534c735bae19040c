package io.finbatch.jobs.extract;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A run that did not complete leaves no half-written version behind: its folder is removed unless a file of
 * it was recorded (which a failed run cannot have: the recording is the last, transactional, step).
 */
class DiscardIncompleteExtract implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(DiscardIncompleteExtract.class);

    private final JdbcTemplate jdbc;

    DiscardIncompleteExtract(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void afterJob(JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED
                || !execution.getExecutionContext().containsKey(ExtractJobConfiguration.DIRECTORY)) {
            return;
        }
        Long recorded = jdbc.queryForObject("SELECT COUNT(*) FROM extract_file WHERE job_execution_id = ?",
                Long.class, execution.getId());
        if (recorded != null && recorded > 0) {
            return;
        }
        Path directory = Path.of(execution.getExecutionContext().getString(ExtractJobConfiguration.DIRECTORY));
        try {
            FileSystemUtils.deleteRecursively(directory);
            log.info("extract execution {} did not complete: removed {}", execution.getId(), directory);
        } catch (IOException e) {
            log.warn("extract execution {} did not complete; could not remove {}: {}", execution.getId(), directory,
                    e.getMessage());
        }
    }
}
