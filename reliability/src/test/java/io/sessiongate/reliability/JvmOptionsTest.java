package io.sessiongate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The server process runs with {@code bin/jvm.options}, as {@code bin/sessiongate} starts it: the
 * heap, the collector and the native-memory settings that keep its memory under load near 300 MB
 * (README "Performance"). Read off the running process: its command line and environment in
 * {@code /proc}, and what its JVM reports on {@code /metrics}.
 */
class JvmOptionsTest {

    @Test
    void theServerRunsWithTheSerialCollectorAndAHeapOfAtMost256MegabytesAsConfigured() throws Exception {
        List<String> configured = Files.readAllLines(Path.of("..", "bin", "jvm.options")).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(configured).contains("-Xmx256m", "-XX:+UseSerialGC");
        try (ServerProcess server = ServerProcess.start(SuiteDatabase.get().freshDatabase("jvmoptions"))) {
            Path proc = Path.of("/proc", Long.toString(server.pid()));
            List<String> commandLine = Arrays.asList(Files.readString(proc.resolve("cmdline")).split("\0"));
            assertThat(commandLine).containsSubsequence(configured);
            assertThat(Files.readString(proc.resolve("environ")).split("\0")).contains("MALLOC_ARENA_MAX=2");

            String metrics = Http.send(HttpRequest.newBuilder(URI.create(server.base() + "metrics")).build()).body();
            // The serial collector's pools are "Eden Space" and "Tenured Gen"; G1's would be "G1 Eden Space" ...
            assertThat(metrics).contains("jvm_memory_max_bytes{area=\"heap\",id=\"Tenured Gen\"}")
                    .doesNotContain("G1 Eden Space");
            double heapMax = metrics.lines().filter(l -> l.startsWith("jvm_memory_max_bytes{area=\"heap\""))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
            assertThat(heapMax).as("the heap's pools add up to -Xmx256m (less a survivor space)")
                    .isBetween(200.0 * 1024 * 1024, 256.0 * 1024 * 1024);
        }
    }
}
