package io.sessiongate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The packaged server ({@code server/target/sessiongate-server.jar}) as an operating-system process of its own. */
final class ServerProcess implements AutoCloseable {

    private static int started;

    private final Process process;
    private final String base;
    private final Path log;

    private ServerProcess(Process process, String base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    static ServerProcess start(String jdbcUrl) {
        return start(jdbcUrl, java.util.Map.of());
    }

    /** A server with {@code settings} (SESSIONGATE_* variables) added to the suite's own. */
    static ServerProcess start(String jdbcUrl, java.util.Map<String, String> settings) {
        Path jar = Path.of("..", "server", "target", "sessiongate-server.jar").toAbsolutePath().normalize();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: the suite runs after the server is packaged");
        }
        int port = freePort();
        Path log;
        synchronized (ServerProcess.class) {
            log = Path.of("target", "server-" + (++started) + ".log").toAbsolutePath();
        }
        ProcessBuilder pb = new ProcessBuilder("java", "-Xmx256m", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SESSIONGATE_PORT", Integer.toString(port));
        pb.environment().put("SESSIONGATE_HOST", "127.0.0.1");
        pb.environment().put("SESSIONGATE_DB_URL", jdbcUrl);
        pb.environment().put("SESSIONGATE_DB_USER", "root");
        pb.environment().put("SESSIONGATE_DB_PASSWORD", "");
        pb.environment().put("SESSIONGATE_DB_POOL_SIZE", "16");
        pb.environment().put("SESSIONGATE_DEMO", "false");
        pb.environment().put("SESSIONGATE_BCRYPT_COST", "4");
        pb.environment().putAll(settings);
        try {
            ServerProcess server = new ServerProcess(pb.start(), "http://127.0.0.1:" + port + "/", log);
            server.awaitHealthy();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For example {@code http://127.0.0.1:41234/}. */
    String base() {
        return base;
    }

    Path log() {
        return log;
    }

    /** Everything the server has logged so far. */
    String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server's log once it holds {@code text} (the server logs asynchronously); fails after 10 s. */
    String awaitInLog(String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String now = logText();
        while (!now.contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            now = logText();
        }
        assertThat(now).contains(text);
        return now;
    }

    private void awaitHealthy() {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                // 143 or 137 with a log that stops short: something outside sent SIGTERM or SIGKILL.
                throw new IllegalStateException("the server exited with code " + process.exitValue() + "; its log: "
                        + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the server did not become healthy in 90 s; its log: " + log);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
