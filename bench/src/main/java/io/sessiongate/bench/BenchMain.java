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
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The benchmark, in one run: starts MariaDB (embedded, or the one named by SESSIONGATE_DB_URL),
 * starts the server as its own process with bin/jvm.options (-Xmx256m), seeds a dataset, reads the reports over
 * its history ({@link ReportRun}: rows per second, the server's peak heap), warms each operation up until the
 * JIT is quiet, then at each concurrency alternates the HTTP ceiling (/ping), transferSession, Session.Update,
 * the technician's PIN and the customer's join, startSession/holdSession, a page of a channel's support
 * sessions and a page of the audit trail, each (but the PIN and join) followed by its database ceiling.
 * Prints tables and writes JSON to bench/results.
 *
 * <p>Options: {@code --size default|large|both} (default both), {@code --duration S} seconds per
 * measurement (default 10), {@code --connections 1,8,32,64}, {@code --load no} for the reports only,
 * {@code --reports no} for the load only, {@code --port P} for the server to listen on P and the
 * embedded MariaDB on P+1 (default: free ports), {@code --quick} for the default dataset at 1 and 32
 * connections, 5 s each, warm-up rounds of 5 s and no reports (the other options still apply over it).
 */
public final class BenchMain {

    private static final int POOL_SIZE = 20;
    static final String USAGE =
            "usage: bench/run [--quick] [--size default|large|both] [--duration SECONDS] [--connections 1,8,32,64] "
                    + "[--load yes|no] [--reports yes|no] [--port P]\n"
                    + "  --quick: --size default --duration 5 --connections 1,32 --reports no, warm-up rounds of 5 s";
    /** The list pages, whose cost at the large size the issue bounds: within 1.5x of the default size's. */
    private static final List<String> PAGES = List.of("sessions-page", "events-page");
    private static final double PAGE_COST_BOUND = 1.5;

    /** What a run measures. */
    record Plan(String size, int seconds, int warmSeconds, boolean load, boolean reports, int port,
                List<Integer> connections) {

        /**
         * The concurrencies of the warm-up rounds, taken in turn: 8, and the run's highest when it is higher,
         * since the JIT compiles what only many requests in flight run (waiting for a pooled connection, a
         * worker's queue) only when that runs.
         */
        List<Integer> warmConnections() {
            int most = connections.stream().mapToInt(Integer::intValue).max().orElse(WARM_CONNECTIONS);
            return most > WARM_CONNECTIONS ? List.of(WARM_CONNECTIONS, most) : List.of(WARM_CONNECTIONS);
        }
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(USAGE);
            return;
        }
        Map<String, String> opts;
        Plan plan;
        try {
            opts = options(args);
            plan = plan(opts);
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
            embedded = EmbeddedMariaDb.start(dir.resolve("base"), dir.resolve("data"),
                    plan.port() == 0 ? 0 : plan.port() + 1, "bench");
            serverUrlBase = "jdbc:mariadb://127.0.0.1:" + embedded.port() + "/";
        } else {
            serverUrlBase = dbUrl.substring(0, dbUrl.lastIndexOf('/') + 1);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("started", stamp);
        report.put("durationSeconds", plan.seconds());
        report.put("warmUpSeconds", plan.warmSeconds());
        report.put("cores", Runtime.getRuntime().availableProcessors());
        List<Map<String, Object>> sizes = new ArrayList<>();
        try {
            for (String s : "both".equals(plan.size()) ? List.of("default", "large") : List.of(plan.size())) {
                sizes.add(runSize(s, Dataset.ofSize(s), serverUrlBase, user, password, plan, root,
                        results.resolve("server-" + stamp + "-" + s + ".log"),
                        embedded == null ? null : ServerCpu.find(Path.of("/proc"), "mariadbd",
                                "--port=" + embedded.port())));
            }
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
        report.put("sizes", sizes);
        if (sizes.size() == 2 && plan.load()) {
            report.putAll(largeToDefault(sizes));
        }
        Path json = results.resolve("bench-" + stamp + ".json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report);
        System.out.println("\nresults: " + root.relativize(json));
    }

    /** The options read into a plan; {@code --quick} first, every other option over it. */
    static Plan plan(Map<String, String> opts) {
        boolean quick = opts.containsKey("quick");
        String size = opts.getOrDefault("size", quick ? "default" : "both");
        if (!List.of("default", "large", "both").contains(size)) {
            throw new IllegalArgumentException("unknown size " + size);
        }
        int seconds = Integer.parseInt(opts.getOrDefault("duration", quick ? "5" : "10"));
        if (seconds < 1) {
            throw new IllegalArgumentException("--duration is at least 1 second");
        }
        boolean load = yesNo(opts, "load", "yes");
        boolean reports = yesNo(opts, "reports", quick ? "no" : "yes");
        if (!load && !reports) {
            throw new IllegalArgumentException("--load no and --reports no leave nothing to measure");
        }
        int port = Integer.parseInt(opts.getOrDefault("port", "0"));
        List<Integer> connections = new ArrayList<>();
        for (String c : opts.getOrDefault("connections", quick ? "1,32" : "1,8,32,64").split(",")) {
            int n = Integer.parseInt(c.trim());
            if (n < 1) {
                throw new IllegalArgumentException("connections are at least 1");
            }
            connections.add(n);
        }
        // Long enough for the JIT to compile the hot paths before anything is measured; --quick trades that away.
        int warm = quick ? 5 : Math.max(10, seconds);
        return new Plan(size, seconds, warm, load, reports, port, List.copyOf(connections));
    }

    private static boolean yesNo(Map<String, String> opts, String name, String otherwise) {
        String value = opts.getOrDefault(name, otherwise);
        if (!List.of("yes", "no").contains(value)) {
            throw new IllegalArgumentException("--" + name + " is yes or no");
        }
        return "yes".equals(value);
    }

    /** @param mariaDb the CPU of MariaDB's process when the benchmark started it, else null */
    private static Map<String, Object> runSize(String name, Dataset d, String urlBase, String user, String password,
                                               Plan plan, Path root, Path serverLog, ServerCpu mariaDb)
            throws Exception {
        String db = "bench_" + name;
        try (Connection c = DriverManager.getConnection(urlBase, user, password); Statement s = c.createStatement()) {
            s.executeUpdate("DROP DATABASE IF EXISTS " + db);
            s.executeUpdate("CREATE DATABASE " + db);
        }
        String jdbcUrl = urlBase + db;
        // For example BENCH_SERVER_JAVA_OPTS=-XX:StartFlightRecording=filename=bench/results/server.jfr,settings=profile
        String extra = System.getenv("BENCH_SERVER_JAVA_OPTS");
        ServerLaunch launch = ServerLaunch.of(root)
                .javaOptions(extra == null || extra.isBlank() ? List.of() : List.of(extra.trim().split("\\s+")))
                .database(jdbcUrl, user, password, POOL_SIZE)
                .port(plan.port())
                .log(serverLog)
                .healthyWithin(Duration.ofSeconds(120));
        String javaOptions = String.join(" ", launch.javaOptions());
        ServerLaunch.Running running = launch.start();
        Process server = running.process();
        String base = running.origin();
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            long seedStart = System.nanoTime();
            try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
                d.seed(c);
            }
            System.out.printf(Locale.ROOT, "%n== dataset %s: %,d support sessions, %,d technicians, %,d web sessions "
                            + "(seeded in %.1f s); server pid %d, pool %d, JVM options %s ==%n", name, d.supportSessions(),
                    d.technicians(), d.webSessions(), (System.nanoTime() - seedStart) / 1e9, server.pid(), POOL_SIZE,
                    javaOptions);
            out.put("dataset", name);
            out.put("serverJavaOptions", javaOptions);
            out.put("supportSessions", d.supportSessions());
            out.put("technicians", d.technicians());
            out.put("webSessions", d.webSessions());
            Map<String, Map<String, Integer>> statements = statements(base, d);
            out.put("statements", statements);
            System.out.print("statements per request (the server's X-Sessiongate-Statements and -Round-Trips):\n"
                    + renderStatements(statements));

            if (plan.reports()) {
                List<ReportRun.Result> reports = new ReportRun(base, d).run();
                out.put("reports", ReportRun.table(reports));
                System.out.print("\nreports over the history (" + d.supportSessions() + " closed sessions and as many "
                        + "transfers; server " + javaOptions + "):\n" + ReportRun.render(reports));
                out.put("peakRssMbAfterReports", peakRssMb(server.pid()));
                System.out.println("server memory after the reports: peak RSS " + out.get("peakRssMbAfterReports")
                        + " MB");
            }
            if (!plan.load()) {
                return out;
            }

            Wrk wrk = new Wrk(Files.createTempDirectory("sessiongate-wrk"), new ServerCpu(server.pid()));
            try (DbCeiling ceiling = new DbCeiling(jdbcUrl, user, password, POOL_SIZE, d)) {
                Load load = new Load(wrk, ceiling, mariaDb, d, base, jdbcUrl, user, password);
                Map<String, String> warmUps = new LinkedHashMap<>();
                List<Integer> warmConnections = plan.warmConnections();
                for (String op : Report.OPERATIONS) {
                    warmUps.put(op, load.warmUp(op, plan.warmSeconds(), warmConnections));
                }
                out.put("warmUps", warmUps);
                String levels = warmConnections.stream().map(String::valueOf).collect(Collectors.joining(" and "));
                System.out.println("warm-ups (each operation in rounds at " + levels + " connections in turn, until "
                        + "the JIT's threads used under " + Math.round(JIT_QUIET * 100) + " % of a core in every round "
                        + "of a turn, at most " + MAX_WARM_ROUNDS + " rounds):");
                warmUps.forEach((op, how) -> System.out.println("  " + op + ": " + how));
                for (String op : Report.OPERATIONS) {
                    for (String ceilingRun : DbCeiling.runsAfter(op)) {
                        load.ceiling(ceilingRun, WARM_CONNECTIONS, plan.warmSeconds());
                    }
                }
                Map<String, List<String>> plans = new LinkedHashMap<>();
                for (String page : PAGES) {
                    plans.put(page, ceiling.explain(page));
                }
                out.put("explain", plans);
                System.out.println("the list pages' plans (EXPLAIN):");
                plans.forEach((page, lines) -> lines.forEach(l -> System.out.println("  " + page + " " + l)));
                List<LoadResult> all = new ArrayList<>();
                double gcBefore = gcSeconds(server.pid());
                for (int c : plan.connections()) {
                    for (String op : Report.OPERATIONS) {
                        all.add(load.wrk(op, c, plan.seconds()));
                        for (String ceilingRun : DbCeiling.runsAfter(op)) {
                            all.add(load.ceiling(ceilingRun, c, plan.seconds()));
                        }
                    }
                }
                double gcAfter = gcSeconds(server.pid());
                out.put("runs", all);
                out.put("table", Report.table(all, plan.connections()));
                out.put("peakRssMb", peakRssMb(server.pid()));
                out.put("gcSecondsDuringLoad", gcAfter < 0 || gcBefore < 0 ? null
                        : Math.round((gcAfter - gcBefore) * 1000) / 1000.0);
                System.out.print(Report.render(all, plan.connections()));
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

    /** A warm-up round ends the warm-up when the JIT's threads used less than this share of one core. */
    static final double JIT_QUIET = 0.05;
    static final int MAX_WARM_ROUNDS = 6;
    /** The concurrency of every warm-up, and of the first round of each operation's. */
    static final int WARM_CONNECTIONS = 8;

    /** Runs an operation under wrk or its database ceiling, after what the operation needs of the data. */
    private record Load(Wrk wrk, DbCeiling ceiling, ServerCpu mariaDb, Dataset d, String base, String jdbcUrl,
                        String user, String password) {

        LoadResult wrk(String op, int connections, int seconds) throws Exception {
            prepare(op);
            return withMariaDbCpu(() -> wrk.run(op, d, base, connections, seconds));
        }

        /** The run, with what MariaDB's process spent on it per request when the benchmark started MariaDB. */
        private LoadResult withMariaDbCpu(Callable<LoadResult> run) throws Exception {
            ServerCpu.Reading before = mariaDb == null ? null : mariaDb.read();
            LoadResult r = run.call();
            return before == null ? r
                    : r.withMariaDbCpu(ServerCpu.millisPerRequest(mariaDb.read().nanosSince(before), r.requests()));
        }

        /**
         * Runs {@code op} in rounds of {@code seconds}, at each of {@code connections} in turn, until the JIT's
         * compiler threads used less than {@link #JIT_QUIET} of one core in every round of a turn (or after
         * {@link #MAX_WARM_ROUNDS}): what is measured after is the compiled server, not its compilation. Says
         * how it went.
         */
        String warmUp(String op, int seconds, List<Integer> connections) throws Exception {
            double jit = Double.NaN;
            int quietInARow = 0;
            for (int round = 1; round <= MAX_WARM_ROUNDS; round++) {
                LoadResult r = wrk(op, connections.get((round - 1) % connections.size()), seconds);
                Double jitMillis = r.cpuByThread().get("jit");
                if (jitMillis == null) {
                    return round + " round of " + seconds + " s (the JIT's CPU is not known here)";
                }
                jit = jitMillis * r.requests() / (r.seconds() * 1000);
                quietInARow = jit < JIT_QUIET ? quietInARow + 1 : 0;
                if (quietInARow >= connections.size()) {
                    return String.format(Locale.ROOT, "%d round%s of %d s, the JIT at %.1f %% of a core in the last",
                            round, round == 1 ? "" : "s", seconds, jit * 100);
                }
            }
            return String.format(Locale.ROOT, "%d rounds of %d s, the JIT still at %.1f %% of a core", MAX_WARM_ROUNDS,
                    seconds, jit * 100);
        }

        LoadResult ceiling(String op, int connections, int seconds) throws Exception {
            prepare(op);
            return withMariaDbCpu(() -> ceiling.run(op, connections, seconds));
        }

        /** The start operation begins with every technician's session On Hold, whatever the last run left. */
        private void prepare(String op) throws java.sql.SQLException {
            if (op.equals("start")) {
                try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
                    d.resetStartSessions(c);
                }
            }
        }
    }

    /**
     * One request of each kind, reading the server's own count of SQL statements and of round trips to
     * the database (absent from servers that do not count them yet: null).
     */
    private static Map<String, Map<String, Integer>> statements(String base, Dataset d)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        String admin = "ASP.NET_SessionId=" + Dataset.cookie(1);
        probe(http, out, "transferCookie", HttpRequest.newBuilder(URI.create(base
                + "/API/transferSession.aspx?session=" + Dataset.SESSION_BASE + "&node=" + Dataset.TECH_BASE))
                .header("Cookie", admin).build(), "OK");
        probe(http, out, "transferAuthCode", HttpRequest.newBuilder(URI.create(base
                + "/API/transferSession.aspx?session=" + Dataset.SESSION_BASE + "&node=" + Dataset.CHANNEL_BASE
                + "&noderef=CHANNEL&authcode=" + Dataset.authCode())).build(), "OK");
        probe(http, out, "sessionUpdate", HttpRequest.newBuilder(URI.create(base + "/APIServer/Session.Update"))
                .header("Cookie", admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"SessionSurrogate\":\"" + d.firstTargetWebSession()
                        + "\",\"SessionSiteKey\":\"" + Dataset.SITE + "\",\"SessionStatus\":\"A\"}")).build(),
                "{\"ReturnedStatus\":\"*Successful\"");
        // The last technician's: the load's rotations reach it last, long after this.
        int tech = d.technicians() - 1;
        String pinReply = probe(http, out, "requestPINCode", HttpRequest.newBuilder(URI.create(base
                + "/API/requestPINCode.aspx?authcode=" + Dataset.technicianAuthCode(tech) + "&cfield0=Probe")).build(),
                "OK\nPINCODE:");
        probe(http, out, "customerJoin", HttpRequest.newBuilder(URI.create(base + "/api/v1/customer/sessions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"pinCode\":\"" + pinReply.substring(pinReply.indexOf(':') + 1)
                        + "\"}")).build(), "{\"id\":");
        probe(http, out, "startSession", HttpRequest.newBuilder(URI.create(base + "/API/startSession.aspx?session="
                + d.startSession(tech) + "&node=" + d.techNode(tech))).header("Cookie", admin).build(), "OK");
        probe(http, out, "holdSession", HttpRequest.newBuilder(URI.create(base + "/API/holdSession.aspx?session="
                + d.startSession(tech))).header("Cookie", admin).build(), "OK");
        String bearer = "Bearer " + Dataset.apiToken();
        probe(http, out, "sessionsPage", HttpRequest.newBuilder(URI.create(base + "/api/v1/accounts/" + Dataset.SITE
                + "/support-sessions?channelId=" + Dataset.CHANNEL_BASE + "&limit=" + Wrk.PAGE))
                .header("Authorization", bearer).build(), "{\"items\":[{");
        probe(http, out, "eventsPage", HttpRequest.newBuilder(URI.create(base + "/api/v1/accounts/" + Dataset.SITE
                + "/events?limit=" + Wrk.PAGE)).header("Authorization", bearer).build(), "{\"items\":[{");
        return out;
    }

    /** Sends {@code request}, checks its reply starts as a success does, records its counts; the reply's body. */
    private static String probe(HttpClient http, Map<String, Map<String, Integer>> out, String name,
                                HttpRequest request, String expectedStart) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (!r.body().startsWith(expectedStart)) {
            throw new IllegalStateException(request.uri().getPath() + " answered " + r.statusCode() + " " + r.body());
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("statements", header(r, "X-Sessiongate-Statements"));
        counts.put("roundTrips", header(r, "X-Sessiongate-Round-Trips"));
        out.put(name, counts);
        return r.body();
    }

    private static Integer header(HttpResponse<String> r, String name) {
        return r.headers().firstValue(name).map(Integer::valueOf).orElse(null);
    }

    /** One line a probe: {@code transferCookie 6 statements / 7 round trips}, {@code -} for a count not sent. */
    static String renderStatements(Map<String, Map<String, Integer>> statements) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Map<String, Integer>> e : statements.entrySet()) {
            Integer st = e.getValue().get("statements");
            Integer rt = e.getValue().get("roundTrips");
            out.append(String.format(Locale.ROOT, "  %-17s %s statements / %s round trips%n", e.getKey(),
                    st == null ? "-" : st, rt == null ? "-" : rt));
        }
        return out.toString();
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

    /**
     * Throughput at the large size over the default size's, per operation and concurrency; and for the
     * list pages, their cost the other way round (default req/s over large, and CPU per request large over
     * default), which the issue bounds at {@value #PAGE_COST_BOUND}.
     */
    static Map<String, Object> largeToDefault(List<Map<String, Object>> sizes) {
        @SuppressWarnings("unchecked") List<LoadResult> small = (List<LoadResult>) sizes.get(0).get("runs");
        @SuppressWarnings("unchecked") List<LoadResult> large = (List<LoadResult>) sizes.get(1).get("runs");
        Map<String, Object> ratios = new LinkedHashMap<>();
        Map<String, Object> pages = new LinkedHashMap<>();
        for (LoadResult a : small) {
            if (a.what().equals("ping") || a.what().startsWith("db-") || a.perSecond() <= 0) {
                continue;
            }
            LoadResult b = large.stream().filter(r -> r.what().equals(a.what()) && r.connections() == a.connections())
                    .findFirst().orElse(null);
            if (b == null || b.perSecond() <= 0) {
                continue;
            }
            String key = a.what() + "@" + a.connections();
            ratios.put(key, Math.round(b.perSecond() / a.perSecond() * 100) / 100.0);
            if (PAGES.contains(a.what())) {
                Map<String, Object> cost = new LinkedHashMap<>();
                double time = Math.round(a.perSecond() / b.perSecond() * 100) / 100.0;
                cost.put("timeLargeToDefault", time);
                cost.put("cpuLargeToDefault", a.cpuMillisPerRequest() == null || b.cpuMillisPerRequest() == null
                        || a.cpuMillisPerRequest() <= 0 ? null
                        : Math.round(b.cpuMillisPerRequest() / a.cpuMillisPerRequest() * 100) / 100.0);
                cost.put("p50LargeToDefault", a.p50Millis() <= 0 ? null
                        : Math.round(b.p50Millis() / a.p50Millis() * 100) / 100.0);
                cost.put("withinBound", time <= PAGE_COST_BOUND);
                pages.put(key, cost);
            }
        }
        System.out.println("\nthroughput, large dataset / default dataset: " + ratios);
        System.out.println("list pages, cost at 1,000,000 sessions / at 10,000 (bound " + PAGE_COST_BOUND + "x): "
                + pages);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("largeToDefault", ratios);
        out.put("pageCostLargeToDefault", pages);
        return out;
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--quick")) {
                m.put("quick", "yes");
                continue;
            }
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
