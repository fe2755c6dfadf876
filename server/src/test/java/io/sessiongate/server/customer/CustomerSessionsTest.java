package io.sessiongate.server.customer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.sessiongate.api.rescue.RescueReply;
import io.sessiongate.core.account.NodeKind;
import io.sessiongate.core.demo.DemoData;
import io.sessiongate.core.rescue.PinAttempts;
import io.sessiongate.core.testing.TestAccounts;
import io.sessiongate.core.testing.TestAccounts.TestAccount;
import io.sessiongate.core.websession.SecureTokens;
import io.sessiongate.server.testing.RescueCalls;
import io.sessiongate.server.testing.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The customer's side over HTTP against MariaDB: join by PIN and by channel, the token, leave, the
 * wrong-PIN limit, cross-site and malformed requests, and the customer watching a transfer, its
 * cancelAction and the console's start. Every request here comes from 127.0.0.1: a test that spends
 * wrong PINs moves the clock past the limit's window when it is done.
 */
class CustomerSessionsTest {

    private static final String SESSIONS = "/api/v1/customer/sessions";

    private final TestServer server = TestServer.get();
    private final TestAccount account = server.accounts().create(0);

    /** Every reply is checked against the served OpenAPI document; requests here break it on purpose too. */
    private RequestSpecification http() {
        return io.sessiongate.server.testing.AdminApi.raw();
    }

    private Response join(String json) {
        return http().contentType(ContentType.JSON).body(json).post(SESSIONS);
    }

    private Response current(String token) {
        return http().header("Authorization", "Bearer " + token).get(SESSIONS + "/current");
    }

    private Response leave(String token) {
        return http().header("Authorization", "Bearer " + token).post(SESSIONS + "/current/leave");
    }

    /** A PIN code for {@code technicianEmail}'s own queue, as requestPINCode.aspx answers it. */
    private String pin(String technicianEmail) {
        server.clock().advance(Duration.ofSeconds(1)); // past the previous PIN's poll-rate second
        String cookie = RescueCalls.login(technicianEmail, TestAccounts.TECH_PASSWORD);
        String reply = RescueCalls.get("requestPINCode.aspx", cookie, "cfield0", "Ann", "notechconsole", "1")
                .then().statusCode(200).extract().asString();
        assertThat(reply).startsWith("OK\nPINCODE:");
        return reply.substring("OK\nPINCODE:".length());
    }

    /** A problem of the kind {@code type} (its slug), and with {@code code} when it names one. */
    private static void problem(Response r, int status, String type, String code) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.jsonPath().getString("type")).isEqualTo("tag:sessiongate.io,2026:problems/" + type);
        assertThat(r.jsonPath().getInt("status")).isEqualTo(status);
        assertThat(r.jsonPath().getString("code")).isEqualTo(code);
    }

    private List<String> events(long session) {
        return server.core().database().inTransaction(s -> s.createNativeQuery("SELECT action FROM event"
                + " WHERE object_type = 'SUPPORT_SESSION' AND object_id = :id ORDER BY id", String.class)
                .setParameter("id", session).getResultList());
    }

    private String row(long session) {
        return server.core().database().inTransaction(s -> s.createNativeQuery("SELECT CONCAT_WS(' ', status,"
                + " IFNULL(technician_node_id, '-'), IFNULL(channel_node_id, '-'), IFNULL(pin_code, '-'),"
                + " IFNULL(customer_token_hash, '-')) FROM support_session WHERE id = :id", String.class)
                .setParameter("id", session).getSingleResult());
    }

    private long sessionsOfAccount() {
        return server.core().database().inTransaction(s -> s.createNativeQuery("SELECT COUNT(*) FROM support_session"
                + " WHERE account_id = :a", Long.class).setParameter("a", account.accountId()).getSingleResult());
    }

    /** A PIN no live session has. */
    private String wrongPin() {
        while (true) {
            String candidate = String.format("%06d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000));
            long live = server.core().database().inTransaction(s -> s.createNativeQuery("SELECT COUNT(*)"
                    + " FROM support_session WHERE pin_code = :p", Long.class).setParameter("p", candidate)
                    .getSingleResult());
            if (live == 0) {
                return candidate;
            }
        }
    }

    @Test
    void aCustomerEntersAPinAndWaitsInTheTechniciansQueueWithATokenForThatSession() {
        String code = pin(account.onlineTechEmail());
        Response joined = join("{\"pinCode\":\"" + code + "\",\"name\":\"Ann Smith\"}");
        assertThat(joined.statusCode()).as(joined.asString()).isEqualTo(201);
        assertThat(joined.contentType()).startsWith("application/json");
        assertThat(joined.header("Location")).endsWith(SESSIONS + "/current");
        assertThat(joined.header("Cache-Control")).isEqualTo("no-store");
        long id = joined.jsonPath().getLong("id");
        String token = joined.jsonPath().getString("token");
        assertThat(token).matches("[a-z0-9]{48}");
        assertThat(joined.jsonPath().getMap("")).containsOnlyKeys("id", "status", "statusText", "token")
                .containsEntry("status", "WAITING").containsEntry("statusText", "Waiting");
        assertThat(row(id)).isEqualTo("WAITING " + account.onlineTechNodeId() + " - - " + SecureTokens.hash(token));
        assertThat(events(id)).containsExactly("PIN_ISSUED", "JOINED");

        // Waiting in the technician's queue, as getSession_v3 shows it.
        String admin = RescueCalls.login(account.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        String table = RescueCalls.get("getSession_v3.aspx", admin, "node", account.onlineTechNodeId()).asString();
        assertThat(RescueReply.dataOf(table)).contains("\n" + id + "|Waiting|||" + account.onlineTechNodeId()
                + "|Online Tech|");

        Response seen = current(token);
        assertThat(seen.statusCode()).isEqualTo(200);
        assertThat(seen.header("Cache-Control")).isEqualTo("no-store");
        Map<String, Object> body = seen.jsonPath().getMap("");
        assertThat(body).containsEntry("status", "WAITING").containsEntry("statusText", "Waiting")
                .containsEntry("technicianName", null).containsKey("waitingSeconds");
        assertThat(seen.jsonPath().getLong("id")).isEqualTo(id);
        assertThat(seen.jsonPath().getLong("waitingSeconds")).isBetween(0L, 5L);
        problem(join("{\"pinCode\":\"" + code + "\"}"), 404, "not-found", "WRONG_PIN"); // used
    }

    @Test
    void aCustomerEntersAChannelAndANewSessionWaitsInItsQueue() {
        Response joined = join("{\"channelId\":" + account.channelId() + ",\"name\":\"Cid\","
                + "\"customFields\":[null,\"order 7\"],\"language\":\"de\"}");
        assertThat(joined.statusCode()).as(joined.asString()).isEqualTo(201);
        long id = joined.jsonPath().getLong("id");
        assertThat(id).as("from support_session_seq").isGreaterThanOrEqualTo(100_000L);
        assertThat(row(id)).startsWith("WAITING - " + account.channelId() + " - ");
        String admin = RescueCalls.login(account.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        assertThat(RescueReply.dataOf(RescueCalls.get("getSession_v3.aspx", admin, "node", account.channelId(),
                "noderef", "CHANNEL").asString())).contains("\n" + id + "|Waiting|" + account.channelId()
                + "|Channel|||").contains("|Cid|order 7|||||de|");
        String tech = RescueCalls.login(account.offlineTechEmail(), TestAccounts.TECH_PASSWORD);
        assertThat(http().cookie(RescueCalls.COOKIE, tech).get("/api/v1/console/sessions").jsonPath()
                .getList("sessions.id", Long.class)).containsExactly(id);

        Long unserved = server.accounts().accounts().createNode(null, account.accountId(), NodeKind.CHANNEL, null,
                "Nobody's").getId();
        for (Object nowhere : new Object[] {unserved, account.onlineTechNodeId(), account.techGroupId(), 999_999_999L}) {
            problem(join("{\"channelId\":" + nowhere + ",\"name\":\"Dan\"}"), 404, "not-found", "NO_SUCH_CHANNEL");
        }
        assertThat(sessionsOfAccount()).isEqualTo(1);
    }

    @Test
    void aWrongAnExpiredAndAUsedPinGetTheSameAnswer() {
        String used = pin(account.onlineTechEmail());
        assertThat(join("{\"pinCode\":\"" + used + "\"}").statusCode()).isEqualTo(201);
        String expired = pin(account.onlineTechEmail());
        server.clock().advance(Duration.ofMinutes(20)); // its validity, the sweeper not run (it is not the join's)
        List<Response> answers = List.of(join("{\"pinCode\":\"" + wrongPin() + "\"}"),
                join("{\"pinCode\":\"" + expired + "\"}"), join("{\"pinCode\":\"" + used + "\"}"));
        for (Response r : answers) {
            problem(r, 404, "not-found", "WRONG_PIN");
            assertThat(r.asString()).isEqualTo(answers.get(0).asString());
            assertThat(r.headers().asList().stream().map(h -> h.getName()).sorted().toList())
                    .isEqualTo(answers.get(0).headers().asList().stream().map(h -> h.getName()).sorted().toList());
        }
        Response malformed = join("{\"pinCode\":\"12345\"}");
        problem(malformed, 422, "validation-failed", null);
        assertThat(malformed.jsonPath().getList("errors")).isEqualTo(List.of(Map.of("field", "pinCode",
                "code", "PIN_FORMAT", "message", "a PIN code is six digits")));
        server.clock().advance(PinAttempts.WINDOW); // forget this address's failures
    }

    @Test
    void tenWrongPinsFromOneAddressAreAllItGetsUntilTheWindowEnds() {
        server.clock().advance(PinAttempts.WINDOW); // whatever this address did before is forgotten
        String right = pin(account.onlineTechEmail());
        for (int i = 0; i < PinAttempts.ADDRESS_FAILURES; i++) {
            problem(join("{\"pinCode\":\"" + wrongPin() + "\"}"), 404, "not-found", "WRONG_PIN");
        }
        Response refused = join("{\"pinCode\":\"" + right + "\"}");
        problem(refused, 429, "too-many-requests", "TOO_MANY_WRONG_PINS");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, PinAttempts.WINDOW.toSeconds());
        int failures = server.core().database().inTransaction(s -> s.createNativeQuery("SELECT failures"
                + " FROM pin_attempt WHERE attempt_key = 'from:127.0.0.1'", Integer.class).getSingleResult());
        assertThat(failures).as("the refused try was not counted").isEqualTo(PinAttempts.ADDRESS_FAILURES);
        server.clock().advance(PinAttempts.WINDOW);
        assertThat(join("{\"pinCode\":\"" + right + "\"}").statusCode()).as("the window passed").isEqualTo(201);
    }

    @Test
    void leavingWhileWaitingClosesItByTheWaitingCustomerAndOnceActiveByTheCustomer() {
        Response waiting = join("{\"channelId\":" + account.channelId() + ",\"name\":\"Fay\"}");
        String token = waiting.jsonPath().getString("token");
        long id = waiting.jsonPath().getLong("id");
        Response left = leave(token);
        assertThat(left.statusCode()).as(left.asString()).isEqualTo(200);
        assertThat(left.jsonPath().getString("status")).isEqualTo("CLOSED_BY_WAITING_CUSTOMER");
        assertThat(left.jsonPath().getString("statusText")).isEqualTo("Closed by waiting customer");
        problem(leave(token), 409, "conflict", "SESSION_OVER");
        assertThat(current(token).jsonPath().getString("status")).isEqualTo("CLOSED_BY_WAITING_CUSTOMER");
        assertThat(events(id)).containsExactly("JOINED", "LEFT");

        Response byPin = join("{\"pinCode\":\"" + pin(account.onlineTechEmail()) + "\"}");
        String activeToken = byPin.jsonPath().getString("token");
        long active = byPin.jsonPath().getLong("id");
        server.accounts().online(account.onlineTechNodeId());
        String tech = RescueCalls.login(account.onlineTechEmail(), TestAccounts.TECH_PASSWORD);
        assertThat(http().cookie(RescueCalls.COOKIE, tech).post("/api/v1/console/sessions/" + active + "/start")
                .statusCode()).isEqualTo(200);
        Response seen = current(activeToken);
        assertThat(seen.jsonPath().getString("status")).isEqualTo("ACTIVE");
        assertThat(seen.jsonPath().getString("technicianName")).isEqualTo("Online Tech");
        assertThat(seen.jsonPath().getString("waitingSeconds")).isNull();
        assertThat(leave(activeToken).jsonPath().getString("status")).isEqualTo("CLOSED_BY_CUSTOMER");
        assertThat(events(active)).containsExactly("PIN_ISSUED", "JOINED", "STARTED", "LEFT");
        String admin = RescueCalls.login(account.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        assertThat(RescueReply.dataOf(RescueCalls.get("getSession_v3.aspx", admin, "node",
                account.onlineTechNodeId()).asString())).contains("\n" + active + "|Closed by customer|");
    }

    @Test
    void aCustomerTokenOpensItsOwnSessionAndNothingElse() {
        TestAccount other = server.accounts().create(0);
        String mine = join("{\"pinCode\":\"" + pin(account.onlineTechEmail()) + "\"}").jsonPath().getString("token");
        // PINs are global: another account's PIN joins that account's session, in that account's queue.
        Response theirs = join("{\"pinCode\":\"" + pin(other.onlineTechEmail()) + "\"}");
        long theirId = theirs.jsonPath().getLong("id");
        assertThat(row(theirId)).startsWith("WAITING " + other.onlineTechNodeId() + " ");
        assertThat(current(mine).jsonPath().getLong("id")).isNotEqualTo(theirId);
        String admin = RescueCalls.login(account.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        assertThat(RescueCalls.get("startSession.aspx", admin, "session", theirId, "node", account.onlineTechNodeId())
                .asString()).as("this account's administrator").isEqualTo("ERROR");
        assertThat(RescueCalls.get("closeSession.aspx", admin, "session", theirId).asString()).isEqualTo("ERROR");

        // Nothing but a customer token opens the customer's endpoints.
        String authCode = RescueCalls.authCode(account.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        for (String wrong : new String[] {authCode, "", "x", SecureTokens.random(48), mine.toUpperCase()}) {
            Response r = current(wrong);
            problem(r, 401, "not-authenticated", null);
            assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer");
            problem(leave(wrong), 401, "not-authenticated", null);
        }
        problem(http().get(SESSIONS + "/current"), 401, "not-authenticated", null);
        problem(http().cookie(RescueCalls.COOKIE, RescueCalls.login(account.adminEmail(), TestAccounts.ADMIN_PASSWORD))
                .post(SESSIONS + "/current/leave"), 401, "not-authenticated", null);
        assertThat(row(theirId)).startsWith("WAITING ");
        assertThat(events(theirId)).containsExactly("PIN_ISSUED", "JOINED");
    }

    @Test
    void theCustomerSeesATransferItsCancelActionAndTheTargetStartingItFromTheConsole() {
        Response joined = join("{\"pinCode\":\"" + pin(account.onlineTechEmail()) + "\",\"name\":\"Gus\"}");
        String token = joined.jsonPath().getString("token");
        long id = joined.jsonPath().getLong("id");
        server.accounts().online(account.onlineTechNodeId());
        String admin = RescueCalls.login(account.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        assertThat(RescueCalls.get("transferSession.aspx", admin, "session", id, "node", account.channelId(),
                "noderef", "CHANNEL").asString()).isEqualTo("OK");
        assertThat(current(token).jsonPath().getString("status")).isEqualTo("WAITING");
        assertThat(RescueCalls.get("transferSession.aspx", admin, "session", id, "node", account.onlineTechNodeId())
                .asString()).isEqualTo("OK");
        assertThat(current(token).jsonPath().getString("statusText")).isEqualTo("Transferring");
        assertThat(RescueCalls.get("cancelAction.aspx", admin, "session", id).asString()).isEqualTo("OK");
        assertThat(row(id)).startsWith("WAITING - " + account.channelId() + " ");
        assertThat(current(token).jsonPath().getString("status")).isEqualTo("WAITING");
        assertThat(RescueCalls.get("transferSession.aspx", admin, "session", id, "node", account.onlineTechNodeId())
                .asString()).isEqualTo("OK");
        String tech = RescueCalls.login(account.onlineTechEmail(), TestAccounts.TECH_PASSWORD);
        Response started = http().cookie(RescueCalls.COOKIE, tech).post("/api/v1/console/sessions/" + id + "/start");
        assertThat(started.statusCode()).as(started.asString()).isEqualTo(200);
        Response seen = current(token);
        assertThat(seen.jsonPath().getString("status")).isEqualTo("ACTIVE");
        assertThat(seen.jsonPath().getString("technicianName")).isEqualTo("Online Tech");
        assertThat(events(id)).containsExactly("PIN_ISSUED", "JOINED", "TRANSFERRED", "TRANSFERRED",
                "ACTION_CANCELLED", "TRANSFERRED", "STARTED");
    }

    @Test
    void crossSiteAndNonJsonJoinsAreRefusedAndBrokenOnesNamed() {
        String body = "{\"channelId\":" + account.channelId() + ",\"name\":\"Hal\"}";
        problem(http().contentType(ContentType.JSON).header("Origin", "https://evil.example").body(body).post(SESSIONS),
                403, "forbidden", "CROSS_SITE_REFUSED");
        problem(http().contentType(ContentType.JSON).header("Sec-Fetch-Site", "cross-site").body(body).post(SESSIONS),
                403, "forbidden", "CROSS_SITE_REFUSED");
        problem(http().contentType("text/plain").body(body).post(SESSIONS), 415, "unsupported-media-type", null);
        problem(http().contentType(ContentType.URLENC).formParam("channelId", account.channelId())
                .formParam("name", "Hal").post(SESSIONS), 415, "unsupported-media-type", null);
        problem(join("{\"channelId\":"), 400, "malformed-request", "NOT_JSON");
        problem(join("{\"channelId\":1,\"name\":\"Hal\",\"admin\":true}"), 400, "malformed-request", "UNKNOWN_FIELD");
        problem(join("{\"channelId\":\"three\"}"), 400, "malformed-request", "WRONG_TYPE");
        Response none = join("{}");
        problem(none, 422, "validation-failed", null);
        assertThat(none.jsonPath().getString("errors[0].code")).isEqualTo("PIN_OR_CHANNEL");
        Response broken = join("{\"channelId\":" + account.channelId() + ",\"customFields\":[\"x\"],\"language\":\"??\"}");
        problem(broken, 422, "validation-failed", null);
        assertThat(broken.jsonPath().getList("errors.field")).containsExactly("name", "customFields[0]", "language");
        assertThat(sessionsOfAccount()).as("nothing written").isZero();

        // The server's own origin (the customer join page) is welcome; a read from anywhere is harmless.
        String own = server.baseUri().toString().replaceAll("/$", "");
        Response fromOwnPage = http().contentType(ContentType.JSON).header("Origin", own)
                .header("Sec-Fetch-Site", "same-origin").body(body).post(SESSIONS);
        assertThat(fromOwnPage.statusCode()).as(fromOwnPage.asString()).isEqualTo(201);
        String token = fromOwnPage.jsonPath().getString("token");
        assertThat(http().header("Authorization", "Bearer " + token).header("Origin", "https://evil.example")
                .get(SESSIONS + "/current").statusCode()).isEqualTo(200);
        problem(http().header("Authorization", "Bearer " + token).header("Origin", "https://evil.example")
                .post(SESSIONS + "/current/leave"), 403, "forbidden", "CROSS_SITE_REFUSED");
        assertThat(current(token).jsonPath().getString("status")).isEqualTo("WAITING");
    }

    @Test
    void theDemoAccountShowsWaitingActiveAndOnHoldInGetSession() {
        String admin = RescueCalls.login(DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD);
        String alice = RescueReply.dataOf(RescueCalls.get("getSession_v3.aspx", admin, "node", DemoData.ALICE_NODE)
                .asString());
        assertThat(alice).contains("\n5005|Active|3001|Support|2001|Alice|").contains("\n5006|On Hold|3001|Support|2001|");
        String queue = RescueReply.dataOf(RescueCalls.get("getSession_v3.aspx", admin, "node", DemoData.GROUP_CHANNEL,
                "noderef", "CHANNEL").asString());
        assertThat(queue).contains("\n5004|Waiting|3002|Second Line|||");
    }
}
