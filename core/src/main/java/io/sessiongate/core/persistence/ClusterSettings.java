package io.sessiongate.core.persistence;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What changes when {@code SESSIONGATE_DB_URL} names a cluster (several hosts, e.g.
 * {@code jdbc:mariadb:sequential://h1:3306,h2:3306,h3:3306/sessiongate}) rather than one database:
 * requests wait longer for a pooled connection, long enough to ride out a Galera node's eviction
 * (writes on the survivors stall about six seconds), and each transaction carries a
 * {@link CommitMarker} so that a COMMIT whose node died can be resolved. On one database nothing
 * changes: requests fail fast while it is down, as before.
 */
final class ClusterSettings {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterSettings.class);

    /** How long a request waits for a pooled connection on a cluster: a node's eviction plus room. */
    static final long CLUSTER_POOL_WAIT_MS = 15_000;
    /** How long a request waits for a pooled connection on one database (fail fast while it is down). */
    static final long SINGLE_POOL_WAIT_MS = 3_000;

    /**
     * Tries of one transaction, the first included, and the time after which no new try starts. Conflicts are
     * many when several nodes change the same rows at once (three sessions transferred from three nodes by nine
     * callers lost ten tries in a row twice in 5,000 transfers), hence a generous count under a bound in time.
     */
    static final int ATTEMPTS = 30;
    static final long RETRY_FOR_MS = 20_000;

    /** How long an in-doubt COMMIT may take to resolve: the eviction, a causal read, and room. */
    static final long IN_DOUBT_PATIENCE_MS = 20_000;

    private ClusterSettings() {
    }

    /** A Connector/J URL with a failover mode ({@code sequential}, {@code loadbalance}, ...) or several hosts. */
    static boolean isCluster(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:mariadb:sequential:") || url.startsWith("jdbc:mariadb:loadbalance:")
                || url.startsWith("jdbc:mariadb:load-balance:")) {
            return true;
        }
        int hosts = url.indexOf("//");
        if (hosts < 0) {
            return false;
        }
        int end = url.indexOf('/', hosts + 2);
        String authority = end < 0 ? url.substring(hosts + 2) : url.substring(hosts + 2, end);
        return authority.contains(",");
    }

    static long poolWaitMillis(boolean cluster) {
        return cluster ? CLUSTER_POOL_WAIT_MS : SINGLE_POOL_WAIT_MS;
    }

    /** The retry of {@link Database#inTransaction}: a broken connection drops the pool's other idle connections. */
    static TransactionRetry retry(HikariDataSource pool, boolean cluster) {
        return new TransactionRetry(ATTEMPTS, RETRY_FOR_MS, cluster, () -> {
            var bean = pool.getHikariPoolMXBean();
            if (bean != null) {
                bean.softEvictConnections(); // the others are likely on the same dead node
            }
        });
    }

    /**
     * Whether the transaction marked {@code marker} committed although its COMMIT failed with {@code failure};
     * throws an in-doubt failure when that cannot be found out.
     */
    static boolean committed(CommitMarker commitMarker, byte[] marker, RuntimeException failure) {
        try {
            boolean committed = commitMarker.committed(marker, IN_DOUBT_PATIENCE_MS);
            LOG.info("a COMMIT lost its connection; the transaction {}", committed ? "had committed" : "had not committed"
                    + " and is tried again");
            return committed;
        } catch (SQLException e) {
            failure.addSuppressed(e);
            throw new TransactionRetry.CommitInDoubt("the connection broke during COMMIT and whether it committed "
                    + "could not be found out", failure);
        }
    }
}
