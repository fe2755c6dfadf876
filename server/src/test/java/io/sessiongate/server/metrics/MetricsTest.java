package io.sessiongate.server.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.sessiongate.server.testing.TestServer;
import java.sql.Connection;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code /metrics}, {@code /health/live} and {@code /health/ready} on the real server. */
class MetricsTest {

    private static String base() {
        return TestServer.get().baseUri().toString();
    }

    private static String scrape() {
        return given().baseUri(base()).when().get("/metrics")
                .then().statusCode(200)
                .contentType(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.startsWith("text/plain"),
                        org.hamcrest.Matchers.containsString("version=0.0.4")))
                .extract().asString();
    }

    @Test
    void requestsAreCountedByApiMethodAndReturnCode() {
        String before = scrape();
        for (int i = 0; i < 3; i++) {
            given().baseUri(base()).when().get("/API/transferSession.aspx?session=5001&node=2001")
                    .then().statusCode(200).body(equalTo("NOTLOGGEDINASADMIN"));
        }
        given().baseUri(base()).when().get("/API/noSuchMethod.aspx").then().statusCode(404);
        given().baseUri(base()).contentType("application/json").body("{}")
                .when().post("/APIServer/Session.Update").then().statusCode(401);
        String after = scrape();

        String transfer = "sessiongate_requests_seconds_count{api=\"rescue\",code=\"NOTLOGGEDINASADMIN\","
                + "method=\"transfersession\"}";
        assertThat(value(after, transfer) - value(before, transfer)).isEqualTo(3);
        assertThat(value(after, "sessiongate_requests_seconds_count{api=\"rescue\",code=\"ERROR\",method=\"unknown\"}"))
                .as("a made-up method is counted as unknown, never as its own label").isGreaterThanOrEqualTo(1);
        assertThat(after).doesNotContain("nosuchmethod");
        assertThat(value(after, "sessiongate_requests_seconds_count{api=\"apiserver\",code=\"401\","
                + "method=\"session.update\"}")).isGreaterThanOrEqualTo(1);
        // the latency histogram, with its fixed buckets
        assertThat(after).contains("sessiongate_requests_seconds_bucket{api=\"rescue\",code=\"NOTLOGGEDINASADMIN\","
                + "method=\"transfersession\",le=\"0.005\"}");
        assertThat(after).contains("le=\"10.0\"").contains("le=\"+Inf\"");
    }

    @Test
    void poolRetriesAndTheJvmAreReported() {
        String text = scrape();
        assertThat(text).contains("hikaricp_connections_active{pool=\"sessiongate\"}")
                .contains("hikaricp_connections_pending{pool=\"sessiongate\"}")
                .contains("hikaricp_connections_acquire_seconds_count{pool=\"sessiongate\"}")
                .contains("hikaricp_connections_timeout_total{pool=\"sessiongate\"}");
        for (String cause : new String[] {"conflict", "connection", "node_not_ready", "key_clash"}) {
            assertThat(text).contains("sessiongate_transaction_retries_total{cause=\"" + cause + "\"}");
        }
        assertThat(text).contains("jvm_memory_used_bytes{").contains("jvm_gc_pause_seconds")
                .contains("jvm_threads_live_threads").contains("process_uptime_seconds");
    }

    @Test
    void thePoolIsOpenedWholeAtStartAndKeptOpen() throws InterruptedException {
        String text = scrape();
        double max = value(text, "hikaricp_connections_max{pool=\"sessiongate\"}");
        assertThat(max).as("the configured pool size").isGreaterThan(2);
        assertThat(value(text, "hikaricp_connections_min{pool=\"sessiongate\"}"))
                .as("the pool keeps its whole size open, not a floor of 2 grown on demand").isEqualTo(max);
        // HikariCP opens the connections on its own thread after start: give it a few seconds, no request needed.
        double open = value(text, "hikaricp_connections{pool=\"sessiongate\"}");
        for (int i = 0; i < 100 && open < max; i++) {
            Thread.sleep(100);
            open = value(scrape(), "hikaricp_connections{pool=\"sessiongate\"}");
        }
        assertThat(open).as("connections open, idle ones included").isEqualTo(max);
    }

    @Test
    void livenessIsTheProcessAndReadinessIsAMigratedDatabase() throws Exception {
        given().baseUri(base()).when().get("/health/live")
                .then().statusCode(200).contentType("application/json").body("status", equalTo("UP"));
        given().baseUri(base()).when().get("/health/ready")
                .then().statusCode(200).body("status", equalTo("UP")).body("database", equalTo("UP"))
                .body("schema", equalTo(latestApplied())).body("expectedSchema", equalTo(latestApplied()));
        // /health keeps its shape
        given().baseUri(base()).when().get("/health").then().statusCode(200).body("status", equalTo("UP"));

        // a newer schema applied by a newer build: this process is not ready for it
        try (Connection c = TestServer.get().core().database().dataSource().getConnection();
             Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
                    + "checksum, installed_by, execution_time, success) VALUES (9999, '9999', 'probe test', 'SQL', "
                    + "'V9999__probe_test.sql', 0, 'test', 0, 1)");
            c.commit();
            try {
                given().baseUri(base()).when().get("/health/ready")
                        .then().statusCode(503).body("status", equalTo("DOWN")).body("database", equalTo("UP"))
                        .body("schema", equalTo("9999"));
                given().baseUri(base()).when().get("/health/live").then().statusCode(200);
            } finally {
                s.executeUpdate("DELETE FROM flyway_schema_history WHERE installed_rank = 9999");
                c.commit();
            }
        }
        given().baseUri(base()).when().get("/health/ready").then().statusCode(200);
    }

    @Test
    void rescueCodesAreReadFromTheReplyAndBounded() {
        assertThat(RequestMetrics.rescueCode("OK\nAUTHCODE:abc", 200)).isEqualTo("OK");
        assertThat(RequestMetrics.rescueCode("INVALIDPARAM_NODE", 200)).isEqualTo("INVALIDPARAM_NODE");
        assertThat(RequestMetrics.rescueCode("<soap:Envelope><soap:Body><transferSessionResponse>"
                + "<transferSessionResult>transferSessionRet_OK</transferSessionResult>", 200))
                .isEqualTo("transferSessionRet_OK");
        assertThat(RequestMetrics.rescueCode("<soap:Envelope><soap:Fault>", 500)).isEqualTo("FAULT");
        assertThat(RequestMetrics.rescueCode("not a code, <b>html</b>", 200)).isEqualTo("200");
        assertThat(RequestMetrics.classify("/API/transferSession.aspx")).containsExactly("rescue", "transfersession");
        assertThat(RequestMetrics.classify("/api/API.asmx")).containsExactly("rescue_soap", "soap");
        assertThat(RequestMetrics.classify("/APIServer/Session.GetSessionData"))
                .containsExactly("apiserver", "session.getsessiondata");
        assertThat(RequestMetrics.classify("/whatever/x")).containsExactly("other", "unknown");
    }

    private static double value(String scrape, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /** The newest migration Flyway applied to the test database: this build's schema. */
    private static String latestApplied() throws java.sql.SQLException {
        try (Connection c = TestServer.get().core().database().dataSource().getConnection();
             Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT version FROM flyway_schema_history WHERE success "
                     + "AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
            rs.next();
            String version = rs.getString(1);
            c.rollback();
            return version;
        }
    }
}
