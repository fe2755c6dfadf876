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
        assertThat(rows.get(0)).containsEntry("ratioToDbCeiling", 0.8).containsEntry("ratioToHttpCeiling", 0.4);
        assertThat(rows.get(1)).containsEntry("ratioToDbCeiling", 0.9).containsEntry("errors", 1L);
        assertThat(Report.render(runs, List.of(8))).contains("transfer").contains("0.80");
    }
}
