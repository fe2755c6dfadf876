package io.sessiongate.core.persistence;

/**
 * A failure of the database layer, in the project's own terms. Nothing above {@code core}
 * sees a Hibernate or JDBC exception: {@link PersistenceExceptionTranslator} turns each into
 * one of these subclasses.
 */
public class DataAccessException extends RuntimeException {

    public DataAccessException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A unique constraint (site key, email within an account, node ID, ...) rejected a row. */
    public static final class DuplicateEntry extends DataAccessException {
        private final String constraint;

        public DuplicateEntry(String constraint, Throwable cause) {
            super("duplicate entry" + (constraint == null ? "" : " for " + constraint), cause);
            this.constraint = constraint;
        }

        /** The name of the violated constraint, when the database said it; may be null. */
        public String constraint() {
            return constraint;
        }
    }

    /** Another transaction changed the row since it was read (optimistic version check). */
    public static final class StaleUpdate extends DataAccessException {
        public StaleUpdate(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The database could not be reached, or the connection broke. */
    public static final class Unavailable extends DataAccessException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Any other database failure: a bug or a fault, never a business outcome. */
    public static final class Failure extends DataAccessException {
        public Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
