package io.sessiongate.core.persistence;

import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Turns Hibernate, JPA and JDBC exceptions into {@link DataAccessException}s, so that the
 * layers above {@code core} never catch a persistence-provider type.
 */
public final class PersistenceExceptionTranslator {

    private PersistenceExceptionTranslator() {
    }

    public static DataAccessException translate(Exception e) {
        if (e instanceof DataAccessException dae) {
            return dae;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException cve
                    && cve.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE) {
                return new DataAccessException.DuplicateEntry(cve.getConstraintName(), e);
            }
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return new DataAccessException.StaleUpdate("the row was changed by another transaction", e);
            }
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof SQLException sql && PatientConnections.isUnreachable(sql)) {
                return new DataAccessException.Unavailable(unavailable(t), e);
            }
            if (t instanceof SQLException sql && sql.getErrorCode() == 1062) {
                return new DataAccessException.DuplicateEntry(null, e);
            }
        }
        return new DataAccessException.Failure("database failure: " + e.getClass().getSimpleName(), e);
    }

    /** What the pool or the driver said, e.g. "sessiongate - Connection is not available, request timed out ...". */
    private static String unavailable(Throwable connectionFault) {
        Throwable said = connectionFault instanceof JDBCConnectionException && connectionFault.getCause() != null
                ? connectionFault.getCause() : connectionFault;
        return said.getMessage() == null ? "the database is unavailable"
                : "the database is unavailable: " + said.getMessage();
    }
}
