package io.sessiongate.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.util.DriverDataSource;
import io.sessiongate.core.testing.TestDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The pool's connection source against a real MariaDB, and against a port where none listens. */
class PatientConnectionsTest {

    private final TestDatabase db = TestDatabase.get();

    private static DataSource driver(String url, String user, String password) {
        Properties settings = new Properties();
        settings.setProperty("connectTimeout", "1000");
        return new DriverDataSource(url, null, settings, user, password);
    }

    @Test
    void connectsToAServerThatIsThere() throws SQLException {
        PatientConnections connections = new PatientConnections(
                driver(db.config().jdbcUrl(), db.user(), db.password()));
        try (Connection c = connections.getConnection()) {
            assertThat(c.isValid(1)).isTrue();
        }
    }

    @Test
    void aRefusedConnectionIsTriedAgainUntilClosed() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Counting counting = new Counting(driver("jdbc:mariadb://127.0.0.1:" + port + "/x", "root", ""));
        PatientConnections connections = new PatientConnections(counting);
        counting.afterAttempt = n -> {
            if (n == 3) {
                connections.close();
            }
        };
        assertThatThrownBy(connections::getConnection).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(PatientConnections.isUnreachable((SQLException) e)).isTrue());
        assertThat(counting.attempts.get()).isEqualTo(3);
    }

    @Test
    void aDatabaseThatCannotBeReachedIsAClearMessageNamingWhy() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String url = "jdbc:mariadb://127.0.0.1:" + port + "/sessiongate";
        assertThatThrownBy(() -> Database.open(new DatabaseConfig(url, "root", "", 2)))
                .isInstanceOf(DataAccessException.Unavailable.class)
                .hasMessageStartingWith("cannot reach the database at " + url + " as user 'root': ")
                .hasMessageContaining("127.0.0.1:" + port)
                .hasMessageNotContaining("timed out");
    }

    @Test
    void aServerThatAnswersWithARefusalIsNotAskedAgain() {
        Counting counting = new Counting(driver(db.serverUrl() + "no_such_database", db.user(), db.password()));
        PatientConnections connections = new PatientConnections(counting);
        assertThatThrownBy(connections::getConnection).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(PatientConnections.isUnreachable((SQLException) e)).isFalse());
        assertThat(counting.attempts.get()).isEqualTo(1);
    }

    /** Counts the connection attempts that reach the driver. */
    private static final class Counting implements DataSource {
        final DataSource driver;
        final AtomicInteger attempts = new AtomicInteger();
        java.util.function.IntConsumer afterAttempt = n -> { };

        Counting(DataSource driver) {
            this.driver = driver;
        }

        @Override
        public Connection getConnection() throws SQLException {
            try {
                return driver.getConnection();
            } finally {
                afterAttempt.accept(attempts.incrementAndGet());
            }
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
