package io.sessiongate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessiongate.core.testing.TestAccounts;
import io.sessiongate.core.testing.TestAccounts.TestAccount;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** MariaDB stopped for ten seconds under load, and started again: documented answers, no hang, no half-write. */
class DatabaseRestartTest {

    private record Reply(String kind, long sentNanos, long tookNanos, int status, String body) {
    }

    @Test
    void whileTheDatabaseIsDownCallsFailFastWithTheirDocumentedAnswerAndRecoverWhenItReturns() throws Exception {
        SuiteDatabase db = SuiteDatabase.get();
        TestAccount account = db.accounts().create(20);
        try (ServerProcess server = ServerProcess.start(db.jdbcUrl())) {
            String cookie = Http.login(server.base(), account.adminEmail(), TestAccounts.ADMIN_PASSWORD);
            long ownSession = Long.parseLong(Http.send(HttpRequest.newBuilder(URI.create(server.base()
                            + "APIServer/Session.GetSessionData")).header("Cookie", "ASP.NET_SessionId=" + cookie)
                    .build()).body().replaceAll(".*\"SessionSurrogate\":(\\d+).*", "$1"));
            ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> load = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                boolean rescue = t % 2 == 0;
                Thread thread = new Thread(() -> {
                    while (running.get()) {
                        long start = System.nanoTime();
                        HttpResponse<String> r;
                        try {
                            r = rescue ? transfer(server, cookie, account) : update(server, cookie, account, ownSession);
                        } catch (RuntimeException e) {
                            replies.add(new Reply(rescue ? "rescue" : "apiserver", start, System.nanoTime() - start,
                                    -1, e.toString()));
                            continue;
                        }
                        replies.add(new Reply(rescue ? "rescue" : "apiserver", start, System.nanoTime() - start,
                                r.statusCode(), r.body()));
                    }
                });
                thread.start();
                load.add(thread);
            }
            Thread.sleep(3000);
            long stopped = System.nanoTime();
            db.stop();
            long downFrom = System.nanoTime();
            Thread.sleep(10_000);
            long restarting = System.nanoTime();
            db.startAgain();
            long back = System.nanoTime();
            Thread.sleep(8000);
            running.set(false);
            for (Thread t : load) {
                t.join();
            }

            Map<String, Integer> whileDown = new TreeMap<>();
            long maxTook = 0;
            long firstSuccessAfter = -1;
            for (Reply r : replies) {
                maxTook = Math.max(maxTook, r.tookNanos());
                // Sent and answered while the database was down: before it was started again. (MariaDB takes
                // connections a moment before startAgain() returns; a request waiting for a connection then
                // rightly succeeds.)
                boolean whileItWasDown = r.sentNanos() > downFrom + 200_000_000L
                        && r.sentNanos() + r.tookNanos() < restarting;
                if (whileItWasDown) {
                    whileDown.merge(r.kind() + " " + r.status() + " " + summary(r), 1, Integer::sum);
                    if (r.kind().equals("rescue")) {
                        assertThat(r.body()).as("a Rescue reply while the database is down").isEqualTo("ERROR");
                        assertThat(r.status()).isEqualTo(500);
                    } else {
                        assertThat(r.status()).as(r.body()).isEqualTo(500);
                        assertThat(r.body()).contains("\"IncidentId\":\"").contains("SYSTEM_ERROR");
                    }
                }
                boolean success = r.status() == 200 && (r.body().equals("OK") || r.body().contains("*Successful"));
                if (success && r.sentNanos() > back && (firstSuccessAfter < 0 || r.sentNanos() < firstSuccessAfter)) {
                    firstSuccessAfter = r.sentNanos();
                }
            }
            assertThat(whileDown).as("requests were sent while the database was down").isNotEmpty();
            assertThat(maxTook / 1_000_000).as("slowest reply, ms").isLessThan(Http.TIMEOUT.toMillis());
            assertThat(firstSuccessAfter).as("a request succeeded after the database returned").isPositive();
            double recovery = (firstSuccessAfter - back) / 1e9;
            assertThat(recovery).as("seconds from the database's return to the first success").isLessThan(5.0);

            List<Object[]> broken = db.database().inTransaction(s -> s.createNativeQuery("""
                    SELECT s.id, s.version, (SELECT COUNT(*) FROM transfer t WHERE t.session_id = s.id),
                           (SELECT COUNT(*) FROM event e WHERE e.object_type = 'SUPPORT_SESSION' AND e.object_id = s.id)
                    FROM support_session s WHERE s.account_id = :a
                    HAVING s.version <> (SELECT COUNT(*) FROM transfer t WHERE t.session_id = s.id)
                        OR (SELECT COUNT(*) FROM transfer t WHERE t.session_id = s.id)
                           <> (SELECT COUNT(*) FROM event e WHERE e.object_type = 'SUPPORT_SESSION' AND e.object_id = s.id)
                    """, Object[].class).setParameter("a", account.accountId()).getResultList());
            assertThat(broken).as("sessions whose version, transfers and events disagree").isEmpty();

            // What the operator reads: one line per failed request, with its incident id and why, and no stack trace.
            String log = server.logText();
            List<String> incidents = log.lines().filter(l -> l.contains("sessiongate.incident")).toList();
            assertThat(incidents).isNotEmpty()
                    .allMatch(l -> l.matches(".* incident [0-9a-f]{16}: .+: the database is unavailable: \\S.*"));
            assertThat(log).doesNotContain("SqlExceptionHelper");
            System.out.printf("[database restart] %d requests; stop took %.1f s, start %.1f s; while down: %s; "
                            + "slowest reply %d ms; %d incident lines, e.g. %s; "
                            + "first success %.2f s after the database returned; 20 sessions consistent%n",
                    replies.size(), (downFrom - stopped) / 1e9, (back - restarting) / 1e9, whileDown,
                    maxTook / 1_000_000, incidents.size(), incidents.get(0).replaceAll("^.*(incident )", "$1"), recovery);
        }
    }

    private static String summary(Reply r) {
        return r.body().length() > 20 ? r.body().substring(0, 20) : r.body();
    }

    private static HttpResponse<String> transfer(ServerProcess server, String cookie, TestAccount account) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        boolean toTech = random.nextBoolean();
        return Http.rescue(server.base(), "transferSession.aspx", cookie, "session",
                account.sessionIds().get(random.nextInt(20)), "node",
                toTech ? account.onlineTechNodeId() : account.channelId(), "noderef", toTech ? "NODE" : "CHANNEL");
    }

    private static HttpResponse<String> update(ServerProcess server, String cookie, TestAccount account, long own) {
        return Http.send(HttpRequest.newBuilder(URI.create(server.base() + "APIServer/Session.Update"))
                .timeout(Http.TIMEOUT)
                .header("Cookie", "ASP.NET_SessionId=" + cookie).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"SessionSurrogate\":\"" + own + "\",\"SessionSiteKey\":\""
                        + account.siteKey() + "\",\"SessionStatus\":\"A\",\"IpAddress\":\"10.1.2."
                        + ThreadLocalRandom.current().nextInt(1, 255) + "\"}")).build());
    }
}
