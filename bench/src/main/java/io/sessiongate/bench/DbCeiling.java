package io.sessiongate.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.sessiongate.api.apiserver.SessionStatus;
import io.sessiongate.api.rescue.NodeRef;
import io.sessiongate.core.event.EventAction;
import io.sessiongate.core.event.EventRepository;
import io.sessiongate.core.event.ObjectType;
import io.sessiongate.core.persistence.Tx;
import io.sessiongate.core.rescue.SupportSessionRepository;
import io.sessiongate.core.rescue.SupportSessionStatus;
import io.sessiongate.core.rescue.TransferRepository;
import io.sessiongate.core.websession.SecureTokens;
import io.sessiongate.core.websession.WebSessionRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The database ceiling: exactly the statements the server issues for one transfer (cookie path)
 * and for one Session.Update, through the server's own repository methods, each in one transaction, over a pool of the server's size, with the
 * same concurrency as the HTTP load. What the server could reach if HTTP, JSON and Hibernate cost
 * nothing.
 */
final class DbCeiling implements AutoCloseable {

    // The server's own repositories: the ceiling cannot drift from the server's SQL.
    private static final WebSessionRepository WEB_SESSIONS = new WebSessionRepository();
    private static final SupportSessionRepository SUPPORT_SESSIONS = new SupportSessionRepository();
    private static final TransferRepository TRANSFERS = new TransferRepository();
    private static final EventRepository EVENTS = new EventRepository();

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
        Instant now = Instant.now();
        long session = d.session(r.nextInt(d.supportSessions()));
        boolean toTech = r.nextBoolean();
        long node = toTech ? d.techNode(r.nextInt(d.technicians())) : Dataset.CHANNEL_BASE + r.nextInt(Dataset.CHANNELS);
        inTransaction(tx -> {
            authenticate(tx, now, r);
            SupportSessionRepository.SessionToMove read = SUPPORT_SESSIONS.targetAndSession(tx, node, session).session();
            Long fromChannel = read.channelNodeId();
            SUPPORT_SESSIONS.move(tx, read, new SupportSessionRepository.Move(
                    toTech ? SupportSessionStatus.TRANSFERRING : SupportSessionStatus.WAITING, toTech ? node : null,
                    toTech ? fromChannel : Long.valueOf(node), "Target", null), now);
            TRANSFERS.insert(tx, 1L, session, fromChannel, node, toTech ? NodeRef.NODE : NodeRef.CHANNEL, null, 1L,
                    now, read.status(), java.time.Duration.between(read.statusChangedAt(), now));
            event(tx, session, ObjectType.SUPPORT_SESSION, EventAction.TRANSFERRED, now);
        });
    }

    private void update() throws SQLException {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        Instant now = Instant.now();
        long target = d.firstTargetWebSession() + r.nextInt(d.webSessions());
        inTransaction(tx -> {
            authenticate(tx, now, r);
            WebSessionRepository.UpdateLookup read = WEB_SESSIONS.forUpdate(tx, Dataset.SITE, target, null);
            WEB_SESSIONS.update(tx, target, read.version(), "10.0." + r.nextInt(256) + "." + (1 + r.nextInt(254)),
                    SessionStatus.ACTIVE, new WebSessionRepository.Snapshot(null, read.roleIds(), false, false, 1L,
                            read.folderGroupIds()));
            event(tx, target, ObjectType.WEB_SESSION, EventAction.UPDATED, now);
        });
    }

    private interface Work {
        void run(Tx tx);
    }

    /** One transaction on a pooled connection, as the server's are: committed, or rolled back on failure. */
    private void inTransaction(Work work) throws SQLException {
        try (Connection c = pool.getConnection()) {
            try {
                work.run(Tx.of(c));
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** The cookie path of CallerAuthenticator: one read, one touch. */
    private void authenticate(Tx tx, Instant now, ThreadLocalRandom r) {
        WebSessionRepository.CookieSession caller = WEB_SESSIONS.byCookie(tx,
                        SecureTokens.hash(Dataset.cookie(1 + r.nextInt(d.callers()))))
                .orElseThrow(() -> new IllegalStateException("caller web session missing"));
        WEB_SESSIONS.touch(tx, caller.id(), now);
    }

    private static void event(Tx tx, long object, ObjectType type, EventAction action, Instant now) {
        EVENTS.insert(tx, 1L, type, object, action, "{\"status\":\"A\"}", "{\"status\":\"A\"}", 1L, now);
    }

    @Override
    public void close() {
        pool.close();
    }
}
