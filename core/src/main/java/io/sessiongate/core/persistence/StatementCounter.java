package io.sessiongate.core.persistence;

import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the SQL statements the current thread sends and the round trips to the database they take,
 * so that the server can report what one request cost (the benchmark reads both figures): statements
 * sent through Hibernate, which calls this as its statement inspector, and those of {@link NativeSql}.
 * A deferred write or a read ahead ({@link DeferredStatements}) is a statement that travels in another one's
 * round trip (a read ahead counts when it travels; one never sent, never); a COMMIT is a round trip of its own
 * unless deferred writes carried it.
 */
public final class StatementCounter implements StatementInspector {

    private static final ThreadLocal<int[]> COUNT = ThreadLocal.withInitial(() -> new int[2]);

    @Override
    public String inspect(String sql) {
        count();
        return sql;
    }

    /** Counts one statement sent on its own round trip. */
    static void count() {
        int[] c = COUNT.get();
        c[0]++;
        c[1]++;
    }

    /** Counts one statement that will travel in another statement's round trip. */
    static void countDeferred() {
        COUNT.get()[0]++;
    }

    /** Counts one round trip that carries no statement of its own counted elsewhere (a COMMIT, deferred writes). */
    static void countRoundTrip() {
        COUNT.get()[1]++;
    }

    /** Starts counting afresh on this thread. */
    public static void reset() {
        int[] c = COUNT.get();
        c[0] = 0;
        c[1] = 0;
    }

    /** The statements sent by this thread since the last {@link #reset()}. */
    public static int current() {
        return COUNT.get()[0];
    }

    /** The round trips to the database this thread made since the last {@link #reset()}. */
    public static int roundTrips() {
        return COUNT.get()[1];
    }
}
