package io.sessiongate.bench;

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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The database ceiling: exactly the statements the server issues for one transfer (cookie path)
 * and for one Session.Update, each in one transaction, over a pool of the server's size, with the
 * same concurrency as the HTTP load. What the server could reach if HTTP, JSON and Hibernate cost
 * nothing.
 */
final class DbCeiling implements AutoCloseable {

    private static final NamedSql BY_COOKIE = NamedSql.of(CallerAuthenticator.BY_COOKIE);
    private static final NamedSql TOUCH = NamedSql.of(CallerAuthenticator.TOUCH);
    private static final NamedSql TARGET_AND_SESSION = NamedSql.of(TransferService.TARGET_AND_SESSION);
    private static final NamedSql MOVE = NamedSql.of(TransferService.MOVE);
    private static final NamedSql LOOKUP = NamedSql.of(SessionUpdateValidator.LOOKUP);
    private static final NamedSql UPDATE = NamedSql.of(SessionUpdateService.UPDATE);
    private static final NamedSql INSERT_TRANSFER = NamedSql.of(TransferService.INSERT_TRANSFER);
    private static final NamedSql INSERT_EVENT = NamedSql.of(EventRecorder.INSERT);

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
        try (Connection c = pool.getConnection()) {
            try {
                long webSession = authenticate(c, now, r);
                Map<String, Object> p = new HashMap<>();
                p.put("cutoff", now.minus(TechnicianPresence.OFFLINE_AFTER));
                p.put("node", node);
                p.put("session", session);
                long version;
                Long fromChannel;
                try (ResultSet rs = query(c, TARGET_AND_SESSION, p)) {
                    rs.next();
                    version = rs.getLong(13);
                    fromChannel = rs.getObject(12) == null ? null : rs.getLong(12);
                }
                Map<String, Object> m = new HashMap<>();
                m.put("status", toTech ? "TRANSFERRING" : "WAITING");
                m.put("now", now);
                m.put("tech", toTech ? node : null);
                m.put("channel", toTech ? fromChannel : node);
                m.put("to", "Target");
                m.put("comment", null);
                m.put("id", session);
                m.put("version", version);
                update(c, MOVE, m);
                Map<String, Object> t = new HashMap<>();
                t.put("account", 1L);
                t.put("session", session);
                t.put("from", fromChannel);
                t.put("to", node);
                t.put("ref", toTech ? "NODE" : "CHANNEL");
                t.put("comment", null);
                t.put("by", 1L);
                t.put("at", now);
                update(c, INSERT_TRANSFER, t);
                event(c, session, "SUPPORT_SESSION", "TRANSFERRED", now);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private void update() throws SQLException {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        long target = d.firstTargetWebSession() + r.nextInt(d.webSessions());
        try (Connection c = pool.getConnection()) {
            try {
                authenticate(c, now, r);
                Map<String, Object> p = new HashMap<>();
                p.put("cutoff", now.minus(CallerAuthenticator.IDLE_TIMEOUT));
                p.put("site", Dataset.SITE);
                p.put("session", target);
                p.put("user", null);
                long version;
                String roles;
                String groups;
                try (ResultSet rs = query(c, LOOKUP, p)) {
                    rs.next();
                    version = rs.getLong(12);
                    roles = rs.getString(8);
                    groups = rs.getString(11);
                }
                Map<String, Object> m = new HashMap<>();
                m.put("user", null);
                m.put("ip", "10.0." + r.nextInt(256) + "." + (1 + r.nextInt(254)));
                m.put("status", "A");
                m.put("roles", roles);
                m.put("admin", false);
                m.put("folders", 1L);
                m.put("groups", groups);
                m.put("id", target);
                m.put("version", version);
                update(c, UPDATE, m);
                event(c, target, "WEB_SESSION", "UPDATED", now);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** The cookie path of CallerAuthenticator: one read, one touch. */
    private long authenticate(Connection c, LocalDateTime now, ThreadLocalRandom r) throws SQLException {
        Map<String, Object> p = new HashMap<>();
        p.put("cutoff", now.minus(CallerAuthenticator.IDLE_TIMEOUT));
        p.put("hash", SecureTokens.hash(Dataset.cookie(1 + r.nextInt(d.callers()))));
        long id;
        try (ResultSet rs = query(c, BY_COOKIE, p)) {
            if (!rs.next()) {
                throw new SQLException("caller web session missing");
            }
            id = rs.getLong(1);
        }
        update(c, TOUCH, Map.of("now", now, "id", id));
        return id;
    }

    private static void event(Connection c, long object, String type, String action, LocalDateTime now)
            throws SQLException {
        Map<String, Object> e = new HashMap<>();
        e.put("account", 1L);
        e.put("type", type);
        e.put("object", object);
        e.put("action", action);
        e.put("before", "{\"status\":\"A\"}");
        e.put("after", "{\"status\":\"A\"}");
        e.put("by", 1L);
        e.put("at", now);
        update(c, INSERT_EVENT, e);
    }

    private static ResultSet query(Connection c, NamedSql sql, Map<String, ?> values) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql.jdbc());
        bind(s, sql.bind(values));
        s.closeOnCompletion();
        return s.executeQuery();
    }

    private static void update(Connection c, NamedSql sql, Map<String, ?> values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql.jdbc())) {
            bind(s, sql.bind(values));
            s.executeUpdate();
        }
    }

    private static void bind(PreparedStatement s, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            s.setObject(i + 1, values[i] instanceof Instant in ? LocalDateTime.ofInstant(in, ZoneOffset.UTC) : values[i]);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
