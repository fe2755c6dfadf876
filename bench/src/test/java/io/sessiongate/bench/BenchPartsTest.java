package io.sessiongate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessiongate.core.websession.SecureTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchPartsTest {

    @Test
    void wrksSummaryLineIsRead() {
        LoadResult r = Wrk.parse("transfer", 8, "Running 10s test\nBENCH requests=1234 duration_us=10000000 errors=2 "
                + "p50=1500 p99=9000 p999=15000\n");
        assertThat(r.requests()).isEqualTo(1234);
        assertThat(r.perSecond()).isEqualTo(123.4);
        assertThat(r.errors()).isEqualTo(2);
        assertThat(r.p50Millis()).isEqualTo(1.5);
        assertThat(r.p999Millis()).isEqualTo(15.0);
    }

    @Test
    void theBenchCookiesAreTokensTheServerWillLookUp() {
        assertThat(SecureTokens.looksLikeToken(Dataset.cookie(1))).isTrue();
        assertThat(Dataset.cookie(1)).hasSize(SecureTokens.COOKIE_TOKEN_LENGTH).isNotEqualTo(Dataset.cookie(2));
        assertThat(SecureTokens.looksLikeToken(Dataset.authCode())).isTrue();
        assertThat(Wrk.script("transfer", Dataset.ofSize("default"), 2)).contains("function cookie(i)")
                .contains("/API/transferSession.aspx");
    }

    @Test
    void aStreamedReportsRowsAreCountedAcrossReadBoundaries() throws Exception {
        byte[] xml = ("OK\n\n<report><header></header><data>" + "<row><field id=\"0\">a</field></row>".repeat(30_000)
                + "</data></report>").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long[] counted = ReportRun.count(new java.io.ByteArrayInputStream(xml), "<row>");
        assertThat(counted).containsExactly(30_000, xml.length, 1);
        assertThat(ReportRun.count(new java.io.ByteArrayInputStream("POLLRATEEXCEEDED".getBytes()), "\n")[2])
                .as("not a report").isZero();
    }

    @Test
    void theTableRelatesEachOperationToBothCeilings() {
        List<LoadResult> runs = List.of(new LoadResult("ping", 8, 1000, 1, 0, 1, 2, 3),
                new LoadResult("transfer", 8, 400, 1, 0, 1, 2, 3), new LoadResult("db-transfer", 8, 500, 1, 0, 1, 2, 3),
                new LoadResult("update", 8, 450, 1, 1, 1, 2, 3), new LoadResult("db-update", 8, 500, 1, 0, 1, 2, 3));
        var rows = Report.table(runs, List.of(8));
        assertThat(rows.get(0)).containsEntry("operation", "ping").containsEntry("ratioToDbCeiling", null);
        assertThat(rows.get(1)).containsEntry("ratioToDbCeiling", 0.8).containsEntry("ratioToHttpCeiling", 0.4);
        assertThat(rows.get(2)).containsEntry("ratioToDbCeiling", 0.9).containsEntry("errors", 1L);
        assertThat(Report.render(runs, List.of(8))).contains("transfer").contains("0.80");
    }

    @Test
    void theCeilingWithoutDeferredStatementsIsShownBesideTheServers() {
        List<LoadResult> runs = List.of(new LoadResult("ping", 1, 1000, 1, 0, 1, 2, 3),
                new LoadResult("transfer", 1, 400, 1, 0, 1, 2, 3), new LoadResult("db-transfer", 1, 900, 1, 0, 1, 2, 3),
                new LoadResult("db-transfer" + DbCeiling.UNDEFERRED, 1, 600, 1, 0, 1, 2, 3),
                new LoadResult("update", 1, 450, 1, 0, 1, 2, 3), new LoadResult("db-update", 1, 500, 1, 0, 1, 2, 3));
        var rows = Report.table(runs, List.of(1));
        assertThat(rows.get(1)).containsEntry("dbCeilingRps", 900.0).containsEntry("dbCeilingUndeferredRps", 600.0)
                .containsEntry("ratioToDbCeiling", 0.44);
        assertThat(rows.get(2)).doesNotContainKey("dbCeilingUndeferredRps");
        assertThat(Report.render(runs, List.of(1))).contains("db ceiling, writes deferred")
                .containsPattern("transfer +1 +900 +600 +1\\.50");
    }

    @Test
    void mariaDbsCpuIsShownBesideTheServersWithTheCoresBothKeptBusy() {
        List<LoadResult> runs = List.of(new LoadResult("ping", 8, 1000, 1, 0, 1, 2, 3).withCpu(0.05),
                new LoadResult("transfer", 8, 1500, 1, 0, 1, 2, 3).withCpu(0.4).withMariaDbCpu(0.9),
                new LoadResult("db-transfer", 8, 2000, 1, 0, 1, 2, 3).withMariaDbCpu(0.85),
                new LoadResult("update", 8, 2000, 1, 0, 1, 2, 3).withCpu(0.35));
        var rows = Report.table(runs, List.of(8));
        assertThat(rows.get(1)).containsEntry("mariaDbCpuMsPerRequest", 0.9)
                .containsEntry("dbCeilingMariaDbCpuMsPerRequest", 0.85);
        assertThat(rows.get(2)).containsEntry("mariaDbCpuMsPerRequest", null);
        // (0.4 + 0.9) ms x 1,500 a second: 1.95 cores; no line for update, whose MariaDB CPU is not known
        assertThat(Report.render(runs, List.of(8))).contains("cpu ms/req of MariaDB's process")
                .containsPattern("transfer +8 +0\\.400 +0\\.900 +1\\.95 \\| +0\\.850")
                .doesNotContainPattern("update +8 +0\\.350");
    }

    @Test
    void theBenchmarksMariaDbIsFoundByItsPortAmongTheMachinesProcesses(@TempDir Path proc) throws Exception {
        Files.createDirectories(proc.resolve("10"));
        Files.writeString(proc.resolve("10/cmdline"), "/usr/sbin/mariadbd\u0000");
        Files.createDirectories(proc.resolve("11"));
        Files.writeString(proc.resolve("11/cmdline"),
                "/x/bench/target/mariadb/base/bin/mariadbd\u0000--no-defaults\u0000--port=18701\u0000");
        Files.createDirectories(proc.resolve("12"));
        Files.writeString(proc.resolve("12/cmdline"), "java\u0000--port=18701\u0000");
        Files.createDirectories(proc.resolve("self"));
        Files.createDirectories(proc.resolve("13")); // a process gone: no cmdline
        Files.writeString(proc.resolve("11/stat"), "11 (mariadbd) S 1 1 1 0 -1 0 0 0 0 0 250 50 0 0 20 0 9 0 1");
        ServerCpu found = ServerCpu.find(proc, "mariadbd", "--port=18701");
        assertThat(found).isNotNull();
        assertThat(found.read().ticks()).isEqualTo(300);
        assertThat(ServerCpu.find(proc, "mariadbd", "--port=3306")).isNull();
    }

    @Test
    void transferAndUpdateAreFollowedByBothCeilingsTheOthersByTheirOwnOrNone() {
        assertThat(DbCeiling.runsAfter("transfer")).containsExactly("transfer", "transfer" + DbCeiling.UNDEFERRED);
        assertThat(DbCeiling.runsAfter("update")).containsExactly("update", "update" + DbCeiling.UNDEFERRED);
        assertThat(DbCeiling.runsAfter("start")).containsExactly("start");
        assertThat(DbCeiling.runsAfter("ping")).isEmpty();
        assertThat(DbCeiling.runsAfter("pin-join")).isEmpty();
    }

    @Test
    void cpuPerRequestIsSetBesidePings() {
        List<LoadResult> runs = List.of(new LoadResult("ping", 8, 1000, 1, 0, 1, 2, 3).withCpu(0.05),
                new LoadResult("transfer", 8, 400, 1, 0, 1, 2, 3).withCpu(0.6),
                new LoadResult("update", 8, 400, 1, 0, 1, 2, 3));
        var rows = Report.table(runs, List.of(8));
        assertThat(rows.get(1)).containsEntry("cpuMsPerRequest", 0.6).containsEntry("cpuTimesPing", 12.0)
                .containsEntry("dbCeilingRps", null);
        assertThat(rows.get(2)).containsEntry("cpuMsPerRequest", null).containsEntry("cpuTimesPing", null);
        assertThat(Report.render(runs, List.of(8))).contains("0.600").contains("12.0");
    }

    @Test
    void theServersCpuIsReadFromProc(@TempDir Path proc) throws Exception {
        Path pid = Files.createDirectories(proc.resolve("42/task/42"));
        Files.createDirectories(proc.resolve("42/task/43"));
        // the command name may hold spaces and parentheses; utime 250 and stime 50 ticks
        String stat = "42 (java (x) y) S 1 42 42 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 30 0 123 456 789\n";
        Files.writeString(proc.resolve("42/stat"), stat);
        Files.writeString(pid.resolve("schedstat"), "1000000 5 7\n");
        Files.writeString(proc.resolve("42/task/43/schedstat"), "2000000000 5 7\n");
        ServerCpu cpu = new ServerCpu(proc, 42);
        ServerCpu.Reading before = cpu.read();
        assertThat(before.ticks()).isEqualTo(300);
        Files.writeString(proc.resolve("42/task/43/schedstat"), "2500000000 5 7\n");
        ServerCpu.Reading after = cpu.read();
        assertThat(after.nanosSince(before)).as("the threads' schedstat, in ns").isEqualTo(500_000_000L);
        assertThat(after.sourceSince(before)).isEqualTo("schedstat");
        assertThat(ServerCpu.millisPerRequest(after.nanosSince(before), 1000)).isEqualTo(0.5);

        // a thread ended: its time is in stat only, so stat (ticks of 10 ms) is the measure
        Files.delete(proc.resolve("42/task/43/schedstat"));
        Files.delete(proc.resolve("42/task/43"));
        Files.writeString(proc.resolve("42/stat"), stat.replace(" 250 50 ", " 300 60 "));
        ServerCpu.Reading later = cpu.read();
        assertThat(later.nanosSince(after)).isEqualTo(600_000_000L);
        assertThat(later.sourceSince(after)).isEqualTo("stat");
        assertThat(later.nanosByRoleSince(after)).as("an ended thread's time is not in any role")
                .containsEntry("other", 0L);
        assertThat(new ServerCpu(proc, 7).read().nanosSince(before)).as("no such process").isEqualTo(-1);
    }

    @Test
    void theServersCpuIsSplitByWhatEachThreadDoes(@TempDir Path proc)
            throws Exception {
        Path dir = Files.createDirectories(proc.resolve("42"));
        Files.writeString(dir.resolve("stat"), "42 (java) S 1 42 42 0 -1 0 0 0 0 0 250 50 0\n");
        String[][] threads = {{"42", "java"}, {"50", "sessiongate-htt"}, {"51", "grizzly-nio-ker"}, {"52", "VM Thread"},
                {"53", "C2 CompilerThre"}, {"54", "HikariPool-1 ho"}};
        for (String[] t : threads) {
            Path task = Files.createDirectories(dir.resolve("task").resolve(t[0]));
            Files.writeString(task.resolve("comm"), t[1] + "\n");
            Files.writeString(task.resolve("schedstat"), "1000000 1 1\n");
        }
        ServerCpu cpu = new ServerCpu(proc, 42);
        ServerCpu.Reading before = cpu.read();
        Files.writeString(dir.resolve("task/50/schedstat"), "5001000000 1 1\n");
        Files.writeString(dir.resolve("task/51/schedstat"), "1001000000 1 1\n");
        Files.writeString(dir.resolve("task/52/schedstat"), "501000000 1 1\n");
        Files.writeString(dir.resolve("task/53/schedstat"), "201000000 1 1\n");
        Files.writeString(dir.resolve("task/54/schedstat"), "101000000 1 1\n");
        Path born = Files.createDirectories(dir.resolve("task/55"));
        Files.writeString(born.resolve("comm"), "sessiongate-htt\n");
        Files.writeString(born.resolve("schedstat"), "1000000000 1 1\n");
        ServerCpu.Reading after = cpu.read();
        var byRole = after.nanosByRoleSince(before);
        assertThat(byRole).containsExactly(Map.entry("requests", 6_000_000_000L),
                Map.entry("selectors", 1_000_000_000L), Map.entry("gc", 500_000_000L),
                Map.entry("jit", 200_000_000L), Map.entry("other", 100_000_000L));
        var perRequest = ServerCpu.millisPerRequestByRole(byRole, 1000);
        assertThat(perRequest).containsEntry("requests", 6.0).containsEntry("gc", 0.5);

        LoadResult run = new LoadResult("transfer", 1, 1000, 1, 0, 1, 2, 3).withCpu(7.8, perRequest);
        String shown = Report.render(List.of(run), List.of(1));
        assertThat(shown).contains("cpu ms/req by server thread:")
                .containsPattern("transfer\\s+1\\s+6\\.000\\s+1\\.000\\s+0\\.500\\s+0\\.200\\s+0\\.100");
        assertThat(Report.table(List.of(run), List.of(1)).get(0)).containsEntry("cpuMsPerRequestByThread", perRequest);
    }

    @Test
    void aRunsFirstUnexpectedReplyIsKept() {
        LoadResult r = Wrk.parse("start", 1, "BENCH requests=10 duration_us=1000000 errors=1 p50=1 p99=2 p999=3\n"
                + "BENCH first_error 200 ACTIONFAILED\n");
        assertThat(r.firstError()).isEqualTo("200 ACTIONFAILED");
        assertThat(Wrk.parse("ping", 1, "BENCH requests=10 duration_us=1000000 errors=0 p50=1 p99=2 p999=3\n")
                .firstError()).isNull();
    }

    @Test
    void theNewOperationsScriptsSendWhatTheServerServes() {
        Dataset d = Dataset.ofSize("default");
        String pin = Wrk.script("pin-join", d, 2);
        assertThat(pin).contains("/API/requestPINCode.aspx?authcode=").contains("\"pbench\" .. i .. \"x\"")
                .contains("string.rep(\"0\", " + SecureTokens.AUTH_CODE_LENGTH + " - #s)")
                .contains("/api/v1/customer/sessions").contains("local t = id + 2 * (k % 500)")
                .as("wrk's check of thread 0's first request is not counted").contains("if checking() then");
        assertThat(Dataset.technicianAuthCode(7)).startsWith("pbench7x").hasSize(SecureTokens.AUTH_CODE_LENGTH);
        assertThat(SecureTokens.looksLikeToken(Dataset.technicianAuthCode(7))).isTrue();

        assertThat(Wrk.script("start", d, 1)).contains("local t = id + 1 * (k % 1000)")
                .contains("/API/startSession.aspx?session=\" .. (" + Dataset.START_BASE + " + t) .. \"&node=\" .. ("
                        + Dataset.TECH_BASE + " + t)")
                .contains("/API/holdSession.aspx?session=");
        assertThat(Wrk.script("sessions-page", d, 2))
                .contains("/api/v1/accounts/bench/support-sessions?channelId=\" .. (" + Dataset.CHANNEL_BASE + " + k % "
                        + Dataset.CHANNELS + ")").contains("&limit=50").contains("Bearer " + Dataset.apiToken());
        assertThat(Wrk.script("events-page", d, 2)).contains("/api/v1/accounts/bench/events?limit=50");
    }

    @Test
    void theApiTokenIsOneTheServerWillLookUp() {
        String token = Dataset.apiToken();
        assertThat(token).startsWith(io.sessiongate.core.websession.ApiTokenRepository.PREFIX);
        assertThat(SecureTokens.looksLikeToken(token.substring(4))).isTrue();
    }

    @Test
    void theCeilingsFindTheServersOwnPageStatements() {
        assertThat(DbCeiling.SESSIONS_OF_CHANNEL.jdbc()).contains("FROM support_session s")
                .contains("s.channel_node_id = ?").doesNotContain("s.status = ?").contains("ORDER BY s.id LIMIT ?");
        assertThat(DbCeiling.SESSIONS_OF_CHANNEL.names()).containsExactly("account", "after", "channel", "limit");
        assertThat(DbCeiling.EVENT_PAGE.jdbc()).contains("FROM event").doesNotContain("object_type = ?");
        assertThat(DbCeiling.EVENT_PAGE.names()).containsExactly("account", "after", "limit");
        assertThat(DbCeiling.ACCOUNT.names()).containsExactly("key");
    }

    @Test
    void quickIsTheDefaultDatasetAtTwoConcurrenciesWithoutReports() {
        BenchMain.Plan quick = BenchMain.plan(BenchMain.options(new String[] {"--quick", "--port", "18700"}));
        assertThat(quick).isEqualTo(new BenchMain.Plan("default", 5, 5, true, false, 18700, List.of(1, 32)));
        assertThat(BenchMain.plan(BenchMain.options(new String[] {"--quick", "--connections", "8"})).connections())
                .as("an option given wins over --quick's").containsExactly(8);
        BenchMain.Plan full = BenchMain.plan(BenchMain.options(new String[] {"--reports", "no"}));
        assertThat(full).isEqualTo(new BenchMain.Plan("both", 10, 10, true, false, 0, List.of(1, 8, 32, 64)));
        // warm-up rounds alternate between 8 connections and the run's highest
        assertThat(quick.warmConnections()).containsExactly(8, 32);
        assertThat(full.warmConnections()).containsExactly(8, 64);
        assertThat(BenchMain.plan(BenchMain.options(new String[] {"--connections", "1,4"})).warmConnections())
                .containsExactly(8);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BenchMain.plan(BenchMain.options(
                new String[] {"--load", "no", "--reports", "no"}))).hasMessageContaining("nothing to measure");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BenchMain.plan(BenchMain.options(
                new String[] {"--reports", "maybe"}))).hasMessageContaining("--reports is yes or no");
        assertThat(BenchMain.USAGE).contains("--quick").contains("--reports yes|no");
    }

    @Test
    void roundTripsAreADashWhileTheServerDoesNotSendThem() {
        java.util.Map<String, java.util.Map<String, Integer>> probes = new java.util.LinkedHashMap<>();
        java.util.Map<String, Integer> transfer = new java.util.LinkedHashMap<>();
        transfer.put("statements", 6);
        transfer.put("roundTrips", 7);
        java.util.Map<String, Integer> update = new java.util.LinkedHashMap<>();
        update.put("statements", 5);
        update.put("roundTrips", null);
        probes.put("transferCookie", transfer);
        probes.put("sessionUpdate", update);
        assertThat(BenchMain.renderStatements(probes)).contains("transferCookie    6 statements / 7 round trips")
                .contains("sessionUpdate     5 statements / - round trips");
    }

    @Test
    void thePagesCostAtTheLargeSizeIsSetAgainstTheBound() {
        java.util.Map<String, Object> small = java.util.Map.of("runs", List.of(
                new LoadResult("sessions-page", 8, 1000, 1, 0, 2, 4, 5).withCpu(1.0),
                new LoadResult("events-page", 8, 1000, 1, 0, 2, 4, 5).withCpu(1.0),
                new LoadResult("db-events-page", 8, 2000, 1, 0, 2, 4, 5)));
        java.util.Map<String, Object> large = java.util.Map.of("runs", List.of(
                new LoadResult("sessions-page", 8, 500, 1, 0, 4, 8, 9).withCpu(2.5),
                new LoadResult("events-page", 8, 900, 1, 0, 2, 4, 5).withCpu(1.1)));
        var out = BenchMain.largeToDefault(List.of(small, large));
        assertThat(out.get("largeToDefault")).isEqualTo(java.util.Map.of("sessions-page@8", 0.5, "events-page@8", 0.9));
        @SuppressWarnings("unchecked") var pages = (java.util.Map<String, java.util.Map<String, Object>>)
                out.get("pageCostLargeToDefault");
        assertThat(pages.get("sessions-page@8")).containsEntry("timeLargeToDefault", 2.0)
                .containsEntry("cpuLargeToDefault", 2.5).containsEntry("withinBound", false);
        assertThat(pages.get("events-page@8")).containsEntry("timeLargeToDefault", 1.11)
                .containsEntry("withinBound", true);
    }
}
