package io.finbatch.jobs.execution;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.List;
import java.util.Set;

/**
 * Tells a failure worth retrying (the database dropped the connection, a deadlock, a serialization
 * conflict, a concurrent insert of the same line) from one that will fail again the same way.
 */
public final class TransientFailures {

    /** SQLSTATE classes and codes that a retry may get past: connection exceptions, rollbacks, admin shutdown. */
    private static final Set<String> TRANSIENT_SQL_STATES = Set.of("40001", "40P01", "57P01", "57P02", "57P03",
            "55P03", "HYT00");

    private TransientFailures() {
    }

    public static boolean isTransient(List<Throwable> failures) {
        return !failures.isEmpty() && failures.stream().allMatch(TransientFailures::isTransient);
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof DuplicateKeyException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || TRANSIENT_SQL_STATES.contains(sql.getSQLState()))) {
                return true;
            }
            // the pool's answer on a connection the database has already dropped
            if (t instanceof SQLException sql && "Connection is closed".equals(sql.getMessage())) {
                return true;
            }
            // a failed rollback hides the failure that caused it: that one decides
            if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && rollback.getApplicationException() != t && isTransient(rollback.getApplicationException())) {
                return true;
            }
        }
        return false;
    }
}
