package io.sessiongate.core.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Where the pool gets its new connections. While the database refuses connections (stopped or
 * restarting), this tries again every {@value #RETRY_EVERY_MS} ms rather than failing at once:
 * HikariCP waits up to five seconds after each failed attempt before the next, so a database
 * back after an outage would otherwise go unnoticed for that long while requests fail. Only the
 * pool's background thread calls this; requests wait for a pooled connection with their own
 * timeout and fail fast as before. Failures other than an unreachable server (a wrong password,
 * an unknown database) are reported at once.
 */
final class PatientConnections implements DataSource {

    static final long RETRY_EVERY_MS = 100;

    /** After this long the failure goes back to the pool, which logs it and tries again later. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final DataSource driver;
    private volatile boolean closed;
    private volatile SQLException lastFailure;

    PatientConnections(DataSource driver) {
        this.driver = driver;
    }

    /** Why the latest attempt failed, or null when the latest attempt succeeded. */
    SQLException lastFailure() {
        return lastFailure;
    }

    /** Stops retrying, so that closing the pool does not wait for a database that is not coming back. */
    void close() {
        closed = true;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return patiently(driver::getConnection);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return patiently(() -> driver.getConnection(user, password));
    }

    private interface Connect {
        Connection get() throws SQLException;
    }

    private Connection patiently(Connect connect) throws SQLException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            try {
                Connection c = connect.get();
                lastFailure = null;
                return c;
            } catch (SQLException e) {
                lastFailure = e;
                if (!isUnreachable(e) || closed || System.nanoTime() - deadline > 0) {
                    throw e;
                }
                try {
                    Thread.sleep(RETRY_EVERY_MS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** SQLSTATE class 08, connection exception: the server is not there (refused, reset, shutting down). */
    static boolean isUnreachable(SQLException e) {
        String state = e.getSQLState();
        return state != null && state.startsWith("08");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return driver.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        driver.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        driver.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return driver.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return driver.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : driver.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || driver.isWrapperFor(type);
    }
}
