package io.finbatch.jobs.execution;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDateTime;
import java.util.List;

/** Read-only views of the job repository for the command line and, later, the console. */
@Component
public class ExecutionQueries {

    private final JdbcTemplate jdbc;

    public ExecutionQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record ExecutionRow(long id, String jobName, String status, String exitCode, LocalDateTime start,
            LocalDateTime end, String file, String exitMessage) {
    }

    public List<ExecutionRow> recent(int limit) {
        return jdbc.query("SELECT e.JOB_EXECUTION_ID, i.JOB_NAME, e.STATUS, e.EXIT_CODE, e.START_TIME, e.END_TIME,"
                + " e.EXIT_MESSAGE,"
                + " (SELECT p.PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS p"
                + "   WHERE p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'file') AS FILE_PARAM"
                + " FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID"
                + " ORDER BY e.JOB_EXECUTION_ID DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY",
                (rs, n) -> new ExecutionRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDateTime.class), rs.getObject(6, LocalDateTime.class),
                        rs.getString(8), rs.getString(7)));
    }
}
