package io.sessiongate.core.persistence;

import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a whole transaction again, from its start, when the database (not the business) made it
 * fail: a Galera certification failure or brute-force abort, or a deadlock (error 1213, SQLSTATE
 * 40001), a node that is not ready (error 1047), or a connection that broke or was moved to another
 * host by the driver (SQLSTATE class 08, 25S03); and on a Galera cluster a duplicate PRIMARY key, a few
 * times ({@link Cause#KEY_CLASH}). Everything else, and every business outcome (the
 * services return codes, they do not throw), goes back to the caller at once. A bounded number of
 * attempts within a bounded time, with a random pause between them so that conflicting callers do
 * not collide again in step. When nothing fails this costs one try block.
 *
 * <p>A connection that breaks during COMMIT leaves the outcome in doubt; that case is never retried
 * blindly: {@link Database} resolves it with a {@link CommitMarker} when it has one, and otherwise
 * reports the database unavailable.
 */
public final class TransactionRetry {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionRetry.class);

    /** Why a transaction was tried again. */
    public enum Cause {
        /** Error 1213 / SQLSTATE 40001: Galera certification failure, brute-force abort, or a deadlock. */
        CONFLICT,
        /** The connection broke, or the driver moved it to another host (SQLSTATE 08*, 25S03). */
        CONNECTION,
        /** Error 1047, "WSREP has not yet prepared node for application use": a joining or isolated node. */
        NODE_NOT_READY,
        /**
         * Error 1062 on a PRIMARY key, on a Galera cluster only: while the cluster changes size, each node
         * recomputes its {@code auto_increment_increment} and {@code auto_increment_offset}, and an insert can
         * draw a key another node has drawn (MDEV-7129; Galera retries only autocommit inserts itself). A new
         * try draws a new key; tried at most {@value #KEY_CLASH_TRIES} times, since a key given explicitly
         * would clash every time.
         */
        KEY_CLASH;

        /** The label used in metrics, e.g. {@code conflict}. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What to do when a connection was found broken (e.g. drop the pooled connections to a dead node). */
    public interface ConnectionLossHandler {
        void connectionLost();
    }

    /** The most tries of a transaction whose last failure was a {@link Cause#KEY_CLASH}. */
    static final int KEY_CLASH_TRIES = 3;

    private final int maxAttempts;
    private final long maxNanos;
    private final boolean cluster;
    private final ConnectionLossHandler onConnectionLoss;
    private final Map<Cause, LongAdder> retries = new EnumMap<>(Cause.class);

    /**
     * @param maxAttempts      the most tries of one transaction, the first included
     * @param maxMillis        no new try starts after this long since the first began
     * @param onConnectionLoss called once per try lost to a broken connection
     */
    public TransactionRetry(int maxAttempts, long maxMillis, ConnectionLossHandler onConnectionLoss) {
        this(maxAttempts, maxMillis, false, onConnectionLoss);
    }

    /**
     * @param maxAttempts      the most tries of one transaction, the first included
     * @param maxMillis        no new try starts after this long since the first began
     * @param cluster          whether the database is a Galera cluster, where a {@link Cause#KEY_CLASH} is retried
     * @param onConnectionLoss called once per try lost to a broken connection
     */
    public TransactionRetry(int maxAttempts, long maxMillis, boolean cluster, ConnectionLossHandler onConnectionLoss) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.maxAttempts = maxAttempts;
        this.maxNanos = maxMillis * 1_000_000L;
        this.cluster = cluster;
        this.onConnectionLoss = onConnectionLoss;
        for (Cause c : Cause.values()) {
            retries.put(c, new LongAdder());
        }
    }

    /** Runs {@code attempt} until it returns, throws something not worth retrying, or the bounds are reached. */
    public <T> T run(Supplier<T> attempt) {
        long start = System.nanoTime();
        for (int n = 1; ; n++) {
            try {
                return attempt.get();
            } catch (RuntimeException e) {
                Cause cause = causeOf(e);
                if (cause == null && cluster && isPrimaryKeyClash(e)) {
                    cause = Cause.KEY_CLASH;
                }
                if (cause == Cause.CONNECTION || cause == Cause.NODE_NOT_READY) {
                    onConnectionLoss.connectionLost();
                }
                int most = cause == Cause.KEY_CLASH ? Math.min(maxAttempts, KEY_CLASH_TRIES) : maxAttempts;
                if (cause == null || n >= most || System.nanoTime() - start > maxNanos) {
                    throw e;
                }
                retries.get(cause).increment();
                long pause = pauseMillis(cause, n);
                LOG.debug("transaction try {} failed ({}), trying again in {} ms: {}", n, cause.label(), pause,
                        e.toString());
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** How many times a transaction was tried again, by cause, since this started. */
    public long retries(Cause cause) {
        return retries.get(cause).sum();
    }

    /** Random pause before try {@code n + 1}: short for a conflict, longer for a connection (a node is failing over). */
    static long pauseMillis(Cause cause, int n) {
        long ceiling = switch (cause) {
            case CONFLICT -> 5L << Math.min(n - 1, 6);          // 5, 10, 20, ... 320 ms
            case CONNECTION, NODE_NOT_READY, KEY_CLASH -> 100L * n; // 100, 200, 300, ... ms
        };
        return ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
    }

    /** Why {@code e} is worth a new try, or null when it is not (a bug, a constraint, a stale version, a timeout). */
    public static Cause causeOf(Throwable e) {
        if (e instanceof CommitInDoubt) {
            return null;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                Cause c = causeOf(sql);
                if (c != null) {
                    return c;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static Cause causeOf(SQLException sql) {
        String state = sql.getSQLState();
        if (sql.getErrorCode() == 1213 || "40001".equals(state)) {
            return Cause.CONFLICT;
        }
        if (sql.getErrorCode() == 1047) {
            return Cause.NODE_NOT_READY;
        }
        if (isPoolTimeout(sql)) {
            return null; // the pool already waited its whole timeout for a connection
        }
        if (state != null && (state.startsWith("08") || state.equals("25S03"))) {
            return Cause.CONNECTION;
        }
        return null;
    }

    /** Error 1062, "Duplicate entry '...' for key 'PRIMARY'", anywhere in {@code e}'s causes. */
    static boolean isPrimaryKeyClash(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == 1062 && sql.getMessage() != null
                    && sql.getMessage().contains("for key 'PRIMARY'")) {
                return true;
            }
        }
        return false;
    }

    /** HikariCP's "Connection is not available, request timed out": it carries the last failure's SQLSTATE. */
    private static boolean isPoolTimeout(SQLException sql) {
        return sql instanceof java.sql.SQLTransientConnectionException && sql.getMessage() != null
                && sql.getMessage().contains("Connection is not available");
    }

    /** A connection broke during COMMIT and whether the transaction committed could not be found out. */
    static final class CommitInDoubt extends RuntimeException {
        CommitInDoubt(String message, RuntimeException cause) {
            super(message, cause);
        }
    }
}
