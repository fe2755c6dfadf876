package io.sessiongate.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The log writer of {@code logback.xml}, driven through a logback logger as the server's code logs. */
class GatheringAppenderTest {

    /** The output: what was written, how many writes, and by which threads. */
    static final class Output extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final Set<String> writers = ConcurrentHashMap.newKeySet();
        int writes;

        @Override
        public synchronized void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            writes++;
            writers.add(Thread.currentThread().getName());
            bytes.write(b, off, len);
        }

        synchronized List<String> lines() {
            String text = bytes.toString(StandardCharsets.UTF_8);
            return text.isEmpty() ? List.of() : List.of(text.split("\n"));
        }
    }

    private final LoggerContext context = new LoggerContext();
    private final Output output = new Output();
    private GatheringAppender appender;

    private Logger logger(int queueSize, int intervalMillis) {
        context.setMDCAdapter(new LogbackMDCAdapter());
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("[%thread] %msg%n");
        encoder.start();
        appender = new GatheringAppender(output);
        appender.setName("OUT");
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setQueueSize(queueSize);
        appender.setIntervalMillis(intervalMillis);
        appender.start();
        assertThat(appender.isStarted()).isTrue();
        Logger logger = context.getLogger("sessiongate.request");
        logger.setAdditive(false);
        logger.addAppender(appender);
        return logger;
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void linesFromManyThreadsAllArriveEachThreadsInOrderWrittenByTheLogThreadInFewWrites() throws Exception {
        Logger log = logger(8192, 20);
        int threads = 4;
        int perThread = 2_000;
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    log.info("GET /ping 200 {}", i);
                }
            }, "worker-" + t);
            thread.start();
            started.add(thread);
        }
        for (Thread thread : started) {
            thread.join();
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (output.lines().size() < threads * perThread && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        // the logging threads never wrote: the log's own thread did, a batch at a time (8,000 lines in a few
        // hundred writes at most, whatever the machine's speed: a write per 20 ms)
        assertThat(output.writers).containsExactly("sessiongate-log");
        assertThat(output.writes).isLessThan(threads * perThread / 4);

        List<String> lines = output.lines();
        assertThat(lines).hasSize(threads * perThread);
        Map<String, List<Integer>> byThread = new HashMap<>();
        for (String line : lines) {
            String thread = line.substring(1, line.indexOf(']'));
            byThread.computeIfAbsent(thread, k -> new ArrayList<>())
                    .add(Integer.parseInt(line.substring(line.lastIndexOf(' ') + 1)));
        }
        assertThat(byThread).hasSize(threads);
        for (List<Integer> numbers : byThread.values()) {
            List<Integer> sorted = new ArrayList<>(numbers);
            Collections.sort(sorted);
            assertThat(numbers).as("one thread's lines, in the order it logged them").isEqualTo(sorted)
                    .hasSize(perThread);
        }
    }

    @Test
    void aFullQueueMakesTheLoggingThreadWaitAndDropsNothing() {
        Logger log = logger(16, 20);
        for (int i = 0; i < 200; i++) {
            log.info("line {}", i);
        }
        appender.stop();
        List<String> lines = output.lines();
        assertThat(lines).hasSize(200);
        assertThat(lines.get(0)).endsWith("line 0");
        assertThat(lines.get(199)).endsWith("line 199");
    }

    @Test
    void stoppingWritesWhatHasGatheredWithoutWaitingForTheInterval() {
        Logger log = logger(8192, 600_000);
        for (int i = 0; i < 10; i++) {
            log.info("last words {}", i);
        }
        assertThat(output.lines()).as("nothing written before the writer's interval or the stop").isEmpty();
        long started = System.nanoTime();
        appender.stop();
        assertThat(output.lines()).hasSize(10).last().asString().endsWith("last words 9");
        assertThat((System.nanoTime() - started) / 1_000_000).as("ms to stop").isLessThan(60_000);
        // a line logged after the stop is not written, and does not block the caller
        log.info("after the stop");
        assertThat(output.lines()).hasSize(10);
    }

    @Test
    void withoutAnEncoderTheAppenderDoesNotStart() {
        GatheringAppender bare = new GatheringAppender(output);
        bare.setContext(context);
        bare.start();
        assertThat(bare.isStarted()).isFalse();
    }
}
