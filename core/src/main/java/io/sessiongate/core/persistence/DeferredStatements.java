package io.sessiongate.core.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The statements of one transaction held back so that they cost no round trip of their own, sent with
 * the transaction's next plain-JDBC statement as one multi-statement packet (the driver runs with
 * {@code allowMultiQueries}; its prepared statements are client-side, so the values are bound as for any
 * other statement, never spliced into the SQL):
 *
 * <ul>
 * <li><em>deferred writes</em>, whose results nobody reads (a web session's touch, a transfer's row, an
 * event's row), go in front of that statement, or with the COMMIT. Order among the transaction's
 * plain-JDBC statements is kept: a deferred write always reaches the database before the next one.
 * <li><em>reads ahead</em> ({@link NativeSql.Ahead}), asked for before the statement whose round trip they
 * may share (transferSession's read of its target and session, before the caller's authentication), go
 * behind it; a read ahead that nothing carries runs on its own when its result is wanted, and one never
 * wanted is never sent. It sees the transaction as it stands when it travels, so only a read that nothing
 * the transaction does before it is wanted can change is asked ahead.
 * </ul>
 *
 * MariaDB stops a multi-statement packet at its first error, so a failed deferred write fails the statement
 * it travels with, and the transaction rolls back as for any failure: nothing is half-written.
 *
 * <p>Only {@link NativeSql} statements carry them; a Hibernate statement may overtake a deferred write,
 * which is why only writes no Hibernate statement depends on are deferred (see the package doc).
 */
final class DeferredStatements {

    /** The deferred statements of the transaction {@link Database} runs on this thread, if any. */
    private static final ThreadLocal<DeferredStatements> BOUND = new ThreadLocal<>();

    private final List<NativeSql.Run> writes = new ArrayList<>(4);
    private final List<NativeSql.Ahead<?>> reads = new ArrayList<>(2);

    /** Binds a fresh holder to this thread for one transaction; the one it replaces, to restore after. */
    static DeferredStatements bind(DeferredStatements statements) {
        DeferredStatements before = BOUND.get();
        if (statements == null) {
            BOUND.remove();
        } else {
            BOUND.set(statements);
        }
        return before;
    }

    /** The holder of the transaction running on this thread, or null outside {@link Database#inTransaction}. */
    static DeferredStatements bound() {
        return BOUND.get();
    }

    void add(NativeSql.Run write) {
        writes.add(write);
    }

    void add(NativeSql.Ahead<?> read) {
        reads.add(read);
    }

    /** Takes {@code read} back, to be run on its own. */
    void withdraw(NativeSql.Ahead<?> read) {
        reads.remove(read);
    }

    /** Nothing waits to travel with the next statement. */
    boolean isEmpty() {
        return writes.isEmpty() && reads.isEmpty();
    }

    /** A write waits for the next round trip (or the COMMIT). */
    boolean hasWrites() {
        return !writes.isEmpty();
    }

    int writeCount() {
        return writes.size();
    }

    /** The reads ahead, in the order they were asked for, to read their results after the carrier's. */
    List<NativeSql.Ahead<?>> reads() {
        return List.copyOf(reads);
    }

    /** The deferred writes, then {@code carrier}, then the reads ahead, as one multi-statement text. */
    String around(String carrier) {
        StringJoiner sql = writesSql();
        sql.add(carrier);
        for (NativeSql.Ahead<?> read : reads) {
            sql.add(read.run().jdbc());
        }
        return sql.toString();
    }

    /** Binds the values of {@link #around}'s statements, {@code carrier}'s in its place, from the first parameter on. */
    void bindAround(PreparedStatement ps, NativeSql.Run carrier) throws SQLException {
        int next = carrier.bindFrom(ps, bindWrites(ps));
        for (NativeSql.Ahead<?> read : reads) {
            next = read.run().bindFrom(ps, next);
        }
    }

    private StringJoiner writesSql() {
        StringJoiner sql = new StringJoiner(";\n");
        for (NativeSql.Run write : writes) {
            sql.add(write.jdbc());
        }
        return sql;
    }

    /** Binds the deferred writes' values from the first parameter on; the index of the next parameter. */
    private int bindWrites(PreparedStatement ps) throws SQLException {
        int next = 1;
        for (NativeSql.Run write : writes) {
            next = write.bindFrom(ps, next);
        }
        return next;
    }

    /** Forgets what travelled once the packet that carried it has run. */
    void clear() {
        writes.clear();
        reads.clear();
    }

    /**
     * Sends the deferred writes on {@code c} in one round trip: with {@code COMMIT} behind them when
     * {@code commit} (the driver reads from the reply that the transaction has ended, so the JDBC commit
     * that follows sends nothing), else alone. Reads ahead stay for the next statement; at the COMMIT, nobody
     * wanted them, and they are forgotten unsent.
     */
    void send(Connection c, boolean commit) throws SQLException {
        if (writes.isEmpty()) {
            if (commit) {
                reads.clear();
            }
            return;
        }
        StringJoiner sql = writesSql();
        if (commit) {
            sql.add("COMMIT");
        }
        StatementCounter.countRoundTrip();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            bindWrites(ps);
            ps.execute();
            while (ps.getMoreResults() || ps.getUpdateCount() != -1) {
                // every result read, so that the connection is ready for the next command
            }
        } finally {
            writes.clear();
            if (commit) {
                reads.clear();
            }
        }
    }
}
