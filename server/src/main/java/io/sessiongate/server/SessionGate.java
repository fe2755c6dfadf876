package io.sessiongate.server;

import io.sessiongate.core.CoreServices;
import io.sessiongate.core.account.PasswordHasher;
import io.sessiongate.core.demo.DemoData;
import io.sessiongate.core.persistence.Database;
import io.sessiongate.core.persistence.DatabaseConfig;
import io.sessiongate.core.persistence.EmbeddedMariaDb;
import io.sessiongate.core.rescue.PresenceStatus;
import io.sessiongate.core.rescue.SessionSweeper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import io.sessiongate.core.admin.OperatorCredential;
import io.sessiongate.server.admin.AccountsResource;
import io.sessiongate.server.admin.ApiTokensResource;
import io.sessiongate.server.admin.ChannelsResource;
import io.sessiongate.server.admin.ConsoleResource;
import io.sessiongate.server.admin.EventsResource;
import io.sessiongate.server.admin.FolderListsResource;
import io.sessiongate.server.admin.GroupsResource;
import io.sessiongate.server.admin.HierarchyResource;
import io.sessiongate.server.admin.NodesResource;
import io.sessiongate.server.admin.RolesResource;
import io.sessiongate.server.admin.SessionResource;
import io.sessiongate.server.admin.SupportSessionsResource;
import io.sessiongate.server.admin.UsersResource;
import io.sessiongate.server.admin.WebSessionsResource;
import io.sessiongate.server.api.AdminJsonResolver;
import io.sessiongate.server.api.ApiRequests;
import io.sessiongate.server.api.Idempotency;
import io.sessiongate.server.api.OpenApiDocument;
import io.sessiongate.server.api.OpenApiResource;
import io.sessiongate.server.apiserver.ApiServerResource;
import io.sessiongate.server.customer.CustomerChannelsResource;
import io.sessiongate.server.customer.CustomerResource;
import io.sessiongate.server.rescue.RescueMethods;
import io.sessiongate.server.rescue.RescueResource;
import io.sessiongate.server.soap.RescueSoap;
import io.sessiongate.server.web.WebPages;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ContainerFactory;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running server and its wiring: the database (embedded or configured), the core services,
 * every resource built with constructor injection, and Grizzly. {@link #close()} undoes it all in
 * reverse order.
 */
public final class SessionGate implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SessionGate.class);
    private static final String DATABASE_NAME = "sessiongate";

    /** The longest request line plus headers; past it Grizzly refuses the request with an empty 400. */
    public static final int MAX_HEADER_BYTES = 64 * 1024;

    private final HttpServer http;
    private final CoreServices core;
    private final EmbeddedMariaDb embedded;
    private final ScheduledExecutorService scheduler;
    private final URI baseUri;
    private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);

    private SessionGate(HttpServer http, CoreServices core, EmbeddedMariaDb embedded,
                        ScheduledExecutorService scheduler, URI baseUri) {
        this.http = http;
        this.core = core;
        this.embedded = embedded;
        this.scheduler = scheduler;
        this.baseUri = baseUri;
    }

    /** Starts the server as configured, with the system clock. */
    public static SessionGate start(ServerConfig config) {
        return start(config, Clock.systemUTC());
    }

    /**
     * Starts the server: the database, the migrations, the demo data when configured, then HTTP.
     *
     * @throws io.sessiongate.core.persistence.DataAccessException.Unavailable when the database
     *         cannot be reached
     */
    public static SessionGate start(ServerConfig config, Clock clock) {
        EmbeddedMariaDb embedded = null;
        DatabaseConfig dbConfig;
        if (config.database().isPresent()) {
            dbConfig = config.database().get();
        } else {
            java.nio.file.Path dir = config.dataDir().toAbsolutePath();
            embedded = EmbeddedMariaDb.start(dir.resolve("mariadb-base"), dir.resolve("mariadb"), 0, DATABASE_NAME);
            dbConfig = new DatabaseConfig(embedded.jdbcUrl(DATABASE_NAME), "root", "", config.poolSize());
        }
        try {
            Database database = Database.open(dbConfig);
            return start(config, database, embedded, clock);
        } catch (RuntimeException e) {
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    /** Starts HTTP over a database that is already open; {@link #close()} closes it too. */
    public static SessionGate start(ServerConfig config, Database database, EmbeddedMariaDb embedded, Clock clock) {
        CoreServices core = new CoreServices(database, clock, new PasswordHasher(config.bcryptCost()),
                ServerConfig.reportRepeatWindowFromEnvironment());
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "sessiongate-scheduler");
            t.setDaemon(true);
            return t;
        });
        bootstrapOperator(core, config.operatorToken());
        if (config.demo()) {
            core.demoData().load();
            scheduler.scheduleWithFixedDelay(() -> simulatedConsoles(core), 0, 30, TimeUnit.SECONDS);
        }
        scheduler.scheduleWithFixedDelay(() -> maintenance(core), 1, 60, TimeUnit.SECONDS);
        long sweepMillis = sweepIntervalFromEnvironment();
        if (sweepMillis > 0) {
            scheduler.scheduleWithFixedDelay(() -> sweep(core), sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
        }

        URI requested = URI.create("http://" + config.host() + ":" + config.port() + "/");
        HttpServer http = GrizzlyHttpServerFactory.createHttpServer(requested, (GrizzlyHttpContainer) null, false,
                null, false);
        GrizzlyHttpContainer jersey = ContainerFactory.createContainer(GrizzlyHttpContainer.class,
                application(core, version()));
        http.getServerConfiguration().addHttpHandler(new RequestGuard(new BodiesReadFirst(jersey)), "/");
        http.getServerConfiguration().setDefaultErrorPageGenerator(RequestGuard.PLAIN_ERRORS);
        NetworkListener listener = http.getListener("grizzly");
        listener.registerAddOn(new IgnoreUnsupportedUpgrades());
        listener.registerAddOn(new UndecodableRequests());
        listener.registerAddOn(new StrictFraming());
        listener.registerAddOn(new ConnectionsPerAddress(ConnectionsPerAddress.limitFromEnvironment()));
        // Rescue callers put every parameter in the query string: allow long ones, but bound them.
        listener.setMaxHttpHeaderSize(MAX_HEADER_BYTES);
        listener.getTransport().setWorkerThreadPoolConfig(ThreadPoolConfig.defaultConfig()
                .setPoolName("sessiongate-http").setCorePoolSize(64).setMaxPoolSize(64));
        listener.getKeepAlive().setIdleTimeoutInSeconds(30);
        try {
            http.start();
        } catch (IOException e) {
            scheduler.shutdownNow();
            throw new UncheckedIOException("cannot listen on " + config.host() + ":" + config.port(), e);
        }
        String host = "0.0.0.0".equals(config.host()) ? "localhost" : config.host();
        URI baseUri = URI.create("http://" + host + ":" + listener.getPort() + "/");
        return new SessionGate(http, core, embedded, scheduler, baseUri);
    }

    /** Every Jersey resource and provider, built here with what it needs. */
    static ResourceConfig application(CoreServices core, String version) {
        ResourceConfig rc = new ResourceConfig();
        rc.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        rc.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        rc.register(new RequestLogFilter());
        rc.register(JacksonFeature.withoutExceptionMappers());
        rc.register(ApiExceptionMapper.class);
        rc.register(new HealthResource(core.database(), version));
        rc.register(new PingResource());
        RescueMethods rescue = new RescueMethods(core.logins(), core.transfers(), core.sessionQueries(),
                core.lifecycle(), core.pinCodes(), core.directory(), core.reports());
        rc.register(new StateChangingRequests(rescue));
        rc.register(new RescueResource(rescue));
        rc.register(new RescueSoap(rescue));
        rc.register(new ConsoleResource(core.presence(), core.sessionQueries(), core.lifecycle()));
        administration(rc, core);
        rc.register(new ApiServerResource(core.sessionUpdates()));
        rc.register(new CustomerResource(core.customers()));
        rc.register(new CustomerChannelsResource(core.joinableChannels()));
        rc.register(new WebPages());
        io.sessiongate.server.metrics.ServerMetrics.install(rc, core.database(), rescue);
        return rc;
    }

    /**
     * The administration API ({@code /api/v1}): its conventions (strict JSON, bodies read once, CSRF,
     * problems, the OpenAPI document and browser) and its resources over {@code core.admin}.
     */
    private static void administration(ResourceConfig rc, CoreServices core) {
        CoreServices.Administration admin = core.administration();
        Idempotency idempotency = new Idempotency(admin.idempotencyKeys());
        rc.register(new AdminJsonResolver());
        rc.register(new ApiRequests());
        rc.register(new OpenApiResource(OpenApiDocument.load()));
        rc.register(new SessionResource(admin.access(), admin.operator()));
        rc.register(new AccountsResource(admin.accounts(), admin.operator(), admin.access(), idempotency));
        rc.register(new ApiTokensResource(admin.apiTokens(), admin.operator(), admin.access(), idempotency));
        rc.register(new WebSessionsResource(admin.webSessions(), admin.operator(), admin.access()));
        rc.register(new EventsResource(admin.events(), admin.operator(), admin.access()));
        rc.register(new SupportSessionsResource(admin.supportSessions(), admin.operator(), admin.access(),
                idempotency));
        // the directory (issue 16): hierarchy, groups, channels, nodes, users, roles, folder lists
        rc.register(new HierarchyResource(admin.directory(), admin.operator(), admin.access(), idempotency));
        rc.register(new GroupsResource(admin.directory(), admin.operator(), admin.access(), idempotency));
        rc.register(new ChannelsResource(admin.directory(), admin.operator(), admin.access(), idempotency));
        rc.register(new NodesResource(admin.directory(), admin.operator(), admin.access(), idempotency));
        rc.register(new UsersResource(admin.directory(), admin.operator(), admin.access(), idempotency));
        rc.register(new RolesResource(admin.roles(), admin.operator(), admin.access(), idempotency));
        rc.register(new FolderListsResource(admin.folderLists(), admin.operator(), admin.access(), idempotency));
    }

    /**
     * The operator's credential: {@code SESSIONGATE_OPERATOR_TOKEN}'s when set; else, on a database that has
     * none yet, a generated token, printed this once (only its hash is kept).
     */
    private static void bootstrapOperator(CoreServices core, String environmentToken) {
        OperatorCredential.Bootstrap done = core.administration().operator().bootstrap(environmentToken);
        if (done instanceof OperatorCredential.Bootstrap.Generated generated) {
            // One line each: the log escapes line breaks, and a reader greps for the token's line.
            LOG.warn("*************************************************************");
            LOG.warn("An operator token was generated (shown this once; only its hash is stored):");
            LOG.warn("    {}", generated.token());
            LOG.warn("Use it to create accounts: curl -H 'Authorization: Bearer <token>' -H 'Content-Type: "
                    + "application/json' -d '<account>' http://<host>:<port>/api/v1/accounts (see the README)");
            LOG.warn("Set SESSIONGATE_OPERATOR_TOKEN to choose the token yourself (it then replaces this one).");
            LOG.warn("*************************************************************");
        } else if (done instanceof OperatorCredential.Bootstrap.FromEnvironment) {
            LOG.info("operator token: the one set in SESSIONGATE_OPERATOR_TOKEN");
        } else {
            LOG.info("operator token: the one generated at the first start (set SESSIONGATE_OPERATOR_TOKEN to replace it)");
        }
    }

    private static void simulatedConsoles(CoreServices core) {
        try {
            for (Long node : DemoData.ALWAYS_ONLINE) {
                core.presence().heartbeat(node, PresenceStatus.ONLINE);
            }
        } catch (RuntimeException e) {
            LOG.warn("simulated console heartbeat failed: {}", e.getMessage());
        }
    }

    private static void maintenance(CoreServices core) {
        try {
            core.logins().purgeExpiredAttempts();
            core.customers().purgeExpiredAttempts();
            core.reports().purge();
            core.administration().idempotencyKeys().purge();
        } catch (RuntimeException e) {
            LOG.warn("maintenance failed: {}", e.getMessage());
        }
    }

    /** The default of {@code SESSIONGATE_SWEEP_INTERVAL_MS}: how often this process applies the time-outs. */
    static final long DEFAULT_SWEEP_MILLIS = 10_000;

    /** {@code SESSIONGATE_SWEEP_INTERVAL_MS} (a property wins over the variable); 0: this process does not sweep. */
    static long sweepIntervalFromEnvironment() {
        String name = "SESSIONGATE_SWEEP_INTERVAL_MS";
        String v = System.getProperty(name, System.getenv(name));
        if (v == null || v.isBlank()) {
            return DEFAULT_SWEEP_MILLIS;
        }
        try {
            long millis = Long.parseLong(v.trim());
            if (millis < 0) {
                throw new NumberFormatException();
            }
            return millis;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number of milliseconds, not '" + v + "'");
        }
    }

    private static void sweep(CoreServices core) {
        try {
            SessionSweeper.Swept swept = core.sweeper().sweep();
            if (swept.total() > 0) {
                LOG.info("sweeper: {} PIN codes expired, {} waiting and {} idle sessions timed out",
                        swept.expiredPins(), swept.waitingTimedOut(), swept.idleTimedOut());
            }
        } catch (RuntimeException e) {
            LOG.warn("sweep failed: {}", e.getMessage());
        }
    }

    /** The project version, from the build. */
    public static String version() {
        try (InputStream in = SessionGate.class.getResourceAsStream("/sessiongate-version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Where the server listens, e.g. {@code http://localhost:8080/}. */
    public URI baseUri() {
        return baseUri;
    }

    public int port() {
        return baseUri.getPort();
    }

    public CoreServices core() {
        return core;
    }

    /**
     * Blocks until {@link #close()} has run. Grizzly's threads are daemons, so the main thread waits
     * here to keep the process alive.
     */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    /** Stops HTTP (letting requests in flight finish), the scheduler, the pool and the embedded database. */
    @Override
    public void close() {
        try {
            http.shutdown(5, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            http.shutdownNow();
        }
        scheduler.shutdownNow();
        core.database().close();
        if (embedded != null) {
            embedded.close();
        }
        closed.countDown();
    }
}
