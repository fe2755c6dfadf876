package io.sessiongate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessiongate.core.testing.TestAccounts;
import io.sessiongate.core.testing.TestAccounts.TestAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two server processes on one MariaDB: one system, whichever process a request reaches. */
class TwoProcessesTest {

    private static final Set<String> TRANSFER_CODES = Set.of("OK", "ERROR", "NOTLOGGEDINASADMIN", "ACTIONFAILED",
            "INVALIDPARAM_NODE", "INVALID_SECRETAUTHCODE", "USER_DELETED_OR_DISABLED");

    private static SuiteDatabase db;
    private static ServerProcess a;
    private static ServerProcess b;

    @BeforeAll
    static void start() {
        db = SuiteDatabase.get();
        a = ServerProcess.start(db.jdbcUrl(), Map.of("SESSIONGATE_OPERATOR_TOKEN", AdminHttp.OPERATOR_TOKEN));
        b = ServerProcess.start(db.jdbcUrl(), Map.of("SESSIONGATE_OPERATOR_TOKEN", AdminHttp.OPERATOR_TOKEN));
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
    }

    @Test
    void aCookieIssuedByOneProcessWorksOnTheOther() {
        TestAccount account = db.accounts().create(1);
        String cookie = Http.login(a.base(), account.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        assertThat(Http.rescue(b.base(), "transferSession.aspx", cookie, "session", account.sessionIds().get(0),
                "node", account.onlineTechNodeId()).body()).isEqualTo("OK");
        assertThat(Http.rescue(b.base(), "logout.aspx", cookie).body()).isEqualTo("OK");
        assertThat(Http.rescue(a.base(), "transferSession.aspx", cookie, "session", account.sessionIds().get(0),
                "node", account.onlineTechNodeId()).body()).isEqualTo("NOTLOGGEDINASADMIN");
    }

    @Test
    void aThousandConcurrentTransfersOfTwentySessionsOverBothProcessesLoseNothing() throws Exception {
        TestAccount account = db.accounts().create(20);
        List<String> cookies = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String email = "admin" + i + "@" + account.siteKey() + ".example";
            db.accounts().accounts().createUser(account.accountId(), email, "Admin " + i, "pw-" + i,
                    null, null, Set.of(account.adminRoleId()));
            cookies.add(Http.login(i % 2 == 0 ? a.base() : b.base(), email, "pw-" + i));
        }
        Map<String, AtomicLong> codes = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            int n = i;
            sent.add(pool.submit(() -> {
                ThreadLocalRandom r = ThreadLocalRandom.current();
                Long session = account.sessionIds().get(r.nextInt(20));
                boolean toTech = r.nextBoolean();
                String body = Http.rescue(n % 2 == 0 ? a.base() : b.base(), "transferSession.aspx",
                        cookies.get(r.nextInt(cookies.size())), "session", session, "node",
                        toTech ? account.onlineTechNodeId() : account.channelId(), "noderef",
                        toTech ? "NODE" : "CHANNEL").body();
                codes.computeIfAbsent(body, k -> new AtomicLong()).incrementAndGet();
            }));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        pool.shutdown();
        assertThat(TRANSFER_CODES).containsAll(codes.keySet());
        long ok = codes.getOrDefault("OK", new AtomicLong()).get();

        List<Object[]> rows = db.database().inTransaction(s -> s.createNativeQuery("""
                SELECT s.id, s.status, s.technician_node_id, s.channel_node_id, s.version,
                       (SELECT COUNT(*) FROM transfer t WHERE t.session_id = s.id),
                       (SELECT COUNT(*) FROM event e WHERE e.object_type = 'SUPPORT_SESSION' AND e.object_id = s.id
                          AND e.action = 'TRANSFERRED'),
                       (SELECT t.node_ref FROM transfer t WHERE t.session_id = s.id ORDER BY t.id DESC LIMIT 1),
                       (SELECT t.to_node_id FROM transfer t WHERE t.session_id = s.id ORDER BY t.id DESC LIMIT 1)
                FROM support_session s WHERE s.account_id = :a""", Object[].class)
                .setParameter("a", account.accountId()).getResultList());
        long transfers = 0;
        long events = 0;
        for (Object[] row : rows) {
            long count = ((Number) row[5]).longValue();
            transfers += count;
            events += ((Number) row[6]).longValue();
            assertThat(((Number) row[4]).longValue()).as("version of session %s", row[0]).isEqualTo(count);
            assertThat(((Number) row[6]).longValue()).as("events of session %s", row[0]).isEqualTo(count);
            if (count > 0) {
                long to = ((Number) row[8]).longValue();
                if ("NODE".equals(row[7])) {
                    assertThat(row[1]).isEqualTo("TRANSFERRING");
                    assertThat(((Number) row[2]).longValue()).isEqualTo(to);
                } else {
                    assertThat(row[1]).isEqualTo("WAITING");
                    assertThat(row[2]).isNull();
                    assertThat(((Number) row[3]).longValue()).isEqualTo(to);
                }
            }
        }
        assertThat(transfers).isEqualTo(ok);
        assertThat(events).isEqualTo(ok);
        System.out.printf("[two processes] 1000 transfers of 20 sessions by 4 administrators over 2 processes: "
                + "codes %s; %d sessions checked, %d transfer rows = %d OK replies = %d events%n",
                new TreeMap<>(codes), rows.size(), transfers, ok, events);
    }

    @Test
    void theLoginLimitHoldsAcrossBothProcesses() {
        TestAccount account = db.accounts().create(0);
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            answers.add(Http.rescue(i % 2 == 0 ? a.base() : b.base(), "login.aspx", null, "email",
                    account.adminEmail(), "pwd", "wrong").body());
        }
        assertThat(answers.subList(0, 10)).containsOnly("INVALID");
        assertThat(answers.get(10)).isEqualTo("LIMITREACHED");
        assertThat(Http.rescue(a.base(), "login.aspx", null, "email", account.adminEmail(), "pwd",
                TestAccounts.ADMIN_PASSWORD).body()).isEqualTo("LIMITREACHED");
        System.out.printf("[two processes] 11 logins alternating over 2 processes: %s%n", answers);
    }

    private static java.net.http.HttpResponse<String> createWithKey(ServerProcess p, String key, String siteKey) {
        return Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(p.base() + "api/v1/accounts"))
                .timeout(Http.TIMEOUT).header("Authorization", "Bearer " + AdminHttp.OPERATOR_TOKEN)
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"siteKey\":\"" + siteKey + "\",\"name\":"
                        + "\"Twice\",\"masterAdministrator\":{\"email\":\"o@" + siteKey + ".example\",\"name\":\"O\","
                        + "\"password\":\"password-1\"}}")).build());
    }

    private static long accountsWithSiteKey(String siteKey) {
        return db.database().inTransaction(s -> s.createNativeQuery("SELECT COUNT(*) FROM account WHERE site_key = :k",
                Long.class).setParameter("k", siteKey).getSingleResult());
    }

    @Test
    void anIdempotencyKeyUsedOnOneProcessAnswersTheFirstResultOnTheOther() {
        String siteKey = "idem" + System.nanoTime();
        String key = "key-" + siteKey;
        var first = createWithKey(a, key, siteKey);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        var retry = createWithKey(b, key, siteKey);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(retry.body()).isEqualTo(first.body()); // the same account, the same API token, once
        assertThat(accountsWithSiteKey(siteKey)).isEqualTo(1);
        var other = createWithKey(b, key, siteKey + "x");
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.body()).contains("idempotency-key-reused");
        System.out.printf("[two processes] Idempotency-Key %s: process A answered %d, process B replayed %d "
                + "(Idempotent-Replayed: true, same body), another body 422; accounts made: %d%n", key,
                first.statusCode(), retry.statusCode(), accountsWithSiteKey(siteKey));
    }

    @Test
    void theSameIdempotencyKeySentToBothProcessesAtOnceCreatesOneAccount() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        List<String> siteKeys = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            String siteKey = "race" + round + "x" + System.nanoTime();
            siteKeys.add(siteKey);
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ServerProcess p = i % 2 == 0 ? a : b;
                sent.add(pool.submit(() -> statuses.computeIfAbsent(createWithKey(p, "race-" + siteKey, siteKey)
                        .statusCode(), k -> new AtomicLong()).incrementAndGet()));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        }
        pool.shutdown();
        for (String siteKey : siteKeys) {
            assertThat(accountsWithSiteKey(siteKey)).isEqualTo(1);
        }
        assertThat(Set.of(201, 409)).containsAll(statuses.keySet());
        System.out.printf("[two processes] 5 rounds of 8 concurrent POSTs with one Idempotency-Key over 2 processes: "
                + "statuses %s (409: the first still in progress), one account each%n", new TreeMap<>(statuses));
    }
}
