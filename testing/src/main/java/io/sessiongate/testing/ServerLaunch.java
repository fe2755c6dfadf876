package io.sessiongate.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged server ({@code server/target/sessiongate-server.jar}) started as its own process on
 * 127.0.0.1 and a free port, over a given MariaDB, without demo data, and awaited until
 * {@code /health} answers 200: how the reliability suite and the benchmark run a real server, with
 * the JVM options of {@code bin/jvm.options} as {@code bin/sessiongate} does.
 */
public final class ServerLaunch {

    private final Path jar;
    private final List<String> javaOptions;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Path log;
    private int port; // 0: a free one
    private Duration healthyWithin = Duration.ofSeconds(90);

    private ServerLaunch(Path jar, List<String> javaOptions) {
        this.jar = jar;
        this.javaOptions = new ArrayList<>(javaOptions);
        environment.put("MALLOC_ARENA_MAX", System.getenv().getOrDefault("MALLOC_ARENA_MAX", "2")); // as bin/sessiongate
    }

    /** The server jar under {@code repositoryRoot}; it must have been packaged. */
    public static ServerLaunch of(Path repositoryRoot) {
        Path jar = repositoryRoot.resolve("server").resolve("target").resolve("sessiongate-server.jar")
                .toAbsolutePath().normalize();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the server first");
        }
        return new ServerLaunch(jar, jvmOptions(repositoryRoot.resolve("bin").resolve("jvm.options")));
    }

    /** The options of a {@code jvm.options} file: a line each, without blank lines and {@code #} comments. */
    static List<String> jvmOptions(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the server's JVM options", e);
        }
    }

    /** The JVM options the server starts with: bin/jvm.options's, then {@link #javaOptions}'. */
    public List<String> javaOptions() {
        return List.copyOf(javaOptions);
    }

    /** The database, user, password and pool size (SESSIONGATE_DB_*). */
    public ServerLaunch database(String jdbcUrl, String user, String password, int poolSize) {
        environment.put("SESSIONGATE_DB_URL", jdbcUrl);
        environment.put("SESSIONGATE_DB_USER", user);
        environment.put("SESSIONGATE_DB_PASSWORD", password);
        environment.put("SESSIONGATE_DB_POOL_SIZE", Integer.toString(poolSize));
        return this;
    }

    /** Any other setting of the server's environment, e.g. {@code SESSIONGATE_BCRYPT_COST}. */
    public ServerLaunch env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** JVM options after bin/jvm.options's (so a size given here wins). */
    public ServerLaunch javaOptions(List<String> options) {
        javaOptions.addAll(options);
        return this;
    }

    /** Where the server's output goes. */
    public ServerLaunch log(Path file) {
        this.log = file.toAbsolutePath();
        return this;
    }

    /** The port to listen on; 0 (the default) picks a free one. A restarted server keeps its port this way. */
    public ServerLaunch port(int port) {
        this.port = port;
        return this;
    }

    public ServerLaunch healthyWithin(Duration limit) {
        this.healthyWithin = limit;
        return this;
    }

    /** A started, healthy server. */
    public record Running(Process process, int port, Path log) {

        /** For example {@code http://127.0.0.1:41234} (no trailing slash). */
        public String origin() {
            return "http://127.0.0.1:" + port;
        }
    }

    /** Starts the server and waits until it is healthy; a server that exits or stays unhealthy is an error. */
    public Running start() {
        if (log == null) {
            throw new IllegalStateException("say where the server's log goes");
        }
        int port = this.port == 0 ? FreePort.find() : this.port;
        List<String> command = new ArrayList<>();
        command.add("java");
        command.addAll(javaOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SESSIONGATE_PORT", Integer.toString(port));
        pb.environment().put("SESSIONGATE_HOST", "127.0.0.1");
        pb.environment().put("SESSIONGATE_DEMO", "false");
        pb.environment().putAll(environment);
        Running running;
        try {
            running = new Running(pb.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            awaitHealthy(running);
        } catch (RuntimeException e) {
            running.process().destroyForcibly();
            throw e;
        }
        return running;
    }

    private void awaitHealthy(Running server) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + healthyWithin.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.process().isAlive()) {
                // 143 or 137 with a log that stops short: something outside sent SIGTERM or SIGKILL.
                throw new IllegalStateException("the server exited with code " + server.process().exitValue()
                        + "; its log: " + server.log());
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(server.origin() + "/health")).build(),
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
        throw new IllegalStateException("the server did not become healthy in " + healthyWithin.toSeconds()
                + " s; its log: " + server.log());
    }
}
