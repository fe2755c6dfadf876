package io.sessiongate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessiongate.core.testing.TestAccounts.TestAccount;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Two server processes applying the time-outs to the same expired sessions at once, one of them
 * killed mid-sweep: every session changed exactly once, with exactly one event, and nothing left
 * behind. The expired data is written straight into the database with past timestamps; the
 * processes sweep every 100 ms ({@code SESSIONGATE_SWEEP_INTERVAL_MS}) on their own clocks.
 */
class SweepingProcessesTest {

    private static final Pattern SWEPT = Pattern.compile(
            "sweeper: (\\d+) PIN codes expired, (\\d+) waiting and (\\d+) idle sessions timed out");
    private static final Map<String, String> FAST_SWEEPS = Map.of("SESSIONGATE_SWEEP_INTERVAL_MS", "100");

    private final SuiteDatabase db = SuiteDatabase.get();

    /** Rows written per round: {@code due} of each kind, and some that must stay as they are. */
    private record Round(int due, int pinBase) {
    }

    @Test
    void twoProcessesSweepingTheSameExpiredSessionsChangeEachOnceEvenWhenOneDiesMidSweep() throws Exception {
        TestAccount account = db.accounts().create(0);
        db.database().doInTransaction(s -> s.createNativeMutationQuery("UPDATE account SET waiting_timeout_minutes = 1,"
                + " idle_timeout_minutes = 1 WHERE id = :a").setParameter("a", account.accountId()).executeUpdate());
        int base = ThreadLocalRandom.current().nextInt(1_000_000);
        try (ServerProcess a = ServerProcess.start(db.jdbcUrl(), FAST_SWEEPS);
             ServerProcess b = ServerProcess.start(db.jdbcUrl(), FAST_SWEEPS)) {
            // Round 1: both processes sweep 3 x 300 due sessions from the moment the rows are committed.
            long started = System.nanoTime();
            write(account, new Round(300, base));
            awaitNothingDue(account);
            double seconds = (System.nanoTime() - started) / 1e9;
            // A sweep logs what it changed once it is over, and the log is written asynchronously: wait for it.
            long logDeadline = System.nanoTime() + 10_000_000_000L;
            while (swept(a.logText()).get("total") + swept(b.logText()).get("total") < 900
                    && System.nanoTime() < logDeadline) {
                Thread.sleep(100);
            }
            Map<String, Integer> byA = swept(a.logText());
            Map<String, Integer> byB = swept(b.logText());
            check(account, 300);
            assertThat(byA.get("total") + byB.get("total")).as("changes the two processes logged").isEqualTo(900);
            System.out.printf("[sweeper] round 1: 900 due sessions (300 PINs, 300 waiting, 300 idle) swept by two "
                    + "processes in %.1f s: process A %s, process B %s; each changed once, one event each; "
                    + "50 on hold and 50 not yet due untouched%n", seconds, byA, byB);

            // Round 2: 3 x 600 more; process A is killed (SIGKILL) while both sweep; B finishes alone.
            write(account, new Round(600, base + 300));
            Thread.sleep(300); // let both start on it: this wait only places the kill, it asserts nothing
            long doneAtKill = changedSoFar(account);
            a.kill();
            awaitNothingDue(account);
            check(account, 900);
            System.out.printf("[sweeper] round 2: 1800 due sessions; process A killed (SIGKILL) when %d of them had been "
                    + "changed by the two; process B finished the rest: each of the 2700 changed once, one event each%n",
                    doneAtKill - 900);
        } finally {
            db.database().doInTransaction(s -> s.createNativeMutationQuery("UPDATE account SET"
                    + " waiting_timeout_minutes = 0, idle_timeout_minutes = 0 WHERE id = :a")
                    .setParameter("a", account.accountId()).executeUpdate());
        }
    }

    /**
     * Writes, in one transaction, {@code due} sessions of each kind with timestamps in the past: PINs
     * expired a minute ago, sessions waiting for two minutes, sessions active and unchanged for two
     * minutes; and 50 on hold for a day and 50 waiting but not due, which must stay.
     */
    private void write(TestAccount account, Round round) {
        db.database().doInTransaction(s -> s.doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO support_session (id, account_id, status, technician_node_id, channel_node_id,
                        custom_field0, language, started_at, status_changed_at, pin_code, pin_expires_at,
                        picked_up_by_node_id, picked_up_at, version)
                    VALUES (NEXTVAL(support_session_seq), ?, ?, ?, ?, 'swept', 'en',
                        UTC_TIMESTAMP(3) - INTERVAL 1 DAY, UTC_TIMESTAMP(3) - INTERVAL ? SECOND, ?,
                        UTC_TIMESTAMP(3) - INTERVAL 1 MINUTE, ?, ?, 0)""")) {
                for (int i = 0; i < round.due(); i++) {
                    add(ps, account, "PIN_ISSUED", account.onlineTechNodeId(), null, 120,
                            String.format("%06d", (round.pinBase() + i) % 1_000_000), false);
                    add(ps, account, "WAITING", null, account.channelId(), 120, null, false);
                    add(ps, account, "ACTIVE", account.onlineTechNodeId(), account.channelId(), 120, null, true);
                }
                for (int i = 0; i < 50; i++) {
                    add(ps, account, "ON_HOLD", account.onlineTechNodeId(), account.channelId(), 86_400, null, true);
                    add(ps, account, "WAITING", null, account.channelId(), -3_600, null, false); // an hour ahead
                }
                ps.executeBatch();
            }
        }));
    }

    private static void add(PreparedStatement ps, TestAccount account, String status, Long tech, Long channel,
                            int secondsAgo, String pin, boolean pickedUp) throws java.sql.SQLException {
        ps.setLong(1, account.accountId());
        ps.setString(2, status);
        ps.setObject(3, tech);
        ps.setObject(4, channel);
        ps.setInt(5, secondsAgo);
        ps.setString(6, pin);
        ps.setObject(7, pickedUp ? tech : null);
        ps.setObject(8, pickedUp ? java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusDays(1) : null);
        ps.addBatch();
    }

    private long dueNow(TestAccount account) {
        return db.database().inTransaction(s -> s.createNativeQuery("""
                SELECT COUNT(*) FROM support_session WHERE account_id = :a AND (status IN ('PIN_ISSUED', 'ACTIVE')
                    OR (status = 'WAITING' AND status_changed_at < UTC_TIMESTAMP(3)))""", Long.class)
                .setParameter("a", account.accountId()).getSingleResult());
    }

    private long changedSoFar(TestAccount account) {
        return db.database().inTransaction(s -> s.createNativeQuery("SELECT COUNT(*) FROM support_session"
                + " WHERE account_id = :a AND status IN ('EXPIRED', 'TIMED_OUT')", Long.class)
                .setParameter("a", account.accountId()).getSingleResult());
    }

    /** Polls the database (every 100 ms, 60 s at most) until the processes have left nothing due. */
    private void awaitNothingDue(TestAccount account) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (dueNow(account) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(dueNow(account)).as("sessions still due after 60 s").isZero();
    }

    /**
     * Every session of the account as it must be after {@code perKind} of each kind were due: the
     * due ones in their final status, version 1, exactly one event of the right action and reason;
     * those on hold or not yet due unchanged, without an event.
     */
    private void check(TestAccount account, int perKind) {
        List<Object[]> rows = db.database().inTransaction(s -> s.createNativeQuery("""
                SELECT CONCAT_WS(' ', s.status, s.version, IF(s.pin_code IS NULL, 'nopin', 'pin'),
                           IF(s.closed_at IS NULL, 'open', 'closed')),
                       (SELECT GROUP_CONCAT(CONCAT(e.action, ' ', JSON_VALUE(e.after_state, '$.reason')))
                          FROM event e WHERE e.object_type = 'SUPPORT_SESSION' AND e.object_id = s.id) AS events
                FROM support_session s WHERE s.account_id = :a""", Object[].class)
                .setParameter("a", account.accountId()).getResultList());
        Map<String, Integer> seen = new TreeMap<>();
        for (Object[] row : rows) {
            seen.merge(row[0] + " | " + row[1], 1, Integer::sum);
        }
        int rounds = perKind == 300 ? 1 : 2;
        assertThat(seen).isEqualTo(Map.of(
                "EXPIRED 1 nopin closed | EXPIRED PIN_VALIDITY", perKind,
                "TIMED_OUT 1 nopin closed | TIMED_OUT WAITING_TIMEOUT", perKind,
                "TIMED_OUT 1 nopin closed | TIMED_OUT IDLE_TIMEOUT", perKind,
                "ON_HOLD 0 nopin open | null", 50 * rounds,
                "WAITING 0 nopin open | null", 50 * rounds));
    }

    /** The changes a process logged, summed over its sweeps. */
    private static Map<String, Integer> swept(String log) {
        Map<String, Integer> sums = new TreeMap<>(Map.of("pins", 0, "waiting", 0, "idle", 0, "total", 0));
        Matcher m = SWEPT.matcher(log);
        while (m.find()) {
            int p = Integer.parseInt(m.group(1));
            int w = Integer.parseInt(m.group(2));
            int i = Integer.parseInt(m.group(3));
            sums.merge("pins", p, Integer::sum);
            sums.merge("waiting", w, Integer::sum);
            sums.merge("idle", i, Integer::sum);
            sums.merge("total", p + w + i, Integer::sum);
        }
        return sums;
    }
}
