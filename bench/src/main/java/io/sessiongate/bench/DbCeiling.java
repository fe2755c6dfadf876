package io.sessiongate.bench;

import static io.sessiongate.core.persistence.NativeRows.toLong;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.sessiongate.core.event.EventRecorder;
import io.sessiongate.core.rescue.TechnicianPresence;
import io.sessiongate.core.rescue.TransferService;
import io.sessiongate.core.websession.CallerAuthenticator;
import io.sessiongate.core.websession.SecureTokens;
import io.sessiongate.core.websession.SessionUpdateService;
import io.sessiongate.core.websession.SessionUpdateValidator;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The database ceiling: exactly the statements the server issues for one transfer (cookie path)
 * and for one Session.Update, each in one transaction, over a pool of the server's size, with the
 * same concurrency as the HTTP load. What the server could reach if HTTP, JSON and Hibernate cost
 * nothing.
 */
final class DbCeiling implements AutoCloseable {


    private final HikariDataSource pool;
    private final Dataset d;

    DbCeiling(String jdbcUrl, String user, String password, int poolSize, Dataset d) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(jdbcUrl);
        c.setUsername(user);
        c.setPassword(password);
        c.setMaximumPoolSize(poolSize);
        c.setAutoCommit(false);
        c.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        this.pool = new HikariDataSource(c);
        this.d = d;
    }

    LoadResult run(String operation, int connections, int seconds) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        int[] counts = new int[connections];
        for (int t = 0; t < connections; t++) {
            long[] mine = new long[4_000_000 / connections + 1000];
            latencies.add(mine);
            int slot = t;
            Thread thread = new Thread(() -> {
                int n = 0;
                while (System.nanoTime() < end && n < mine.length) {
                    long start = System.nanoTime();
                    try {
                        if ("transfer".equals(operation)) {
                            transfer();
                        } else {
                            update();
                        }
                    } catch (SQLException | RuntimeException e) {
                        errors.incrementAndGet();
                    }
                    mine[n++] = System.nanoTime() - start;
                }
                counts[slot] = n;
            }, "ceiling-" + t);
            thread.start();
            threads.add(thread);
        }
        long started = System.nanoTime();
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < connections; t++) {
            System.arraycopy(latencies.get(t), 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        return new LoadResult("db-" + operation, connections, total, elapsed, errors.get(), pct(all, 50),
                pct(all, 99), pct(all, 99.9));
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    private void transfer() throws SQLException {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        long session = d.session(r.nextInt(d.supportSessions()));
        boolean toTech = r.nextBoolean();
        long node = toTech ? d.techNode(r.nextInt(d.technicians())) : Dataset.CHANNEL_BASE + r.nextInt(Dataset.CHANNELS);
        inTransaction(c -> {
            authenticate(c, now, r);
            Object[] row = TransferService.TARGET_AND_SESSION.on(c)
                    .set("cutoff", now.minus(TechnicianPresence.OFFLINE_AFTER))
                    .set("node", node)
                    .set("session", session)
                    .one();
            Long fromChannel = toLong(row[11]);
            TransferService.MOVE.on(c)
                    .set("status", toTech ? "TRANSFERRING" : "WAITING")
                    .set("now", now)
                    .set("tech", toTech ? node : null)
                    .set("channel", toTech ? fromChannel : Long.valueOf(node))
                    .set("to", "Target")
                    .set("comment", null)
                    .set("id", session)
                    .set("version", toLong(row[12]))
                    .update();
            TransferService.INSERT_TRANSFER.on(c)
                    .set("account", 1L)
                    .set("session", session)
                    .set("from", fromChannel)
                    .set("to", node)
                    .set("ref", toTech ? "NODE" : "CHANNEL")
                    .set("comment", null)
                    .set("by", 1L)
                    .set("at", now)
                    .update();
            event(c, session, "SUPPORT_SESSION", "TRANSFERRED", now);
        });
    }

    private void update() throws SQLException {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        long target = d.firstTargetWebSession() + r.nextInt(d.webSessions());
        inTransaction(c -> {
            authenticate(c, now, r);
            Object[] row = SessionUpdateValidator.LOOKUP.on(c)
                    .set("cutoff", now.minus(CallerAuthenticator.IDLE_TIMEOUT))
                    .set("site", Dataset.SITE)
                    .set("session", target)
                    .set("user", null)
                    .one();
            SessionUpdateService.UPDATE.on(c)
                    .set("user", null)
                    .set("ip", "10.0." + r.nextInt(256) + "." + (1 + r.nextInt(254)))
                    .set("status", "A")
                    .set("roles", row[7])
                    .set("admin", false)
                    .set("folders", 1L)
                    .set("groups", row[10])
                    .set("id", target)
                    .set("version", toLong(row[11]))
                    .update();
            event(c, target, "WEB_SESSION", "UPDATED", now);
        });
    }

    private interface Work {
        void run(Connection c);
    }

    /** One transaction on a pooled connection, as the server's are: committed, or rolled back on failure. */
    private void inTransaction(Work work) throws SQLException {
        try (Connection c = pool.getConnection()) {
            try {
                work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** The cookie path of CallerAuthenticator: one read, one touch. */
    private void authenticate(Connection c, LocalDateTime now, ThreadLocalRandom r) {
        Object[] row = CallerAuthenticator.BY_COOKIE.on(c)
                .set("cutoff", now.minus(CallerAuthenticator.IDLE_TIMEOUT))
                .set("hash", SecureTokens.hash(Dataset.cookie(1 + r.nextInt(d.callers()))))
                .one();
        if (row == null) {
            throw new IllegalStateException("caller web session missing");
        }
        CallerAuthenticator.TOUCH.on(c).set("now", now).set("id", row[0]).update();
    }

    private static void event(Connection c, long object, String type, String action, LocalDateTime now) {
        EventRecorder.INSERT.on(c)
                .set("account", 1L)
                .set("type", type)
                .set("object", object)
                .set("action", action)
                .set("before", "{\"status\":\"A\"}")
                .set("after", "{\"status\":\"A\"}")
                .set("by", 1L)
                .set("at", now)
                .update();
    }

    @Override
    public void close() {
        pool.close();
    }
}
