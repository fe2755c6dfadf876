package io.sessiongate.server.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.sessiongate.api.rescue.TransferSessionResult;
import io.sessiongate.core.rescue.TransferRequest;
import io.sessiongate.core.testing.TestAccounts;
import io.sessiongate.core.testing.TestAccounts.TestAccount;
import io.sessiongate.core.websession.Credentials;
import io.sessiongate.server.testing.AdminApi;
import io.sessiongate.server.testing.RescueCalls;
import io.sessiongate.server.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The technician console's session list and start, over HTTP against MariaDB. */
class ConsoleSessionsTest {

    private final TestServer server = TestServer.get();
    private final TestAccount account = server.accounts().create(3);
    private final TestAccount other = server.accounts().create(1);

    private Response list(String cookie) {
        return spec(cookie).get("/api/v1/console/sessions");
    }

    /** Checked against the OpenAPI document: the request too when it has credentials, as the document wants. */
    private static io.restassured.specification.RequestSpecification spec(String cookie) {
        return cookie == null ? AdminApi.raw() : AdminApi.cookie(cookie);
    }

    private Response start(String cookie, Object id) {
        return spec(cookie).post("/api/v1/console/sessions/" + id + "/start");
    }

    /** A problem of the JSON API's kind {@code type}, with {@code code} (null: none). */
    private static void problem(Response r, int status, String type, String code) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.jsonPath().getString("type")).isEqualTo("tag:sessiongate.io,2026:problems/" + type);
        assertThat(r.jsonPath().getString("code")).isEqualTo(code);
    }

    private List<String> events(long session) {
        return server.core().database().inTransaction(s -> s.createNativeQuery("SELECT action FROM event"
                + " WHERE object_type = 'SUPPORT_SESSION' AND object_id = :id ORDER BY id", String.class)
                .setParameter("id", session).getResultList());
    }

    @Test
    void aTechnicianSeesTheirChannelsQueueAndPicksSessionsUp() {
        String tech = RescueCalls.login(account.onlineTechEmail(), TestAccounts.TECH_PASSWORD);
        long s1 = account.sessionIds().get(0);
        long s2 = account.sessionIds().get(1);
        long s3 = account.sessionIds().get(2);
        JsonPath listed = list(tech).then().statusCode(200).contentType("application/json").extract().jsonPath();
        assertThat(listed.getList("sessions.id", Long.class)).containsExactly(s1, s2, s3);
        assertThat(listed.getString("sessions[0].status")).isEqualTo("WAITING");
        assertThat(listed.getString("sessions[0].statusText")).isEqualTo("Waiting");
        assertThat(listed.getString("sessions[0].customerName")).isEqualTo("Customer " + s1);
        assertThat(listed.getLong("sessions[0].channelId")).isEqualTo(account.channelId());

        // A transfer to this technician, then the console starts it.
        Credentials admin = Credentials.authCode(RescueCalls.authCode(account.adminEmail(), TestAccounts.ADMIN_PASSWORD));
        assertThat(server.core().transfers().transfer(admin, new TransferRequest(Long.toString(s1),
                Long.toString(account.onlineTechNodeId()), null, "yours"))).isEqualTo(TransferSessionResult.OK);
        assertThat(list(tech).jsonPath().getString("sessions[0].status")).isEqualTo("TRANSFERRING");
        Response started = start(tech, s1);
        assertThat(started.statusCode()).as(started.asString()).isEqualTo(200);
        assertThat(started.jsonPath().getString("status")).isEqualTo("ACTIVE");
        problem(start(tech, s1), 409, "conflict", "NOT_STARTABLE");
        assertThat(events(s1)).containsExactly("TRANSFERRED", "STARTED");

        // A session transferred to the other technician is not this one's to start.
        assertThat(server.core().transfers().transfer(admin, new TransferRequest(Long.toString(s2),
                Long.toString(account.onlineTechNodeId()), null, null))).isEqualTo(TransferSessionResult.OK);
        String offline = RescueCalls.login(account.offlineTechEmail(), TestAccounts.TECH_PASSWORD);
        problem(start(offline, s2), 404, "not-found", null);
        assertThat(list(offline).jsonPath().getList("sessions.id", Long.class)).containsExactly(s3);
        assertThat(start(offline, s3).statusCode()).isEqualTo(200); // waiting in a channel of their group
        assertThat(list(tech).jsonPath().getList("sessions.id", Long.class)).containsExactly(s1, s2);
    }

    @Test
    void refusalsAreProblemDetails() {
        String tech = RescueCalls.login(account.onlineTechEmail(), TestAccounts.TECH_PASSWORD);
        problem(list(null), 401, "not-authenticated", null);
        problem(start(null, account.sessionIds().get(0)), 401, "not-authenticated", null);
        String admin = RescueCalls.login(account.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        problem(list(admin), 403, "forbidden", "NOT_A_TECHNICIAN");
        problem(start(admin, account.sessionIds().get(0)), 403, "forbidden", "NOT_A_TECHNICIAN");
        problem(start(tech, other.sessionIds().get(0)), 404, "not-found", null);
        problem(start(tech, "12x"), 404, "not-found", null);
        problem(start(tech, "99999999999999999999999"), 404, "not-found", null);
        assertThat(list(tech).jsonPath().getList("sessions.id", Long.class)).doesNotContain(other.sessionIds().get(0));
        assertThat(events(other.sessionIds().get(0))).isEmpty();
    }
}
