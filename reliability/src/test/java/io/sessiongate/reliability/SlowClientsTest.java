package io.sessiongate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessiongate.core.testing.TestAccounts;
import io.sessiongate.core.testing.TestAccounts.TestAccount;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Slow and silent clients hold no worker thread: 300 connections dripping a body and 300 dripping
 * headers, a byte every 2 s for 30 s (a dripper the server has answered and closed is replaced at
 * once, so that 600 are open throughout), while 1000 ordinary requests are served; their latency
 * percentiles are printed. And the cap on connections per client address.
 */
class SlowClientsTest {

    private static final int BODY_DRIPPERS = 300;
    private static final int HEADER_DRIPPERS = 300;
    private static final long DRIP_SECONDS = 30;
    private static final int ORDINARY = 1000;

    @Test
    void sixHundredDrippingClientsDoNotSlowAThousandOrdinaryRequests() throws Exception {
        SuiteDatabase db = SuiteDatabase.get();
        TestAccount account = db.accounts().create(1);
        try (ServerProcess server = ServerProcess.start(db.jdbcUrl())) {
            int port = URI.create(server.base()).getPort();
            String cookie = Http.login(server.base(), account.adminEmail(), TestAccounts.ADMIN_PASSWORD);
            List<Dripper> drippers = new ArrayList<>();
            for (int i = 0; i < BODY_DRIPPERS + HEADER_DRIPPERS; i++) {
                drippers.add(new Dripper(port, i < BODY_DRIPPERS));
            }
            AtomicInteger answered = new AtomicInteger();
            AtomicInteger replaced = new AtomicInteger();
            Map<String, Integer> dripReplies = new ConcurrentHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(9);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(DRIP_SECONDS);
            Future<?> drip = pool.submit(() -> {
                while (System.nanoTime() < end) {
                    for (int i = 0; i < drippers.size(); i++) {
                        Dripper d = drippers.get(i);
                        String reply = d.drip();
                        if (reply != null) {
                            answered.incrementAndGet();
                            dripReplies.merge(reply, 1, Integer::sum);
                            d.close();
                            drippers.set(i, new Dripper(port, d.body));
                            replaced.incrementAndGet();
                        }
                    }
                    sleep(2000);
                }
                return null;
            });
            sleep(3000); // every dripper has begun
            List<Long> micros = Collections.synchronizedList(new ArrayList<>());
            Map<String, Integer> codes = new ConcurrentHashMap<>();
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int lane = t;
                work.add(pool.submit(() -> {
                    for (int i = lane; i < ORDINARY; i += 8) {
                        long start = System.nanoTime();
                        String code = ordinary(server.base(), cookie, account, i);
                        micros.add((System.nanoTime() - start) / 1000);
                        codes.merge(code, 1, Integer::sum);
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get(120, TimeUnit.SECONDS);
            }
            long servedWithin = DRIP_SECONDS - TimeUnit.NANOSECONDS.toSeconds(end - System.nanoTime());
            drip.get(DRIP_SECONDS + 30, TimeUnit.SECONDS);
            pool.shutdownNow();
            for (Dripper d : drippers) {
                d.close();
            }
            List<Long> sorted = new ArrayList<>(micros);
            Collections.sort(sorted);
            System.out.printf("[slow clients] %d connections dripping a body and %d dripping headers, a byte every 2 s "
                            + "for %d s; %d ordinary requests served by %d s into it: %s%n",
                    BODY_DRIPPERS, HEADER_DRIPPERS, DRIP_SECONDS, sorted.size(), servedWithin, new TreeMap<>(codes));
            System.out.printf("[slow clients] latency ms: p50 %.1f, p90 %.1f, p99 %.1f, p99.9 %.1f, max %.1f%n",
                    pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), pct(sorted, 99.9), sorted.get(sorted.size() - 1) / 1000.0);
            System.out.printf("[slow clients] drippers answered by the server (and replaced): %d, replies %s%n",
                    answered.get(), new TreeMap<>(dripReplies));
            assertThat(sorted).hasSize(ORDINARY);
            assertThat(codes.keySet()).allMatch(c -> c.equals("OK") || c.equals("200") || c.equals("401"));
            // Body drippers are answered at the 10 s deadline, 400 in the API's shape; header drippers wait for headers.
            assertThat(dripReplies.keySet()).allMatch(r -> r.startsWith("HTTP/1.1 400"));
            assertThat(answered.get()).isGreaterThanOrEqualTo(BODY_DRIPPERS);
        }
    }

    @Test
    void connectionsPastTheCapPerAddressAreClosedAtOnce() throws Exception {
        SuiteDatabase db = SuiteDatabase.get();
        try (ServerProcess server = ServerProcess.start(db.jdbcUrl(),
                Map.of("SESSIONGATE_MAX_CONNECTIONS_PER_ADDRESS", "20"))) {
            int port = URI.create(server.base()).getPort();
            List<Socket> held = new ArrayList<>();
            int closedAtOnce = 0;
            try {
                for (int i = 0; i < 25; i++) {
                    Socket s = new Socket("127.0.0.1", port);
                    s.setSoTimeout(1000);
                    held.add(s);
                }
                for (Socket s : held) {
                    try {
                        s.getOutputStream().write("GET /ping HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        byte[] buffer = new byte[512];
                        if (s.getInputStream().read(buffer) < 0) {
                            closedAtOnce++;
                        }
                    } catch (IOException e) {
                        closedAtOnce++;
                    }
                }
            } finally {
                for (Socket s : held) {
                    s.close();
                }
            }
            sleep(500);
            HttpResponse<String> after = Http.send(HttpRequest.newBuilder(URI.create(server.base() + "ping"))
                    .timeout(Http.TIMEOUT).build());
            System.out.printf("[slow clients] cap 20 per address: 25 connections opened, %d closed by the server at once; "
                    + "after closing them a new request answers %d%n", closedAtOnce, after.statusCode());
            // 20 may be open: ours, and perhaps the suite's health check's kept-alive connection.
            assertThat(25 - closedAtOnce).isBetween(19, 20);
            assertThat(after.statusCode()).isEqualTo(200);
            server.awaitInLog("connection from 127.0.0.1 refused");
        }
    }

    /** One of four ordinary requests, rotating: health, a query, an APIServer read, a Rescue call without a cookie. */
    private static String ordinary(String base, String cookie, TestAccount account, int i) {
        return switch (i % 4) {
            case 0 -> Integer.toString(Http.send(HttpRequest.newBuilder(URI.create(base + "health"))
                    .timeout(Http.TIMEOUT).build()).statusCode());
            case 1 -> Http.rescue(base, "getSession_v3.aspx", cookie, "node", account.onlineTechNodeId()).body()
                    .split("\n")[0];
            case 2 -> Integer.toString(Http.send(HttpRequest.newBuilder(URI.create(base
                    + "APIServer/Session.GetSessionData")).header("Cookie", "ASP.NET_SessionId=" + cookie)
                    .timeout(Http.TIMEOUT).build()).statusCode());
            default -> Integer.toString(Http.send(HttpRequest.newBuilder(URI.create(base + "APIServer/Session.Update"))
                    .header("Content-Type", "application/json").timeout(Http.TIMEOUT)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"SessionSurrogate\":\"1\"}")).build()).statusCode());
        };
    }

    private static double pct(List<Long> sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1000.0;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A connection that sends its request a byte at a time: the body (after whole headers) or the headers. */
    private static final class Dripper {
        private final boolean body;
        private final Socket socket;
        private final byte[] rest;
        private int sent;

        Dripper(int port, boolean body) throws IOException {
            this.body = body;
            this.socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(1);
            String head = "POST /API/login.aspx HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: 1000\r\n\r\n";
            if (body) {
                socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                rest = "email=".repeat(200).getBytes(StandardCharsets.US_ASCII);
            } else {
                rest = ("GET /API/logout.aspx HTTP/1.1\r\nHost: x\r\n" + "X-Drip: " + "y".repeat(2000))
                        .getBytes(StandardCharsets.US_ASCII);
            }
        }

        /** Sends one more byte; the server's reply if it has answered (and so closed) this connection. */
        String drip() {
            try {
                InputStream in = socket.getInputStream();
                if (in.available() > 0) {
                    byte[] buffer = new byte[4096];
                    int n = in.read(buffer);
                    return new String(buffer, 0, Math.max(n, 0), StandardCharsets.ISO_8859_1).split("\r\n")[0];
                }
                OutputStream out = socket.getOutputStream();
                out.write(rest[sent++ % rest.length]);
                out.flush();
                return null;
            } catch (IOException e) {
                return "closed without a reply";
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }
}
