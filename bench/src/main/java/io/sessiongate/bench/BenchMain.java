package io.sessiongate.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sessiongate.core.persistence.EmbeddedMariaDb;
import io.sessiongate.testing.ServerLaunch;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark, in one run: starts MariaDB (embedded, or the one named by SESSIONGATE_DB_URL),
 * starts the server as its own process with -Xmx256m, seeds a dataset, reads the reports over its
 * history ({@link ReportRun}: rows per second, the server's peak heap), warms up, then at each
 * concurrency alternates the HTTP ceiling, transferSession, the transfer's database ceiling,
 * Session.Update and the update's database ceiling. Prints tables and writes JSON to bench/results.
 *
 * <p>Options: {@code --size default|large|both} (default both), {@code --duration S} seconds per
 * measurement (default 10), {@code --connections 1,8,32,64}, {@code --load no} for the reports only,
 * {@code --port P} for the server to listen on P and the embedded MariaDB on P+1 (default: free ports).
 */
public final class BenchMain {

    private static final int POOL_SIZE = 20;
    private static final String USAGE =
            "usage: bench/run [--size default|large|both] [--duration SECONDS] [--connections 1,8,32,64] "
                    + "[--load yes|no] [--port P]";

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(USAGE);
            return;
        }
        Map<String, String> opts;
        String size;
        int seconds;
        boolean load;
        int port;
        List<Integer> connections = new ArrayList<>();
        try {
            opts = options(args);
            size = opts.getOrDefault("size", "both");
            if (!List.of("default", "large", "both").contains(size)) {
                throw new IllegalArgumentException("unknown size " + size);
            }
            seconds = Integer.parseInt(opts.getOrDefault("duration", "10"));
            String loadOption = opts.getOrDefault("load", "yes");
            if (!List.of("yes", "no").contains(loadOption)) {
                throw new IllegalArgumentException("--load is yes or no");
            }
            load = "yes".equals(loadOption);
            port = Integer.parseInt(opts.getOrDefault("port", "0"));
            for (String c : opts.getOrDefault("connections", "1,8,32,64").split(",")) {
                connections.add(Integer.parseInt(c.trim()));
            }
        } catch (IllegalArgumentException e) { // NumberFormatException included
            System.err.println("bench: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        Path root = Path.of(opts.getOrDefault("root", ".")).toAbsolutePath().normalize();
        Path results = Files.createDirectories(root.resolve("bench/results"));
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));

        String dbUrl = System.getenv("SESSIONGATE_DB_URL");
        String user = System.getenv().getOrDefault("SESSIONGATE_DB_USER", "root");
        String password = System.getenv().getOrDefault("SESSIONGATE_DB_PASSWORD", "");
        EmbeddedMariaDb embedded = null;
        String serverUrlBase;
        if (dbUrl == null || dbUrl.isBlank()) {
            Path dir = root.resolve("bench/target/mariadb");
            embedded = EmbeddedMariaDb.start(dir.resolve("base"), dir.resolve("data"), port == 0 ? 0 : port + 1, "bench");
            serverUrlBase = "jdbc:mariadb://127.0.0.1:" + embedded.port() + "/";
        } else {
            serverUrlBase = dbUrl.substring(0, dbUrl.lastIndexOf('/') + 1);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("started", stamp);
        report.put("durationSeconds", seconds);
        report.put("cores", Runtime.getRuntime().availableProcessors());
        List<Map<String, Object>> sizes = new ArrayList<>();
        try {
            for (String s : "both".equals(size) ? List.of("default", "large") : List.of(size)) {
                sizes.add(runSize(s, Dataset.ofSize(s), serverUrlBase, user, password, connections, seconds, load, port,
                        root, results.resolve("server-" + stamp + "-" + s + ".log")));
            }
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
        report.put("sizes", sizes);
        if (sizes.size() == 2 && load) {
            report.put("largeToDefault", largeToDefault(sizes));
        }
        Path json = results.resolve("bench-" + stamp + ".json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report);
        System.out.println("\nresults: " + root.relativize(json));
    }

    private static Map<String, Object> runSize(String name, Dataset d, String urlBase, String user, String password,
                                               List<Integer> connections, int seconds, boolean load, int port,
                                               Path root, Path serverLog)
            throws Exception {
        String db = "bench_" + name;
        try (Connection c = DriverManager.getConnection(urlBase, user, password); Statement s = c.createStatement()) {
            s.executeUpdate("DROP DATABASE IF EXISTS " + db);
            s.executeUpdate("CREATE DATABASE " + db);
        }
        String jdbcUrl = urlBase + db;
        // For example BENCH_SERVER_JAVA_OPTS=-XX:StartFlightRecording=filename=bench/results/server.jfr,settings=profile
        String extra = System.getenv("BENCH_SERVER_JAVA_OPTS");
        ServerLaunch.Running running = ServerLaunch.of(root)
                .javaOptions(extra == null || extra.isBlank() ? List.of() : List.of(extra.trim().split("\\s+")))
                .database(jdbcUrl, user, password, POOL_SIZE)
                .port(port)
                .log(serverLog)
                .healthyWithin(Duration.ofSeconds(120))
                .start();
        Process server = running.process();
        String base = running.origin();
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            long seedStart = System.nanoTime();
            try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
                d.seed(c);
            }
            System.out.printf(Locale.ROOT, "%n== dataset %s: %,d support sessions, %,d technicians, %,d web sessions "
                            + "(seeded in %.1f s); server pid %d, -Xmx256m, pool %d ==%n", name, d.supportSessions(),
                    d.technicians(), d.webSessions(), (System.nanoTime() - seedStart) / 1e9, server.pid(), POOL_SIZE);
            out.put("dataset", name);
            out.put("supportSessions", d.supportSessions());
            out.put("technicians", d.technicians());
            out.put("webSessions", d.webSessions());
            out.put("statements", statements(base));
            System.out.println("statements per request: " + out.get("statements"));

            List<ReportRun.Result> reports = new ReportRun(base, d).run();
            out.put("reports", ReportRun.table(reports));
            System.out.print("\nreports over the history (" + d.supportSessions() + " closed sessions and as many "
                    + "transfers; server -Xmx256m):\n" + ReportRun.render(reports));
            out.put("peakRssMbAfterReports", peakRssMb(server.pid()));
            System.out.println("server memory after the reports: peak RSS " + out.get("peakRssMbAfterReports") + " MB");
            if (!load) {
                return out;
            }

            Wrk wrk = new Wrk(Files.createTempDirectory("sessiongate-wrk"), new ServerCpu(server.pid()));
            try (DbCeiling ceiling = new DbCeiling(jdbcUrl, user, password, POOL_SIZE, d)) {
                // Long enough for the JIT to compile the hot paths before anything is measured.
                int warm = Math.max(10, seconds);
                wrk.run("transfer", d, base, 8, warm);
                wrk.run("update", d, base, 8, warm);
                ceiling.run("transfer", 8, warm);
                ceiling.run("update", 8, warm);
                List<LoadResult> all = new ArrayList<>();
                double gcBefore = gcSeconds(server.pid());
                for (int c : connections) {
                    all.add(wrk.run("ping", d, base, c, seconds));
                    all.add(wrk.run("transfer", d, base, c, seconds));
                    all.add(ceiling.run("transfer", c, seconds));
                    all.add(wrk.run("update", d, base, c, seconds));
                    all.add(ceiling.run("update", c, seconds));
                }
                double gcAfter = gcSeconds(server.pid());
                out.put("runs", all);
                out.put("table", Report.table(all, connections));
                out.put("peakRssMb", peakRssMb(server.pid()));
                out.put("gcSecondsDuringLoad", gcAfter < 0 || gcBefore < 0 ? null
                        : Math.round((gcAfter - gcBefore) * 1000) / 1000.0);
                System.out.print(Report.render(all, connections));
                System.out.printf(Locale.ROOT, "server memory: peak RSS %s MB; GC time during the measured load %s s%n",
                        out.get("peakRssMb"), out.get("gcSecondsDuringLoad"));
            }
        } finally {
            server.destroy();
            if (!server.waitFor(15, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
        return out;
    }

    /** One request of each kind, reading the server's own count of SQL statements. */
    private static Map<String, Integer> statements(String base) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Map<String, Integer> out = new LinkedHashMap<>();
        out.put("transferCookie", count(http, HttpRequest.newBuilder(URI.create(base
                + "/API/transferSession.aspx?session=" + Dataset.SESSION_BASE + "&node=" + Dataset.TECH_BASE))
                .header("Cookie", "ASP.NET_SessionId=" + Dataset.cookie(1)).build(), "OK"));
        out.put("transferAuthCode", count(http, HttpRequest.newBuilder(URI.create(base
                + "/API/transferSession.aspx?session=" + Dataset.SESSION_BASE + "&node=" + Dataset.CHANNEL_BASE
                + "&noderef=CHANNEL&authcode=" + Dataset.authCode())).build(), "OK"));
        out.put("sessionUpdate", count(http, HttpRequest.newBuilder(URI.create(base + "/APIServer/Session.Update"))
                .header("Cookie", "ASP.NET_SessionId=" + Dataset.cookie(1))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"SessionSurrogate\":\"" + (Dataset.ofSize("default")
                        .firstTargetWebSession()) + "\",\"SessionSiteKey\":\"" + Dataset.SITE
                        + "\",\"SessionStatus\":\"A\"}")).build(), "{\"ReturnedStatus\":\"*Successful\""));
        return out;
    }

    private static int count(HttpClient http, HttpRequest request, String expectedStart)
            throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (!r.body().startsWith(expectedStart)) {
            throw new IllegalStateException(request.uri().getPath() + " answered " + r.body());
        }
        return Integer.parseInt(r.headers().firstValue("X-Sessiongate-Statements").orElse("-1"));
    }

    /** VmHWM: the process's peak resident set, in MB. */
    static Long peakRssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    /** Total GC time of a JVM, from jstat's GCT column; -1 when jstat is unavailable. */
    static double gcSeconds(long pid) {
        try {
            Process p = new ProcessBuilder("jstat", "-gc", Long.toString(pid)).redirectErrorStream(true).start();
            List<String> lines = new String(p.getInputStream().readAllBytes()).lines().toList();
            p.waitFor(10, TimeUnit.SECONDS);
            String[] header = lines.get(0).trim().split("\\s+");
            String[] values = lines.get(1).trim().split("\\s+");
            for (int i = 0; i < header.length; i++) {
                if ("GCT".equals(header[i])) {
                    return Double.parseDouble(values[i]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return -1;
    }

    private static Map<String, Object> largeToDefault(List<Map<String, Object>> sizes) {
        Map<String, Object> ratios = new LinkedHashMap<>();
        @SuppressWarnings("unchecked") List<LoadResult> small = (List<LoadResult>) sizes.get(0).get("runs");
        @SuppressWarnings("unchecked") List<LoadResult> large = (List<LoadResult>) sizes.get(1).get("runs");
        for (int i = 0; i < Math.min(small.size(), large.size()); i++) {
            LoadResult a = small.get(i);
            LoadResult b = large.get(i);
            if (a.what().equals("transfer") || a.what().equals("update")) {
                ratios.put(a.what() + "@" + a.connections(), Math.round(b.perSecond() / a.perSecond() * 100) / 100.0);
            }
        }
        System.out.println("\nthroughput, large dataset / default dataset: " + ratios);
        return ratios;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("cannot read the option " + args[i]);
            }
            m.put(args[i].substring(2), args[++i]);
        }
        return m;
    }

    private BenchMain() {
    }
}
