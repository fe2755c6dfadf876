package io.sessiongate.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CPU time the server process has used, read from {@code /proc} before and after a measured run,
 * so that a run's CPU per request can be set beside its throughput.
 *
 * <p>{@code /proc/<pid>/schedstat} is the thread group leader's alone (the JVM's main thread, which
 * sleeps), so the precise figure is the sum of {@code /proc/<pid>/task/<tid>/schedstat} (nanoseconds
 * on CPU) over the threads. A thread that exits between the two readings takes its time with it, so
 * a run whose set of threads changed is measured instead by {@code /proc/<pid>/stat}'s utime + stime,
 * which counts the whole process, exited threads included, in clock ticks (10 ms: under 1% of the
 * CPU of a measured run of a few seconds). The same threads' times, grouped by what each thread does
 * ({@link #role}), show where a request's CPU goes beyond the Java code a profiler samples. The same
 * readings of MariaDB's process ({@link #find}) show what the database spent beside it.
 */
final class ServerCpu {

    /** USER_HZ: what the kernel reports CPU times in, 100 on every Linux architecture the JDK runs on. */
    static final long TICKS_PER_SECOND = 100;

    /** The kinds of threads the server's CPU is shown by, in the order they are shown. */
    static final List<String> ROLES = List.of("requests", "selectors", "gc", "jit", "other");

    /**
     * What a server thread does, from its name as /proc shows it (at most 15 characters): the HTTP
     * workers that run requests, Grizzly's selectors, the garbage collector (the serial collector works
     * in the VM thread), the JIT compilers, and the rest (the pool's housekeeping, the scheduler, ...).
     */
    static String role(String threadName) {
        if (threadName.startsWith("sessiongate-htt")) {
            return "requests";
        }
        if (threadName.startsWith("grizzly")) {
            return "selectors";
        }
        if (threadName.equals("VM Thread") || threadName.startsWith("GC ") || threadName.startsWith("G1 ")) {
            return "gc";
        }
        if (threadName.startsWith("C1 CompilerThre") || threadName.startsWith("C2 CompilerThre")) {
            return "jit";
        }
        return "other";
    }

    /**
     * One reading: the process's utime + stime in ticks, each live thread's nanoseconds on CPU and
     * each thread's name.
     */
    record Reading(long ticks, Map<Long, Long> threadNanos, Map<Long, String> threadNames) {

        Reading(long ticks, Map<Long, Long> threadNanos) {
            this(ticks, threadNanos, Map.of());
        }

        /**
         * Nanoseconds on CPU since {@code before} by {@link #role} of the threads alive now (a thread
         * started since counts whole; one that ended since is missing); empty when /proc was unreadable.
         */
        Map<String, Long> nanosByRoleSince(Reading before) {
            Map<String, Long> byRole = new LinkedHashMap<>();
            if (threadNanos.isEmpty() || before.ticks < 0) {
                return byRole;
            }
            ROLES.forEach(r -> byRole.put(r, 0L));
            for (Map.Entry<Long, Long> t : threadNanos.entrySet()) {
                long used = t.getValue() - before.threadNanos.getOrDefault(t.getKey(), 0L);
                byRole.merge(role(threadNames.getOrDefault(t.getKey(), "")), used, Long::sum);
            }
            return byRole;
        }

        /** Nanoseconds used from {@code before} to this reading; -1 when /proc could not be read. */
        long nanosSince(Reading before) {
            if (ticks < 0 || before.ticks < 0) {
                return -1;
            }
            if (!threadNanos.isEmpty() && threadNanos.keySet().equals(before.threadNanos.keySet())) {
                long sum = 0;
                for (Map.Entry<Long, Long> t : threadNanos.entrySet()) {
                    sum += t.getValue() - before.threadNanos.get(t.getKey());
                }
                return sum;
            }
            return (ticks - before.ticks) * (1_000_000_000L / TICKS_PER_SECOND);
        }

        /** How the CPU since {@code before} is measured: {@code schedstat} (ns) or {@code stat} (ticks). */
        String sourceSince(Reading before) {
            return !threadNanos.isEmpty() && threadNanos.keySet().equals(before.threadNanos.keySet()) ? "schedstat"
                    : "stat";
        }
    }

    private final Path proc;
    private final long pid;

    ServerCpu(long pid) {
        this(Path.of("/proc"), pid);
    }

    ServerCpu(Path proc, long pid) {
        this.proc = proc;
        this.pid = pid;
    }

    /**
     * The process whose program is named {@code program} and that was given {@code argument} (MariaDB's
     * {@code --port=<port>}, which tells the benchmark's own MariaDB from any other on the machine), or null.
     */
    static ServerCpu find(Path proc, String program, String argument) {
        DirectoryStream.Filter<Path> processes = p -> p.getFileName().toString().matches("\\d+");
        try (DirectoryStream<Path> all = Files.newDirectoryStream(proc, processes)) {
            for (Path dir : all) {
                String[] args;
                Path name;
                try {
                    args = Files.readString(dir.resolve("cmdline")).split("\u0000");
                    name = Path.of(args[0]).getFileName();
                } catch (IOException | RuntimeException e) {
                    continue; // gone, not ours to read, or a program name that is no path
                }
                if (name != null && name.toString().equals(program) && List.of(args).contains(argument)) {
                    return new ServerCpu(proc, Long.parseLong(dir.getFileName().toString()));
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    Reading read() {
        Path dir = proc.resolve(Long.toString(pid));
        long ticks;
        try {
            ticks = statTicks(Files.readString(dir.resolve("stat")));
        } catch (IOException | RuntimeException e) {
            return new Reading(-1, Map.of());
        }
        Map<Long, Long> threads = new TreeMap<>();
        Map<Long, String> names = new TreeMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(dir.resolve("task"))) {
            for (Path task : tasks) {
                long tid = Long.parseLong(task.getFileName().toString());
                threads.put(tid, schedstatNanos(Files.readString(task.resolve("schedstat"))));
                Path comm = task.resolve("comm");
                names.put(tid, Files.exists(comm) ? Files.readString(comm).strip() : "");
            }
        } catch (IOException | RuntimeException e) {
            threads.clear(); // a thread gone while listed, or no schedstat: stat it is
            names.clear();
        }
        return new Reading(ticks, threads, names);
    }

    /**
     * utime + stime (fields 14 and 15) of a {@code /proc/<pid>/stat} line. The command name (field 2)
     * is in parentheses and may itself hold spaces and parentheses: fields are counted after the last ')'.
     */
    static long statTicks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // f[0] is field 3 (state): field n is f[n - 3]
        return Long.parseLong(f[14 - 3]) + Long.parseLong(f[15 - 3]);
    }

    /** The first field of a schedstat line: nanoseconds on CPU. */
    static long schedstatNanos(String schedstat) {
        return Long.parseLong(schedstat.trim().split("\\s+")[0]);
    }

    /** {@link Reading#nanosByRoleSince} as CPU milliseconds per request; empty when unknown. */
    static Map<String, Double> millisPerRequestByRole(Map<String, Long> nanosByRole, long requests) {
        Map<String, Double> out = new LinkedHashMap<>();
        nanosByRole.forEach((role, nanos) -> out.put(role, millisPerRequest(nanos, requests)));
        return out;
    }

    /** CPU milliseconds per request, rounded to a microsecond; null when unknown. */
    static Double millisPerRequest(long nanos, long requests) {
        if (nanos < 0 || requests <= 0) {
            return null;
        }
        return Math.round(nanos / 1e3 / requests) / 1000.0;
    }
}
