package io.sessiongate.core.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;

/**
 * The handle of one transaction that repository methods take: the Hibernate session of a
 * {@link Database#inTransaction} (the server), or a plain JDBC connection in whatever transaction it
 * has (the benchmark's database ceiling, which so issues exactly the server's statements). Either
 * way a failure reaches the caller as a {@link DataAccessException}.
 */
public final class Tx {

    private final Session session;
    private final Connection connection;

    private Tx(Session session, Connection connection) {
        this.session = session;
        this.connection = connection;
    }

    /** The transaction {@code session} holds. */
    public static Tx of(Session session) {
        return new Tx(Objects.requireNonNull(session), null);
    }

    /** The transaction {@code connection} is in; committing it is the caller's business. */
    public static Tx of(Connection connection) {
        return new Tx(null, Objects.requireNonNull(connection));
    }

    /** The Hibernate session, for the directory's entities; there is none on a plain connection. */
    public Session session() {
        if (session == null) {
            throw new IllegalStateException("a plain JDBC transaction has no Hibernate session");
        }
        return session;
    }

    /** Runs {@code work} on the transaction's connection. */
    <T> T jdbc(ReturningWork<T> work) {
        if (session != null) {
            return session.doReturningWork(work);
        }
        try {
            return work.execute(connection);
        } catch (SQLException e) {
            throw PersistenceExceptionTranslator.translate(e);
        }
    }
}
