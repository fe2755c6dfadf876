package io.sessiongate.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report run: getReport_v2 over the whole dataset's history (every technician, beneath the
 * Technicians organisation node) as a session report and as transferred-sessions reports, TEXT and XML, and one technician's
 * session report as tap-logmeinrescue asks for it. Each report is read as a client streams it, rows
 * counted on the fly; meanwhile the server's heap in use is sampled from {@code /metrics} every
 * 100 ms, so that its peak shows whether the report passed through in bounded memory (the server runs
 * with -Xmx256m: a million rows held whole would not fit).
 */
final class ReportRun {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("M/d/yyyy H:mm:ss", Locale.ROOT);

    /** One report: its rows, the time to read it whole, its size, and the server's heap in use around it. */
    record Result(String what, long rows, double seconds, long bytes, long heapBeforeMb, long peakHeapMb) {
        double rowsPerSecond() {
            return seconds <= 0 ? 0 : rows / seconds;
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final Dataset d;
    private final LocalDateTime from = LocalDateTime.now(ZoneOffset.UTC).minusDays(2).withNano(0);
    private final LocalDateTime to = LocalDateTime.now(ZoneOffset.UTC).plusDays(1).withNano(0);
    private int serial;

    ReportRun(String base, Dataset d) {
        this.base = base;
        this.d = d;
    }

    List<Result> run() throws IOException, InterruptedException {
        // Warm-up: the report path compiled before anything is measured.
        for (int i = 0; i < 5; i++) {
            report("warm-up", 0, "XML", d.techNode(i));
            report("warm-up", 16, "TEXT", d.techNode(i));
        }
        List<Result> results = new ArrayList<>();
        results.add(report("sessions, all technicians, TEXT", 0, "TEXT", Dataset.TECHNICIANS_NODE));
        results.add(report("sessions, all technicians, XML", 0, "XML", Dataset.TECHNICIANS_NODE));
        results.add(report("transferred (7), all, TEXT", 7, "TEXT", Dataset.TECHNICIANS_NODE));
        results.add(report("transferred ext (16), all, XML", 16, "XML", Dataset.TECHNICIANS_NODE));
        results.add(report("sessions, one technician, XML", 0, "XML", d.techNode(d.technicians() / 2)));
        return results;
    }

    static List<Map<String, Object>> table(List<Result> results) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Result r : results) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("report", r.what());
            row.put("rows", r.rows());
            row.put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
            row.put("rowsPerSecond", Math.round(r.rowsPerSecond()));
            row.put("megabytes", Math.round(r.bytes() / 1e5) / 10.0);
            row.put("heapBeforeMb", r.heapBeforeMb());
            row.put("peakHeapMb", r.peakHeapMb());
            rows.add(row);
        }
        return rows;
    }

    static String render(List<Result> results) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-32s %9s %8s %9s %8s %11s %10s%n", "report",
                "rows", "s", "rows/s", "MB", "heap before", "peak heap"));
        for (Result r : results) {
            out.append(String.format(Locale.ROOT, "%-32s %9d %8.2f %9.0f %8.1f %8d MB %7d MB%n", r.what(), r.rows(),
                    r.seconds(), r.rowsPerSecond(), r.bytes() / 1e6, r.heapBeforeMb(), r.peakHeapMb()));
        }
        return out.toString();
    }

    private Result report(String what, int area, String output, long node) throws IOException, InterruptedException {
        set("setReportArea_v8.aspx", "area", Integer.toString(area));
        set("setOutput.aspx", "output", output);
        // Each report a few seconds longer than the last: the same report is served once a minute only.
        set("setReportDate_v2.aspx", "bdate", from.format(DATE), "edate", to.plusSeconds(serial++).format(DATE));
        long before = heapMb();
        HeapSampler sampler = new HeapSampler();
        sampler.start();
        long start = System.nanoTime();
        HttpResponse<InputStream> r = http.send(request("getReport_v2.aspx", "node", Long.toString(node), "nodetype",
                "NODE"), HttpResponse.BodyHandlers.ofInputStream());
        long[] counted;
        try (InputStream in = r.body()) {
            counted = count(in, "XML".equals(output) ? "<row>" : "\n");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = sampler.stopAndPeak();
        if (r.statusCode() != 200 || counted[2] != 1) {
            throw new IllegalStateException("getReport_v2 " + what + " did not answer a report (HTTP "
                    + r.statusCode() + ")");
        }
        // TEXT: "OK", a blank line and the header are lines too.
        long rows = "XML".equals(output) ? counted[0] : counted[0] - 3;
        return new Result(what, rows, seconds, counted[1], before, Math.max(before, peak));
    }

    /** Occurrences of {@code pattern}, bytes, and 1 when the body began with {@code OK\n\n}, reading as it comes. */
    static long[] count(InputStream in, String pattern) throws IOException {
        byte[] p = pattern.getBytes(StandardCharsets.US_ASCII);
        byte[] head = "OK\n\n".getBytes(StandardCharsets.US_ASCII);
        byte[] buf = new byte[64 * 1024];
        long found = 0;
        long bytes = 0;
        int matched = 0;
        boolean ok = true;
        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
            for (int i = 0; i < n; i++) {
                if (bytes + i < head.length && buf[i] != head[(int) (bytes + i)]) {
                    ok = false;
                }
                matched = buf[i] == p[matched] ? matched + 1 : (buf[i] == p[0] ? 1 : 0);
                if (matched == p.length) {
                    found++;
                    matched = 0;
                }
            }
            bytes += n;
        }
        return new long[] {found, bytes, ok && bytes >= head.length ? 1 : 0};
    }

    private void set(String method, String... params) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request(method, params), HttpResponse.BodyHandlers.ofString());
        if (!"OK".equals(r.body())) {
            throw new IllegalStateException(method + " answered " + r.body());
        }
    }

    private HttpRequest request(String method, String... params) {
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < params.length; i += 2) {
            q.append(i == 0 ? "?" : "&").append(params[i]).append('=')
                    .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
        }
        return HttpRequest.newBuilder(URI.create(base + "/API/" + method + q))
                .header("Cookie", "ASP.NET_SessionId=" + Dataset.cookie(1)).build();
    }

    /** The server's heap in use now, in MB: the sum of its heap pools in {@code /metrics}. */
    private long heapMb() throws IOException, InterruptedException {
        String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double bytes = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                bytes += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return Math.round(bytes / (1024 * 1024));
    }

    /** Samples the heap in use every 100 ms while a report is read. */
    private final class HeapSampler extends Thread {
        private volatile boolean running = true;
        private volatile long peak;

        HeapSampler() {
            super("heap-sampler");
            setDaemon(true);
        }

        @Override
        public void run() {
            while (running) {
                try {
                    peak = Math.max(peak, heapMb());
                    Thread.sleep(100);
                } catch (IOException e) {
                    // a missed sample: the next one counts
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long stopAndPeak() throws InterruptedException {
            running = false;
            join(5_000);
            return peak;
        }
    }
}
