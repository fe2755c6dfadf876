package io.sessiongate.server.web;

import io.sessiongate.core.persistence.DatabaseConfig;
import io.sessiongate.core.testing.TestDatabase;
import io.sessiongate.server.ServerConfig;
import io.sessiongate.server.SessionGate;
import io.sessiongate.testing.RescueLogins;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The server the browser tests use: a real one, as {@code bin/sessiongate} runs it (the demo data, the
 * simulated console that keeps Alice online, the real clock, the sweeper), on a free port, over a database
 * of its own on the test MariaDB. Not the shared {@code TestServer}: these tests change the demo's sessions
 * (which other tests read) and need the real clock (which other tests move). Started once per JVM; its
 * database is dropped at exit.
 */
final class DemoServer {

    private static DemoServer instance;

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final SessionGate gate;
    private final String origin;

    private DemoServer(SessionGate gate) {
        this.gate = gate;
        String base = gate.baseUri().toString();
        this.origin = base.substring(0, base.length() - 1);
    }

    private static java.util.concurrent.CompletableFuture<DemoServer> starting;

    /** Starts the server on another thread (while Chromium starts on this one); {@link #get()} waits for it. */
    static synchronized void startInBackground() {
        if (instance == null && starting == null) {
            starting = java.util.concurrent.CompletableFuture.supplyAsync(DemoServer::start);
        }
    }

    static DemoServer get() {
        java.util.concurrent.CompletableFuture<DemoServer> pending;
        synchronized (DemoServer.class) {
            pending = starting;
        }
        if (pending != null) {
            try {
                pending.join();
            } catch (java.util.concurrent.CompletionException e) {
                // start() below tries again and fails with the cause itself
            }
        }
        return start();
    }

    private static synchronized DemoServer start() {
        if (instance == null) {
            TestDatabase tests = TestDatabase.get();
            String name = "sgweb_" + ProcessHandle.current().pid() + "_"
                    + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 20));
            execute(tests, "CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            ServerConfig config = new ServerConfig("127.0.0.1", 0,
                    Optional.of(new DatabaseConfig(tests.serverUrl() + name, tests.user(), tests.password(), 8)), 8,
                    true, Path.of("target", "web-data"), 4, "web-tests-operator-token-0123456789");
            SessionGate gate = SessionGate.start(config);
            instance = new DemoServer(gate);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                gate.close();
                try {
                    execute(tests, "DROP DATABASE IF EXISTS `" + name + "`");
                } catch (RuntimeException e) {
                    // the test MariaDB may be stopping too (the embedded one); its files are under target/
                }
            }, "web-demo-server-stop"));
        }
        return instance;
    }

    /** For example {@code http://127.0.0.1:41234} (no final slash). */
    String origin() {
        return origin;
    }

    int port() {
        return gate.port();
    }

    /** A page's address: {@code url("/join")}. */
    String url(String path) {
        return origin + path;
    }

    /** Logs in through login.aspx and returns the cookie's value. */
    String login(String email, String password) {
        return RescueLogins.cookie(origin, email, password);
    }

    /** A Rescue method by GET with the cookie (may be null): the reply's body. */
    String rescue(String method, String cookie, String... params) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < params.length; i += 2) {
            query.append(query.length() == 0 ? "" : "&").append(params[i]).append('=')
                    .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
        }
        return get("/API/" + method + ".aspx?" + query, cookie).body();
    }

    /** A GET with the cookie (may be null). */
    HttpResponse<String> get(String path, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path)).timeout(Duration.ofSeconds(30));
        if (cookie != null) {
            request.header("Cookie", RescueLogins.COOKIE + "=" + cookie);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void execute(TestDatabase tests, String sql) {
        try (Connection c = DriverManager.getConnection(tests.serverUrl(), tests.user(), tests.password())) {
            c.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the browser tests' database: " + e.getMessage(), e);
        }
    }
}
