package io.sessiongate.core.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MariaDB database: a HikariCP pool, the Flyway migrations, and a Hibernate
 * {@link SessionFactory} bootstrapped without a container that validates (never generates) the
 * schema Flyway made. All work goes through {@link #inTransaction(Function)}, which turns
 * persistence exceptions into {@link DataAccessException}s.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource dataSource;
    private final PatientConnections connections;
    private final SessionFactory sessionFactory;
    private final TransactionRetry retry;
    private final CommitMarker commitMarker; // null on one database

    private Database(HikariDataSource dataSource, PatientConnections connections, SessionFactory sessionFactory,
                     boolean cluster) {
        this.dataSource = dataSource;
        this.connections = connections;
        this.sessionFactory = sessionFactory;
        this.retry = ClusterSettings.retry(dataSource, cluster);
        this.commitMarker = cluster ? new CommitMarker(dataSource) : null;
    }

    /**
     * Connects, migrates the schema to the latest version and builds the session factory.
     *
     * @throws DataAccessException.Unavailable when the database cannot be reached
     */
    public static Database open(DatabaseConfig config) {
        Properties driverSettings = driverSettings();
        boolean cluster = ClusterSettings.isCluster(config.jdbcUrl());
        PatientConnections connections = new PatientConnections(
                new DriverDataSource(config.jdbcUrl(), null, driverSettings, config.user(), config.password()));
        HikariDataSource ds = pool(config, connections, cluster);
        try {
            reach(ds, config, connections);
            migrate(ds);
            return new Database(ds, connections, sessionFactory(ds), cluster);
        } catch (RuntimeException e) {
            connections.close();
            ds.close();
            throw e;
        }
    }

    /**
     * The driver's settings on every connection: the benchmark's database ceiling uses them too, so that
     * it sends the server's statements the way the server does.
     */
    public static Properties driverSettings() {
        Properties driverSettings = new Properties();
        // A connection attempt or a query gives up rather than hang on a database that does not answer.
        driverSettings.setProperty("connectTimeout", "3000");
        driverSettings.setProperty("socketTimeout", "30000");
        driverSettings.setProperty("useServerPrepStmts", "false");
        driverSettings.setProperty("cachePrepStmts", "true");
        // Deferred writes travel in front of the next statement or with the COMMIT (DeferredStatements); the
        // statements are client-side prepared, so values are still bound, never spliced into the SQL.
        driverSettings.setProperty("allowMultiQueries", "true");
        return driverSettings;
    }

    private static HikariDataSource pool(DatabaseConfig config, PatientConnections connections, boolean cluster) {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("sessiongate");
        hc.setDataSource(connections);
        // A fixed-size pool, opened at start: a request never pays for a connection being opened, and the
        // pool holds what the benchmark's database ceiling holds. Growing on demand from 2 opened the rest
        // under the first heavy load, on the pool's adder thread beside the workers (README, Performance).
        hc.setMaximumPoolSize(config.poolSize());
        hc.setMinimumIdle(config.poolSize());
        hc.setAutoCommit(false);
        hc.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        // A request must fail fast, not hang, when the database is down; on a cluster, ride out a node's eviction.
        hc.setConnectionTimeout(ClusterSettings.poolWaitMillis(cluster));
        hc.setValidationTimeout(1_000);
        hc.setInitializationFailTimeout(-1);
        return new HikariDataSource(hc);
    }

    /** One connection from the new pool, to report the server's version, or the reason it cannot be reached. */
    private static void reach(HikariDataSource ds, DatabaseConfig config, PatientConnections connections) {
        try (Connection c = ds.getConnection()) {
            LOG.info("database reached: {} ({})", redact(config.jdbcUrl()), c.getMetaData().getDatabaseProductVersion());
        } catch (SQLException e) {
            // The pool's own message only says it timed out; the driver's says why.
            SQLException why = connections.lastFailure();
            if (why == null && e.getCause() instanceof SQLException cause) {
                why = cause;
            }
            throw new DataAccessException.Unavailable(
                    "cannot reach the database at " + redact(config.jdbcUrl()) + " as user '" + config.user() + "': "
                            + (why != null ? why.getMessage() : e.getMessage()), e);
        }
    }

    private static void migrate(DataSource ds) {
        var result = Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info("schema migrated to version {} ({} migrations)", result.targetSchemaVersion, result.migrationsExecuted);
        }
    }

    private static SessionFactory sessionFactory(DataSource ds) {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.DATASOURCE, ds)
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "validate")
                .applySetting(AvailableSettings.JDBC_TIME_ZONE, "UTC")
                .applySetting(AvailableSettings.PREFERRED_INSTANT_JDBC_TYPE, "TIMESTAMP")
                .applySetting(AvailableSettings.STATEMENT_INSPECTOR, new StatementCounter())
                .applySetting(AvailableSettings.STATEMENT_BATCH_SIZE, 50)
                .applySetting(AvailableSettings.ORDER_INSERTS, true)
                .applySetting(AvailableSettings.CONNECTION_PROVIDER_DISABLES_AUTOCOMMIT, true)
                .applySetting(AvailableSettings.SHOW_SQL, Boolean.getBoolean("sessiongate.showSql"))
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            Entities.ALL.forEach(sources::addAnnotatedClass);
            return sources.buildMetadata().buildSessionFactory();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws; tried again
     * from the start when the database aborted it ({@link TransactionRetry}), so {@code work} must keep its effects
     * inside the session.
     */
    public <T> T inTransaction(Function<Session, T> work) {
        try {
            return retry.run(() -> once(work));
        } catch (RuntimeException e) {
            throw PersistenceExceptionTranslator.translate(e);
        }
    }

    private <T> T once(Function<Session, T> work) {
        Session session = null;
        // On a cluster nothing is deferred or asked ahead: a Galera node that aborts a transaction for a conflicting
        // write set was seen running what followed the aborted statement of a "...; COMMIT" packet as a new
        // transaction and committing it (ClusterFailoverTest: events without their transfer), so each statement
        // goes on its own there.
        DeferredStatements deferred = commitMarker == null ? new DeferredStatements() : null;
        DeferredStatements outer = DeferredStatements.bind(deferred);
        try {
            session = sessionFactory.openSession();
            session.beginTransaction();
            T result = work.apply(session);
            session.flush(); // so that what fails below is the COMMIT itself
            byte[] marker = commitMarker == null ? null : commitMarker.mark(session);
            try {
                if (deferred == null || !deferred.hasWrites()) {
                    StatementCounter.countRoundTrip(); // the driver's COMMIT
                } else {
                    Tx.of(session).jdbc(c -> {
                        deferred.send(c, true);
                        return null;
                    });
                }
                session.getTransaction().commit(); // sends nothing when the deferred writes carried the COMMIT
            } catch (RuntimeException e) {
                if (TransactionRetry.causeOf(e) != TransactionRetry.Cause.CONNECTION) {
                    throw e;
                }
                if (marker == null) {
                    throw new TransactionRetry.CommitInDoubt("the connection broke during COMMIT", e);
                }
                if (ClusterSettings.committed(commitMarker, marker, e)) {
                    return result;
                }
                throw e; // it did not commit: a new try may
            }
            return result;
        } catch (RuntimeException e) {
            rollbackQuietly(session);
            throw e;
        } finally {
            DeferredStatements.bind(outer);
            if (session != null) {
                session.close();
            }
        }
    }

    /**
     * Runs {@code work} in one read-only transaction on a plain pooled connection, for a read too large
     * for a Hibernate session's habits (a report streamed row by row to a caller). Never tried again:
     * what {@code work} has written out by the time the database fails cannot be taken back, so the
     * failure reaches the caller as a {@link DataAccessException}.
     */
    public <T> T readOnly(Function<Tx, T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setReadOnly(true);
            try {
                T result = work.apply(Tx.of(c));
                c.commit();
                return result;
            } catch (RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException ignored) {
                    // the original failure is the one worth reporting
                }
                throw e;
            }
        } catch (SQLException e) {
            throw PersistenceExceptionTranslator.translate(e);
        } catch (RuntimeException e) {
            if (e instanceof java.io.UncheckedIOException) {
                throw e; // the caller's output failed, not the database
            }
            throw PersistenceExceptionTranslator.translate(e);
        }
    }

    /** Runs {@code work} in one transaction that returns nothing. */
    public void doInTransaction(Consumer<Session> work) {
        inTransaction(session -> {
            work.accept(session);
            return null;
        });
    }

    private static void rollbackQuietly(Session session) {
        if (session == null) {
            return;
        }
        try {
            if (session.getTransaction().isActive()) {
                session.getTransaction().rollback();
            }
        } catch (RuntimeException ignored) {
            // the original failure is the one worth reporting
        }
    }

    /** True when a connection can be had and answers a trivial query within a second. */
    public boolean isHealthy() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(1);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** The transaction retry, for its counts (metrics). */
    public TransactionRetry retry() {
        return retry;
    }

    /** The pool, for tools that need plain JDBC (tests, the benchmark). */
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        connections.close();
        try {
            sessionFactory.close();
        } finally {
            dataSource.close();
        }
    }

    /** A JDBC URL without any password parameter, for log lines and messages. */
    public static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /**
     * The entity classes: the directory, which administration writes (see the package doc for the
     * rule); Hibernate needs to be told them without a container to scan.
     */
    static final class Entities {
        static final List<Class<?>> ALL = List.of(
                io.sessiongate.core.account.Account.class,
                io.sessiongate.core.account.Node.class,
                io.sessiongate.core.account.FolderList.class,
                io.sessiongate.core.account.Role.class,
                io.sessiongate.core.account.User.class);

        private Entities() {
        }
    }
}
