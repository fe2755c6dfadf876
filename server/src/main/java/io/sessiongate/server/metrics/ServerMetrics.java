package io.sessiongate.server.metrics;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.sessiongate.core.persistence.Database;
import io.sessiongate.core.persistence.TransactionRetry;
import io.sessiongate.server.rescue.RescueMethods;
import java.sql.SQLException;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an operator scrapes: {@code GET /metrics} (Prometheus text format) with requests by API,
 * method and result code and their latency histogram ({@link RequestMetrics}), the connection
 * pool (HikariCP's own Micrometer tracker: active, idle, pending, acquire time, timeouts),
 * transactions tried again by cause, and the JVM; and the probes {@code /health/live} and
 * {@code /health/ready} ({@link ProbeResource}). One registry per server.
 */
public final class ServerMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(ServerMetrics.class);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    private ServerMetrics(Database database) {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        TransactionRetry retry = database.retry();
        for (TransactionRetry.Cause cause : TransactionRetry.Cause.values()) {
            FunctionCounter.builder("sessiongate.transaction.retries", retry, r -> r.retries(cause))
                    .description("Transactions tried again from the start, by why the database aborted the last try")
                    .tag("cause", cause.label())
                    .register(registry);
        }
        try {
            HikariDataSource pool = database.dataSource().unwrap(HikariDataSource.class);
            pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        } catch (SQLException | IllegalStateException e) {
            // a second server on the same pool (tests): the first one reports the pool
            LOG.debug("pool metrics not registered: {}", e.getMessage());
        }
    }

    /** Registers the metrics filter, {@code /metrics} and the probes in {@code rc}. */
    public static ServerMetrics install(ResourceConfig rc, Database database, RescueMethods rescue) {
        ServerMetrics metrics = new ServerMetrics(database);
        rc.register(new RequestMetrics(metrics.registry, rescue));
        rc.register(new MetricsResource(metrics.registry));
        rc.register(new ProbeResource(database));
        return metrics;
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }
}
