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
    private final DeferredStatements deferred; // null: a deferred write is sent at once, a read ahead when wanted

    private Tx(Session session, Connection connection, DeferredStatements deferred) {
        this.session = session;
        this.connection = connection;
        this.deferred = deferred;
    }

    /**
     * The transaction {@code session} holds; inside {@link Database#inTransaction} its deferred writes
     * ({@link NativeSql.Run#defer()}) wait for the next statement or the COMMIT, and its reads ahead
     * ({@link NativeSql.Run#ahead}) for the next statement.
     */
    public static Tx of(Session session) {
        return new Tx(Objects.requireNonNull(session), null, DeferredStatements.bound());
    }

    /**
     * The transaction {@code connection} is in; committing it is the caller's business, nothing is deferred and
     * a read ahead runs when its result is wanted.
     */
    public static Tx of(Connection connection) {
        return new Tx(null, Objects.requireNonNull(connection), null);
    }

    /**
     * The transaction {@code connection} is in, holding deferred writes and reads ahead as the server's
     * transactions do (the benchmark's database ceiling, so that it makes the server's round trips); end it
     * with {@link #commit()} or {@link #rollback()}.
     */
    public static Tx deferring(Connection connection) {
        return new Tx(null, Objects.requireNonNull(connection), new DeferredStatements());
    }

    /** Commits a {@link #deferring} transaction: its deferred writes and the COMMIT in one round trip. */
    public void commit() throws SQLException {
        if (connection == null) {
            throw new IllegalStateException("a Hibernate session's transaction is committed by Database");
        }
        if (deferred != null) {
            deferred.send(connection, true); // sends nothing but deferred writes; forgets the reads ahead
        }
        connection.commit(); // sends nothing when the deferred writes carried the COMMIT
    }

    /** Rolls a plain connection's transaction back, forgetting what was deferred. */
    public void rollback() throws SQLException {
        if (connection == null) {
            throw new IllegalStateException("a Hibernate session's transaction is rolled back by Database");
        }
        if (deferred != null) {
            deferred.clear();
        }
        connection.rollback();
    }

    /** The statements waiting for this transaction's next round trip, or null when each is sent on its own. */
    DeferredStatements deferred() {
        return deferred;
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
