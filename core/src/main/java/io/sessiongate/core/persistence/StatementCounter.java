package io.sessiongate.core.persistence;

import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the SQL statements the current thread sends, so that the server can report how many
 * statements one request cost (the benchmark reads the figure): those sent through Hibernate,
 * which calls this as its statement inspector, and those sent by {@link NativeSql}.
 */
public final class StatementCounter implements StatementInspector {

    private static final ThreadLocal<int[]> COUNT = ThreadLocal.withInitial(() -> new int[1]);

    @Override
    public String inspect(String sql) {
        count();
        return sql;
    }

    /** Counts one statement sent outside Hibernate. */
    static void count() {
        COUNT.get()[0]++;
    }

    /** Starts counting afresh on this thread. */
    public static void reset() {
        COUNT.get()[0] = 0;
    }

    /** The statements sent by this thread since the last {@link #reset()}. */
    public static int current() {
        return COUNT.get()[0];
    }
}
