package io.sessiongate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessiongate.testing.ServerLaunch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
        return start(jdbcUrl, Map.of());
    }

    /** A server with {@code settings} (SESSIONGATE_* variables) added to the suite's own. */
    static ServerProcess start(String jdbcUrl, Map<String, String> settings) {
        return start(jdbcUrl, "root", "", 0, settings);
    }

    /** A server on {@code port} (0: any free one) as database user {@code user}. */
    static ServerProcess start(String jdbcUrl, String user, String password, int port) {
        return start(jdbcUrl, user, password, port, Map.of());
    }

    private static ServerProcess start(String jdbcUrl, String user, String password, int port,
                                       Map<String, String> settings) {
        Path log;
        synchronized (ServerProcess.class) {
            log = Path.of("target", "server-" + (++started) + ".log").toAbsolutePath();
        }
        ServerLaunch launch = ServerLaunch.of(Path.of(".."))
                .database(jdbcUrl, user, password, 16)
                .env("SESSIONGATE_BCRYPT_COST", "4")
                .port(port)
                .log(log);
        settings.forEach(launch::env);
        ServerLaunch.Running running = launch.start();
        return new ServerProcess(running.process(), running.origin() + "/", log);
    }

    /** For example {@code http://127.0.0.1:41234/}. */
    String base() {
        return base;
    }

    /** The server's operating-system process id (the JVM itself, started without a shell). */
    long pid() {
        return process.pid();
    }

    int port() {
        return URI.create(base).getPort();
    }

    /** SIGKILL: the requests in flight die with the process. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
}
