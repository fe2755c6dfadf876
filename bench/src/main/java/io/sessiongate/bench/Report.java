package io.sessiongate.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The table: per operation and concurrency, throughput, latency, errors, the server's CPU per request
 * (and as a multiple of /ping's), and the ratios to both ceilings (the database one where the
 * operation has one).
 */
final class Report {

    /** The operations wrk measures, in the order they run and are shown; /ping first, the HTTP ceiling. */
    static final List<String> OPERATIONS = List.of("ping", "transfer", "update", "pin-join", "start", "sessions-page",
            "events-page");

    /** What a row of an operation counts, where its name does not say it all. */
    private static final Map<String, String> NOTES = new LinkedHashMap<>();

    static {
        NOTES.put("pin-join", "a technician's requestPINCode, then the customer's join with that PIN: a pair is two\n"
                + "  requests, both counted in req/s (pairs per second are half); no database ceiling (two services'\n"
                + "  transactions; their statements are above)");
        NOTES.put("start", "startSession (On Hold to Active) and holdSession in turn on each technician's own session");
        NOTES.put("sessions-page", "the first 50 of a channel's support sessions, the channels in turn, by API token");
        NOTES.put("events-page", "the first 50 events of the audit trail, by API token");
    }

    private Report() {
    }

    static List<Map<String, Object>> table(List<LoadResult> runs, List<Integer> connections) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int c : connections) {
            Optional<LoadResult> ping = find(runs, "ping", c);
            for (String op : OPERATIONS) {
                Optional<LoadResult> found = find(runs, op, c);
                if (found.isEmpty()) {
                    continue;
                }
                LoadResult r = found.get();
                Optional<LoadResult> db = find(runs, "db-" + op, c);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("operation", op);
                row.put("connections", c);
                row.put("rps", round(r.perSecond()));
                row.put("p50ms", r.p50Millis());
                row.put("p99ms", r.p99Millis());
                row.put("p999ms", r.p999Millis());
                row.put("errors", r.errors());
                row.put("cpuMsPerRequest", r.cpuMillisPerRequest());
                row.put("cpuMsPerRequestByThread", r.cpuByThread());
                Double pingCpu = ping.map(LoadResult::cpuMillisPerRequest).orElse(null);
                row.put("cpuTimesPing", r.cpuMillisPerRequest() == null || pingCpu == null || pingCpu <= 0 ? null
                        : Math.round(r.cpuMillisPerRequest() / pingCpu * 10) / 10.0);
                row.put("httpCeilingRps", ping.map(p -> round(p.perSecond())).orElse(null));
                row.put("dbCeilingRps", db.map(d -> round(d.perSecond())).orElse(null));
                row.put("dbCeilingErrors", db.map(LoadResult::errors).orElse(null));
                find(runs, "db-" + op + DbCeiling.UNDEFERRED, c).ifPresent(
                        u -> row.put("dbCeilingUndeferredRps", round(u.perSecond())));
                row.put("ratioToHttpCeiling", op.equals("ping") ? null
                        : ping.map(p -> ratio(r.perSecond(), p.perSecond())).orElse(null));
                row.put("ratioToDbCeiling", db.map(d -> ratio(r.perSecond(), d.perSecond())).orElse(null));
                row.put("mariaDbCpuMsPerRequest", r.mariaDbCpuMillisPerRequest());
                row.put("dbCeilingMariaDbCpuMsPerRequest", db.map(LoadResult::mariaDbCpuMillisPerRequest).orElse(null));
                if (r.firstError() != null) {
                    row.put("firstError", r.firstError());
                }
                rows.add(row);
            }
        }
        return rows;
    }

    static String render(List<LoadResult> runs, List<Integer> connections) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%-13s %5s %9s %8s %8s %9s %6s | %10s %6s | %9s %6s | %9s %6s%n", "operation", "conns", "req/s",
                "p50 ms", "p99 ms", "p99.9 ms", "errors", "cpu ms/req", "x ping", "http ceil", "ratio", "db ceil",
                "ratio"));
        List<String> firstErrors = new ArrayList<>();
        List<Map<String, Object>> rows = table(runs, connections);
        for (Map<String, Object> row : rows) {
            out.append(String.format(Locale.ROOT, "%-13s %5d %9.0f %8.2f %8.2f %9.2f %6d | %10s %6s | %9s %6s | %9s %6s%n",
                    row.get("operation"), row.get("connections"), row.get("rps"), row.get("p50ms"), row.get("p99ms"),
                    row.get("p999ms"), row.get("errors"), cell(row.get("cpuMsPerRequest"), "%.3f"),
                    cell(row.get("cpuTimesPing"), "%.1f"), cell(row.get("httpCeilingRps"), "%.0f"),
                    cell(row.get("ratioToHttpCeiling"), "%.2f"), cell(row.get("dbCeilingRps"), "%.0f"),
                    cell(row.get("ratioToDbCeiling"), "%.2f")));
            if (row.containsKey("firstError")) {
                firstErrors.add(row.get("operation") + "@" + row.get("connections") + ": " + row.get("firstError"));
            }
        }
        out.append("cpu ms/req: the server process's CPU time over the run / the requests wrk made; x ping: that\n"
                + "  multiple of /ping's at the same connections.\n");
        out.append(byThread(rows));
        out.append(mariaDb(rows));
        out.append(undeferred(rows));
        for (Map.Entry<String, String> note : NOTES.entrySet()) {
            if (runs.stream().anyMatch(r -> r.what().equals(note.getKey()))) {
                out.append(note.getKey()).append(": ").append(note.getValue()).append('\n');
            }
        }
        for (String e : firstErrors) {
            out.append("first unexpected reply, ").append(e).append('\n');
        }
        return out.toString();
    }

    /** The CPU per request by the kind of server thread that spent it, a line per row that has it. */
    @SuppressWarnings("unchecked")
    static String byThread(List<Map<String, Object>> rows) {
        StringBuilder out = new StringBuilder();
        for (Map<String, Object> row : rows) {
            Map<String, Double> by = (Map<String, Double>) row.get("cpuMsPerRequestByThread");
            if (by == null || by.isEmpty()) {
                continue;
            }
            if (out.length() == 0) {
                out.append(String.format(Locale.ROOT, "cpu ms/req by server thread:%n%-13s %5s", "operation", "conns"));
                ServerCpu.ROLES.forEach(role -> out.append(String.format(Locale.ROOT, " %9s", role)));
                out.append(System.lineSeparator());
            }
            out.append(String.format(Locale.ROOT, "%-13s %5d", row.get("operation"), row.get("connections")));
            ServerCpu.ROLES.forEach(role -> out.append(String.format(Locale.ROOT, " %9s", cell(by.get(role), "%.3f"))));
            out.append(System.lineSeparator());
        }
        return out.toString();
    }

    /**
     * What MariaDB's process spent per request under the server's load and per transaction under the ceiling's,
     * and the cores the server and MariaDB kept busy together: on one machine they share its cores, and where
     * they are full the server's CPU per request is what stands between it and the ceiling. A line per row
     * that has MariaDB's CPU.
     */
    static String mariaDb(List<Map<String, Object>> rows) {
        StringBuilder out = new StringBuilder();
        for (Map<String, Object> row : rows) {
            Double mariaDb = (Double) row.get("mariaDbCpuMsPerRequest");
            if (mariaDb == null) {
                continue;
            }
            if (out.length() == 0) {
                out.append(String.format(Locale.ROOT, "cpu ms/req of MariaDB's process, under the server's load and "
                        + "under its ceiling's; cores: the server's and MariaDB's CPU together over the run:%n"
                        + "%-13s %5s %9s %9s %6s | %9s%n", "operation", "conns", "server", "mariadb", "cores",
                        "ceiling"));
            }
            Double server = (Double) row.get("cpuMsPerRequest");
            double rps = (Double) row.get("rps");
            out.append(String.format(Locale.ROOT, "%-13s %5d %9s %9.3f %6s | %9s%n", row.get("operation"),
                    row.get("connections"), cell(server, "%.3f"), mariaDb,
                    server == null ? "-" : String.format(Locale.ROOT, "%.2f", (server + mariaDb) * rps / 1000),
                    cell(row.get("dbCeilingMariaDbCpuMsPerRequest"), "%.3f")));
        }
        return out.toString();
    }

    /**
     * The database ceiling with the server's deferred writes beside the same statements sent one round trip
     * each (as before writes were deferred), a line per row that has both.
     */
    static String undeferred(List<Map<String, Object>> rows) {
        StringBuilder out = new StringBuilder();
        for (Map<String, Object> row : rows) {
            if (row.get("dbCeilingUndeferredRps") == null || row.get("dbCeilingRps") == null) {
                continue;
            }
            if (out.length() == 0) {
                out.append(String.format(Locale.ROOT, "db ceiling, writes deferred (the server's round trips) and "
                        + "not (a round trip each, and the COMMIT):%n%-13s %5s %9s %9s %6s%n", "operation", "conns",
                        "deferred", "not", "gain"));
            }
            double now = (Double) row.get("dbCeilingRps");
            double before = (Double) row.get("dbCeilingUndeferredRps");
            out.append(String.format(Locale.ROOT, "%-13s %5d %9.0f %9.0f %6s%n", row.get("operation"),
                    row.get("connections"), now, before, before <= 0 ? "-" : String.format(Locale.ROOT, "%.2f",
                            now / before)));
        }
        return out.toString();
    }

    private static String cell(Object value, String format) {
        return value == null ? "-" : String.format(Locale.ROOT, format, value);
    }

    private static Optional<LoadResult> find(List<LoadResult> runs, String what, int c) {
        return runs.stream().filter(r -> r.what().equals(what) && r.connections() == c).findFirst();
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double ratio(double a, double b) {
        return b <= 0 ? 0 : Math.round(a / b * 100) / 100.0;
    }
}
