package io.sessiongate.core.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The writes of one transaction whose results nobody reads (a web session's touch, a transfer's row, an
 * event's row), held back so that they cost no round trip of their own: they go to the database in front
 * of the transaction's next statement, or with its COMMIT, as one multi-statement packet (the driver runs
 * with {@code allowMultiQueries}; its prepared statements are client-side, so the values are bound as
 * for any other statement, never spliced into the SQL). Order among the transaction's plain-JDBC
 * statements is kept: a deferred write always reaches the database before the next one. MariaDB stops a
 * multi-statement packet at its first error, so a failed deferred write fails the statement it travels
 * with, and the transaction rolls back as for any failure: nothing is half-written.
 *
 * <p>Only {@link NativeSql} statements flush them; a Hibernate statement may overtake a deferred write,
 * which is why only writes no Hibernate statement depends on are deferred (see the package doc).
 */
final class DeferredWrites {

    /** The deferred writes of the transaction {@link Database} runs on this thread, if any. */
    private static final ThreadLocal<DeferredWrites> BOUND = new ThreadLocal<>();

    private final List<NativeSql.Run> runs = new ArrayList<>(4);

    /** Binds a fresh holder to this thread for one transaction; the one it replaces, to restore after. */
    static DeferredWrites bind(DeferredWrites writes) {
        DeferredWrites before = BOUND.get();
        if (writes == null) {
            BOUND.remove();
        } else {
            BOUND.set(writes);
        }
        return before;
    }

    /** The holder of the transaction running on this thread, or null outside {@link Database#inTransaction}. */
    static DeferredWrites bound() {
        return BOUND.get();
    }

    void add(NativeSql.Run run) {
        runs.add(run);
    }

    boolean isEmpty() {
        return runs.isEmpty();
    }

    int size() {
        return runs.size();
    }

    /** The deferred statements, then {@code last} if not null, as one multi-statement text. */
    String joined(String last) {
        StringJoiner sql = new StringJoiner(";\n");
        for (NativeSql.Run run : runs) {
            sql.add(run.jdbc());
        }
        if (last != null) {
            sql.add(last);
        }
        return sql.toString();
    }

    /** Binds the deferred statements' values from the first parameter on; the index of the next parameter. */
    int bind(PreparedStatement ps) throws SQLException {
        int next = 1;
        for (NativeSql.Run run : runs) {
            next = run.bindFrom(ps, next);
        }
        return next;
    }

    /** Forgets the deferred writes once the statement they travelled with has run. */
    void clear() {
        runs.clear();
    }

    /**
     * Sends the deferred writes on {@code c} in one round trip: with {@code COMMIT} behind them when
     * {@code commit} (the driver reads from the reply that the transaction has ended, so the JDBC commit
     * that follows sends nothing), else alone.
     */
    void send(Connection c, boolean commit) throws SQLException {
        if (runs.isEmpty()) {
            return;
        }
        String sql = joined(commit ? "COMMIT" : null);
        StatementCounter.countRoundTrip();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps);
            ps.execute();
            while (ps.getMoreResults() || ps.getUpdateCount() != -1) {
                // every result read, so that the connection is ready for the next command
            }
        } finally {
            clear();
        }
    }
}
