package io.sessiongate.reliability;

import io.sessiongate.core.persistence.Database;
import io.sessiongate.core.persistence.DatabaseConfig;
import io.sessiongate.core.persistence.EmbeddedMariaDb;
import io.sessiongate.core.testing.TestAccounts;
import io.sessiongate.core.testing.MutableClock;
import io.sessiongate.testing.FreePort;
import java.nio.file.Path;

/**
 * The suite's own MariaDB: embedded, on a fixed port, so that a test can stop it and start it
 * again under load (the shared test database of the other modules cannot be stopped). The schema
 * is migrated once and fixtures are written through the domain's own services.
 */
final class SuiteDatabase {

    static final String NAME = "reliability";
    private static SuiteDatabase instance;

    private final EmbeddedMariaDb mariadb;
    private final Database database;
    private final TestAccounts accounts;

    private SuiteDatabase(EmbeddedMariaDb mariadb) {
        this.mariadb = mariadb;
        this.database = Database.open(new DatabaseConfig(mariadb.jdbcUrl(NAME), "root", "", 4));
        this.accounts = new TestAccounts(database, new MutableClock());
    }

    static synchronized SuiteDatabase get() {
        if (instance == null) {
            Path dir = Path.of("target", "mariadb").toAbsolutePath();
            EmbeddedMariaDb mariadb = EmbeddedMariaDb.start(dir.resolve("base"), dir.resolve("data"), FreePort.find(),
                    NAME);
            try {
                // A schema left by an earlier run (of an older checkout) is not this build's: start empty.
                mariadb.run("DROP DATABASE `" + NAME + "`");
                mariadb.run("CREATE DATABASE `" + NAME + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
                instance = new SuiteDatabase(mariadb);
            } catch (RuntimeException e) {
                mariadb.close(); // else the next test's start finds the data directory locked
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                instance.database.close();
                instance.mariadb.close();
            }));
        }
        return instance;
    }

    String jdbcUrl() {
        return mariadb.jdbcUrl(NAME);
    }

    /** A new, empty database on the suite's MariaDB (for a first start), its JDBC URL. */
    String freshDatabase(String name) {
        mariadb.run("DROP DATABASE IF EXISTS `" + name + "`");
        mariadb.run("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return mariadb.jdbcUrl(name);
    }

    Database database() {
        return database;
    }

    TestAccounts accounts() {
        return accounts;
    }

    void stop() {
        mariadb.stop();
    }

    void startAgain() {
        mariadb.startAgain();
    }
}
