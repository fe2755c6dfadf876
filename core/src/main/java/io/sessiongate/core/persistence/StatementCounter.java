package io.sessiongate.core.persistence;

import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the SQL statements the current thread sends through Hibernate, so that the server can
 * report how many statements one request cost (the benchmark reads the figure). Every statement
 * of a request goes through Hibernate, so nothing is missed.
 */
public final class StatementCounter implements StatementInspector {

    private static final ThreadLocal<int[]> COUNT = ThreadLocal.withInitial(() -> new int[1]);

    @Override
    public String inspect(String sql) {
        COUNT.get()[0]++;
        return sql;
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
