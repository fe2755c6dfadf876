package io.sessiongate.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.sessiongate.api.admin.EventView;
import io.sessiongate.api.apiserver.SessionStatus;
import io.sessiongate.api.rescue.NodeRef;
import io.sessiongate.core.admin.AdminAccess;
import io.sessiongate.core.event.EventAction;
import io.sessiongate.core.event.EventRepository;
import io.sessiongate.core.event.ObjectType;
import io.sessiongate.core.persistence.Database;
import io.sessiongate.core.persistence.NativeSql;
import io.sessiongate.core.persistence.Tx;
import io.sessiongate.core.rescue.SupportSessionRepository;
import io.sessiongate.core.rescue.SupportSessionStatus;
import io.sessiongate.core.rescue.TransferRepository;
import io.sessiongate.core.websession.ApiTokenRepository;
import io.sessiongate.core.websession.SecureTokens;
import io.sessiongate.core.websession.WebSessionRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The database ceiling: exactly the statements the server issues for one transfer (cookie path),
 * one Session.Update, one startSession or holdSession (cookie path), and one page of a channel's
 * support sessions or of the audit trail (API token), through the server's own repository methods,
 * each in one transaction, over a pool of the server's size, with the same concurrency as the HTTP
 * load. What the server could reach if HTTP, JSON and Hibernate cost nothing.
 *
 * <p>The two pages and the account's look-up by site key that precedes them are the repositories' and
 * {@link AdminAccess}'s own methods too; their statements are named here for MariaDB's plans (EXPLAIN).
 *
 * <p>A transfer's and an update's ceiling can also be run with nothing deferred ({@code transfer}{@value
 * #UNDEFERRED}): the same statements a round trip each and a COMMIT of its own, as the server sent them
 * before it deferred writes, so that one run shows the old ceiling beside the new.
 */
final class DbCeiling implements AutoCloseable {

    // The server's own repositories: the ceiling cannot drift from the server's SQL.
    private static final WebSessionRepository WEB_SESSIONS = new WebSessionRepository();
    private static final SupportSessionRepository SUPPORT_SESSIONS = new SupportSessionRepository();
    private static final TransferRepository TRANSFERS = new TransferRepository();
    private static final EventRepository EVENTS = new EventRepository();

    private static final ApiTokenRepository API_TOKENS = new ApiTokenRepository();
    static final NativeSql ACCOUNT = AdminAccess.accountStatement();
    /** The page of one channel's sessions (the list filtered by channelId alone). */
    private static final SupportSessionRepository.ListFilter ONE_CHANNEL = new SupportSessionRepository.ListFilter(null,
            null, Dataset.CHANNEL_BASE);
    static final NativeSql SESSIONS_OF_CHANNEL = SupportSessionRepository.pageStatement(ONE_CHANNEL);
    static final NativeSql EVENT_PAGE = EventRepository.pageStatement();

    /** The operations that have a database ceiling, by the name of their wrk run: those {@link #run} knows. */
    static final List<String> OPERATIONS = List.of("transfer", "update", "start", "sessions-page", "events-page");
    /** The suffix of an operation's ceiling with nothing deferred. */
    static final String UNDEFERRED = "-undeferred";
    /** The operations whose ceiling can be run with nothing deferred (the others' statements are not split). */
    static final List<String> UNDEFERRABLE = List.of("transfer", "update");

    private final HikariDataSource pool;
    private final Dataset d;

    /**
     * The ceilings measured after an operation's wrk run: its own, then for transfer and update the same
     * statements with nothing deferred, the old ceiling beside the new; none for an operation without one.
     */
    static List<String> runsAfter(String operation) {
        if (!OPERATIONS.contains(operation)) {
            return List.of();
        }
        return UNDEFERRABLE.contains(operation) ? List.of(operation, operation + UNDEFERRED) : List.of(operation);
    }

    DbCeiling(String jdbcUrl, String user, String password, int poolSize, Dataset d) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(jdbcUrl);
        c.setUsername(user);
        c.setPassword(password);
        c.setMaximumPoolSize(poolSize);
        c.setAutoCommit(false);
        c.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        c.setDataSourceProperties(Database.driverSettings()); // the server's: deferred writes need multi-statements
        this.pool = new HikariDataSource(c);
        this.d = d;
    }

    LoadResult run(String operation, int connections, int seconds) throws InterruptedException {
        boolean deferring = !operation.endsWith(UNDEFERRED);
        String statements = deferring ? operation : operation.substring(0, operation.length() - UNDEFERRED.length());
        if (!deferring && !UNDEFERRABLE.contains(statements)) {
            throw new IllegalArgumentException(operation);
        }
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
                        switch (statements) {
                            case "transfer" -> transfer(deferring);
                            case "update" -> update(deferring);
                            case "start" -> startOrHold(slot, connections, n);
                            case "sessions-page" -> sessionsPage(n);
                            case "events-page" -> eventsPage();
                            default -> throw new IllegalArgumentException(operation);
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

    private void transfer(boolean deferring) throws SQLException {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        Instant now = Instant.now();
        long session = d.session(r.nextInt(d.supportSessions()));
        boolean toTech = r.nextBoolean();
        long node = toTech ? d.techNode(r.nextInt(d.technicians())) : Dataset.CHANNEL_BASE + r.nextInt(Dataset.CHANNELS);
        inTransaction(deferring, tx -> {
            var ahead = SUPPORT_SESSIONS.targetAndSessionAhead(tx, node, session); // as TransferService asks it
            authenticate(tx, now, r);
            SupportSessionRepository.SessionToMove read = ahead.get().orElseThrow().session();
            Long fromChannel = read.channelNodeId();
            SUPPORT_SESSIONS.move(tx, read, new SupportSessionRepository.Move(
                    toTech ? SupportSessionStatus.TRANSFERRING : SupportSessionStatus.WAITING, toTech ? node : null,
                    toTech ? fromChannel : Long.valueOf(node), "Target", null), now);
            TRANSFERS.insert(tx, 1L, session, fromChannel, node, toTech ? NodeRef.NODE : NodeRef.CHANNEL, null, 1L,
                    now, read.status(), java.time.Duration.between(read.statusChangedAt(), now));
            event(tx, session, ObjectType.SUPPORT_SESSION, EventAction.TRANSFERRED, now);
        });
    }

    private void update(boolean deferring) throws SQLException {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        Instant now = Instant.now();
        long target = d.firstTargetWebSession() + r.nextInt(d.webSessions());
        inTransaction(deferring, tx -> {
            var ahead = WEB_SESSIONS.forUpdateAhead(tx, Dataset.SITE, target, null); // as SessionUpdateService asks it
            authenticate(tx, now, r);
            WebSessionRepository.UpdateLookup read = ahead.get().orElseThrow();
            WEB_SESSIONS.update(tx, target, read.version(), "10.0." + r.nextInt(256) + "." + (1 + r.nextInt(254)),
                    SessionStatus.ACTIVE, new WebSessionRepository.Snapshot(null, read.roleIds(), false, false, 1L,
                            read.folderGroupIds()));
            event(tx, target, ObjectType.WEB_SESSION, EventAction.UPDATED, now);
        });
    }

    /**
     * The start operation's statements, as LifecycleService issues them: startSession of technician
     * {@code i}'s own session (On Hold) by that technician on one pass over this thread's share of the
     * technicians, holdSession on the next, as the wrk script alternates them.
     */
    private void startOrHold(int thread, int threads, int n) throws SQLException {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        int share = Math.max(1, d.technicians() / threads);
        int i = thread + threads * (n % share);
        boolean start = (n / share) % 2 == 0;
        long session = d.startSession(i);
        long node = d.techNode(i);
        Instant now = Instant.now();
        inTransaction(tx -> {
            authenticate(tx, now, r);
            SupportSessionRepository.TargetAndSession read = SUPPORT_SESSIONS.targetAndSession(tx, start ? node : null,
                    session);
            SupportSessionRepository.SessionToMove s = read.session();
            SupportSessionStatus expected = start ? SupportSessionStatus.ON_HOLD : SupportSessionStatus.ACTIVE;
            if (s.status() != expected) {
                throw new IllegalStateException("session " + session + " is " + s.status() + ", not " + expected);
            }
            SupportSessionRepository.Change change = start
                    ? new SupportSessionRepository.Change(SupportSessionStatus.ACTIVE, node, s.channelNodeId(), node,
                    s.pickedUpAt() != null ? s.pickedUpAt() : now, null, false)
                    : new SupportSessionRepository.Change(SupportSessionStatus.ON_HOLD, s.technicianNodeId(),
                    s.channelNodeId(), s.pickedUpByNodeId(), s.pickedUpAt(), null, false);
            if (!SUPPORT_SESSIONS.change(tx, session, s.version(), change, now)) {
                throw new IllegalStateException("session " + session + " changed under the ceiling");
            }
            event(tx, session, ObjectType.SUPPORT_SESSION, start ? EventAction.STARTED : EventAction.HELD, now);
        });
    }

    /** The first page of a channel's sessions (the channels in turn), as an API token lists them. */
    private void sessionsPage(int n) throws SQLException {
        long channel = Dataset.CHANNEL_BASE + n % Dataset.CHANNELS;
        inTransaction(tx -> {
            long account = byApiToken(tx);
            List<SupportSessionRepository.Listed> rows = SUPPORT_SESSIONS.page(tx, account,
                    new SupportSessionRepository.ListFilter(null, null, channel), 0L, Wrk.PAGE + 1);
            if (rows.isEmpty()) {
                throw new IllegalStateException("channel " + channel + " listed no session");
            }
        });
    }

    /** The first page of the audit trail, as an API token reads it. */
    private void eventsPage() throws SQLException {
        inTransaction(tx -> {
            long account = byApiToken(tx);
            List<EventView> rows = EVENTS.page(tx, account, null, null, 0L, Wrk.PAGE + 1);
            if (rows.isEmpty()) {
                throw new IllegalStateException("no events");
            }
        });
    }

    /** The API-token path of CallerAuthenticator and AdminAccess: the token with its user, then the account. */
    private static long byApiToken(Tx tx) {
        ApiTokenRepository.TokenCaller caller = API_TOKENS.caller(tx, SecureTokens.hash(Dataset.apiToken()))
                .orElseThrow(() -> new IllegalStateException("API token missing"));
        long account = AdminAccess.accountId(tx, Dataset.SITE)
                .orElseThrow(() -> new IllegalStateException("account missing"));
        if (account != caller.accountId()) {
            throw new IllegalStateException("the token is another account's");
        }
        return account;
    }

    /**
     * MariaDB's plan for a list page's statement, as the load runs it (the first page, channel {@code
     * CHANNEL_BASE}): one line per table, its access type, key, estimated rows and extra.
     */
    List<String> explain(String operation) throws SQLException {
        NativeSql sql = switch (operation) {
            case "sessions-page" -> SESSIONS_OF_CHANNEL;
            case "events-page" -> EVENT_PAGE;
            default -> throw new IllegalArgumentException(operation);
        };
        Map<String, Object> values = Map.of("account", 1L, "after", 0L, "limit", Wrk.PAGE + 1, "channel",
                Dataset.CHANNEL_BASE);
        List<String> plan = new ArrayList<>();
        try (Connection c = pool.getConnection();
             java.sql.PreparedStatement p = c.prepareStatement("EXPLAIN " + sql.jdbc())) {
            for (int i = 0; i < sql.names().size(); i++) {
                p.setObject(i + 1, values.get(sql.names().get(i)));
            }
            try (java.sql.ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    plan.add(rs.getString("select_type") + " " + rs.getString("table") + ": type=" + rs.getString("type")
                            + " key=" + rs.getString("key") + " rows=" + rs.getString("rows") + " extra="
                            + rs.getString("Extra"));
                }
            }
            c.rollback();
        }
        return plan;
    }

    private interface Work {
        void run(Tx tx);
    }

    /**
     * One transaction on a pooled connection, as the server's are: its writes deferred as the server defers
     * them, committed with the last of them, or rolled back on failure; so the same round trips.
     */
    private void inTransaction(Work work) throws SQLException {
        inTransaction(true, work);
    }

    /** One transaction; with {@code deferring} false, every write is sent at once and the COMMIT alone. */
    private void inTransaction(boolean deferring, Work work) throws SQLException {
        try (Connection c = pool.getConnection()) {
            Tx tx = deferring ? Tx.deferring(c) : Tx.of(c);
            try {
                work.run(tx);
                tx.commit();
            } catch (SQLException | RuntimeException e) {
                tx.rollback();
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
