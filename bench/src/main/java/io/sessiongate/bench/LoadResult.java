package io.sessiongate.bench;

import java.util.Map;

/**
 * One measured run: what a load of {@code connections} concurrent callers achieved.
 *
 * @param errors              replies that were not the expected success, plus socket errors
 * @param cpuMillisPerRequest the server process's CPU time over the run divided by the requests made (null for a
 *                            database ceiling, which does not go through the server, or when /proc was unreadable)
 * @param cpuByThread         that CPU by the kind of server thread that spent it ({@link ServerCpu#ROLES}), in
 *                            milliseconds per request; empty where the CPU is not known
 * @param firstError          the first unexpected reply (status and the start of its body), or null
 * @param mariaDbCpuMillisPerRequest MariaDB's process's CPU time over the run divided by the requests made (null
 *                            when the benchmark did not start MariaDB itself, or /proc was unreadable)
 */
record LoadResult(String what, int connections, long requests, double seconds, long errors, double p50Millis,
                  double p99Millis, double p999Millis, Double cpuMillisPerRequest, Map<String, Double> cpuByThread,
                  String firstError, Double mariaDbCpuMillisPerRequest) {

    LoadResult(String what, int connections, long requests, double seconds, long errors, double p50Millis,
               double p99Millis, double p999Millis) {
        this(what, connections, requests, seconds, errors, p50Millis, p99Millis, p999Millis, null, Map.of(), null,
                null);
    }

    double perSecond() {
        return seconds <= 0 ? 0 : requests / seconds;
    }

    LoadResult withCpu(Double millisPerRequest) {
        return withCpu(millisPerRequest, Map.of());
    }

    LoadResult withCpu(Double millisPerRequest, Map<String, Double> byThread) {
        return new LoadResult(what, connections, requests, seconds, errors, p50Millis, p99Millis, p999Millis,
                millisPerRequest, Map.copyOf(byThread), firstError, mariaDbCpuMillisPerRequest);
    }

    LoadResult withMariaDbCpu(Double millisPerRequest) {
        return new LoadResult(what, connections, requests, seconds, errors, p50Millis, p99Millis, p999Millis,
                cpuMillisPerRequest, cpuByThread, firstError, millisPerRequest);
    }
}
