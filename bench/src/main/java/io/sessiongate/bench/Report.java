package io.sessiongate.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The table: per operation and concurrency, throughput, latency, errors and the ratios to both ceilings. */
final class Report {

    private Report() {
    }

    static List<Map<String, Object>> table(List<LoadResult> runs, List<Integer> connections) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int c : connections) {
            LoadResult ping = find(runs, "ping", c);
            for (String op : List.of("transfer", "update")) {
                LoadResult r = find(runs, op, c);
                LoadResult db = find(runs, "db-" + op, c);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("operation", op);
                row.put("connections", c);
                row.put("rps", round(r.perSecond()));
                row.put("p50ms", r.p50Millis());
                row.put("p99ms", r.p99Millis());
                row.put("p999ms", r.p999Millis());
                row.put("errors", r.errors());
                row.put("httpCeilingRps", round(ping.perSecond()));
                row.put("dbCeilingRps", round(db.perSecond()));
                row.put("dbCeilingErrors", db.errors());
                row.put("ratioToHttpCeiling", ratio(r.perSecond(), ping.perSecond()));
                row.put("ratioToDbCeiling", ratio(r.perSecond(), db.perSecond()));
                rows.add(row);
            }
        }
        return rows;
    }

    static String render(List<LoadResult> runs, List<Integer> connections) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%-9s %5s %9s %8s %8s %9s %6s | %10s %6s | %10s %6s%n", "operation", "conns", "req/s", "p50 ms",
                "p99 ms", "p99.9 ms", "errors", "http ceil", "ratio", "db ceil", "ratio"));
        for (Map<String, Object> row : table(runs, connections)) {
            out.append(String.format(Locale.ROOT, "%-9s %5d %9.0f %8.2f %8.2f %9.2f %6d | %10.0f %6.2f | %10.0f %6.2f%n",
                    row.get("operation"), row.get("connections"), row.get("rps"), row.get("p50ms"), row.get("p99ms"),
                    row.get("p999ms"), row.get("errors"), row.get("httpCeilingRps"), row.get("ratioToHttpCeiling"),
                    row.get("dbCeilingRps"), row.get("ratioToDbCeiling")));
        }
        return out.toString();
    }

    private static LoadResult find(List<LoadResult> runs, String what, int c) {
        return runs.stream().filter(r -> r.what().equals(what) && r.connections() == c).findFirst().orElseThrow();
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double ratio(double a, double b) {
        return b <= 0 ? 0 : Math.round(a / b * 100) / 100.0;
    }
}
