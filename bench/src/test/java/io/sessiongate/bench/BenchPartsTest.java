package io.sessiongate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessiongate.core.websession.SecureTokens;
import java.util.List;
import org.junit.jupiter.api.Test;

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
        assertThat(Wrk.script("transfer", Dataset.ofSize("default"))).contains("function cookie(i)")
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
    void theServersCpuIsReadFromProc(@org.junit.jupiter.api.io.TempDir java.nio.file.Path proc) throws Exception {
        java.nio.file.Path pid = java.nio.file.Files.createDirectories(proc.resolve("42/task/42"));
        java.nio.file.Files.createDirectories(proc.resolve("42/task/43"));
        // the command name may hold spaces and parentheses; utime 250 and stime 50 ticks
        String stat = "42 (java (x) y) S 1 42 42 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 30 0 123 456 789\n";
        java.nio.file.Files.writeString(proc.resolve("42/stat"), stat);
        java.nio.file.Files.writeString(pid.resolve("schedstat"), "1000000 5 7\n");
        java.nio.file.Files.writeString(proc.resolve("42/task/43/schedstat"), "2000000000 5 7\n");
        ServerCpu cpu = new ServerCpu(proc, 42);
        ServerCpu.Reading before = cpu.read();
        assertThat(before.ticks()).isEqualTo(300);
        java.nio.file.Files.writeString(proc.resolve("42/task/43/schedstat"), "2500000000 5 7\n");
        ServerCpu.Reading after = cpu.read();
        assertThat(after.nanosSince(before)).as("the threads' schedstat, in ns").isEqualTo(500_000_000L);
        assertThat(after.sourceSince(before)).isEqualTo("schedstat");
        assertThat(ServerCpu.millisPerRequest(after.nanosSince(before), 1000)).isEqualTo(0.5);

        // a thread ended: its time is in stat only, so stat (ticks of 10 ms) is the measure
        java.nio.file.Files.delete(proc.resolve("42/task/43/schedstat"));
        java.nio.file.Files.delete(proc.resolve("42/task/43"));
        java.nio.file.Files.writeString(proc.resolve("42/stat"), stat.replace(" 250 50 ", " 300 60 "));
        ServerCpu.Reading later = cpu.read();
        assertThat(later.nanosSince(after)).isEqualTo(600_000_000L);
        assertThat(later.sourceSince(after)).isEqualTo("stat");
        assertThat(new ServerCpu(proc, 7).read().nanosSince(before)).as("no such process").isEqualTo(-1);
    }
}
