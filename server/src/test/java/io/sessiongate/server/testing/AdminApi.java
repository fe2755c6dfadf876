package io.sessiongate.server.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.filter.Filter;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.sessiongate.core.account.AccountService;
import io.sessiongate.core.account.Node;
import io.sessiongate.core.account.NodeKind;
import io.sessiongate.core.account.Role;
import io.sessiongate.core.account.RoleKind;
import io.sessiongate.core.testing.TestAccounts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Calls the JSON API ({@code /api/v1}) of the test server the way its users do, every exchange checked
 * against the OpenAPI document the server serves: {@link #validated()} checks the request and the
 * reply (for requests a client following the document sends), {@link #repliesOnly()} the reply alone
 * (for requests that break the document on purpose: no credentials, a malformed body).
 */
public final class AdminApi {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static OpenApiValidationFilter validated;
    private static OpenApiValidationFilter repliesOnly;
    private static String document;

    private AdminApi() {
    }

    /** The document as served ({@code GET /api/v1/openapi.json}). */
    public static synchronized String document() {
        if (document == null) {
            try {
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        TestServer.get().baseUri().resolve("api/v1/openapi.json")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(200);
                document = r.body();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return document;
    }

    public static synchronized Filter validated() {
        if (validated == null) {
            validated = new OpenApiValidationFilter(OpenApiInteractionValidator.createForInlineApiSpecification(
                    document()).build());
        }
        return validated;
    }

    public static synchronized Filter repliesOnly() {
        if (repliesOnly == null) {
            repliesOnly = new OpenApiValidationFilter(OpenApiInteractionValidator.createForInlineApiSpecification(
                    document()).withLevelResolver(LevelResolver.create()
                    .withLevel("validation.request", ValidationReport.Level.IGNORE).build()).build());
        }
        return repliesOnly;
    }

    /** A request to the test server, checked against the document both ways. */
    public static RequestSpecification api() {
        return given().baseUri(TestServer.get().baseUri().toString()).filter(validated()).redirects().follow(false);
    }

    /** A request that breaks the document on purpose: only its reply is checked. */
    public static RequestSpecification raw() {
        return given().baseUri(TestServer.get().baseUri().toString()).filter(repliesOnly()).redirects().follow(false);
    }

    public static RequestSpecification as(String bearer) {
        return api().header("Authorization", "Bearer " + bearer);
    }

    public static RequestSpecification operator() {
        return as(TestServer.OPERATOR_TOKEN);
    }

    /**
     * With a login cookie (sent as the Cookie header, which is where the validator looks for the
     * cookie credential).
     */
    public static RequestSpecification cookie(String cookie) {
        return api().header("Cookie", RescueCalls.COOKIE + "=" + cookie);
    }

    /** With a login cookie and its CSRF token (read from GET /api/v1/session, as the admin page does). */
    public static RequestSpecification withCookie(String cookie) {
        String csrf = cookie(cookie).get("/api/v1/session").then().statusCode(200).extract().path("csrfToken");
        return cookie(cookie).header("X-CSRF-Token", csrf);
    }

    /** An account the API made, with the directory its tests need made through the core's fixtures. */
    public record ApiAccount(String siteKey, long accountId, String token, String masterEmail, String masterPassword,
                             long masterUserId, long masterNodeId, long techGroupId, long onlineTechNodeId,
                             long onlineTechUserId, String onlineTechEmail, long offlineTechNodeId, long channelId,
                             long otherGroupId, long otherChannelId, long otherTechNodeId, String folderAdminEmail,
                             long folderAdminUserId) {
    }

    public static final String MASTER_PASSWORD = "master-password-1";

    /** A new account through POST /api/v1/accounts, then technicians, channels and a folder administrator. */
    public static ApiAccount account() {
        String site = "api" + ProcessHandle.current().pid() + "x" + SEQ.incrementAndGet() + "x"
                + Long.toHexString(System.nanoTime() & 0xfffff);
        String email = "owner@" + site + ".example";
        Response created = operator().contentType("application/json").body(Map.of("siteKey", site, "name",
                "Site " + site, "masterAdministrator", Map.of("email", email, "name", "Owner", "password",
                        MASTER_PASSWORD))).post("/api/v1/accounts");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        JsonPath body = created.jsonPath();
        TestServer server = TestServer.get();
        AccountService accounts = server.accounts().accounts();
        long a = accounts.findBySiteKey(site).orElseThrow().getId();
        Node group = accounts.createNode(null, a, NodeKind.TECHNICIAN_GROUP, null, "Team");
        Node online = accounts.createNode(null, a, NodeKind.TECHNICIAN, group.getId(), "Tom Tech");
        Node offline = accounts.createNode(null, a, NodeKind.TECHNICIAN, group.getId(), "Olga Offline");
        Node channel = accounts.createNode(null, a, NodeKind.CHANNEL, null, "Front desk");
        accounts.assignChannel(channel.getId(), Set.of(group.getId()));
        Node otherGroup = accounts.createNode(null, a, NodeKind.TECHNICIAN_GROUP, null, "Other team");
        Node otherTech = accounts.createNode(null, a, NodeKind.TECHNICIAN, otherGroup.getId(), "Otto Other");
        Node otherChannel = accounts.createNode(null, a, NodeKind.CHANNEL, null, "Back office");
        accounts.assignChannel(otherChannel.getId(), Set.of(otherGroup.getId()));
        long techRole = role(a, "Technician");
        String onlineEmail = "tom@" + site + ".example";
        long onlineUser = accounts.createUser(a, onlineEmail, "Tom Tech", TestAccounts.TECH_PASSWORD, null,
                online.getId(), Set.of(techRole)).getId();
        accounts.createUser(a, "olga@" + site + ".example", "Olga Offline", TestAccounts.TECH_PASSWORD, null,
                offline.getId(), Set.of(techRole));
        accounts.createUser(a, "otto@" + site + ".example", "Otto Other", TestAccounts.TECH_PASSWORD, null,
                otherTech.getId(), Set.of(techRole));
        long folders = accounts.createFolderList(a, "Team only", Set.of(group.getId())).getId();
        Role teamAdmin = accounts.createRole(a, "Team administrator", RoleKind.ADMINISTRATOR, 25, folders, false);
        Node adminNode = accounts.createNode(null, a, NodeKind.ADMINISTRATOR, null, "Ada Admin");
        String adminEmail = "ada@" + site + ".example";
        long adminUser = accounts.createUser(a, adminEmail, "Ada Admin", TestAccounts.ADMIN_PASSWORD,
                adminNode.getId(), null, Set.of(teamAdmin.getId())).getId();
        server.accounts().online(online.getId());
        server.accounts().online(otherTech.getId());
        return new ApiAccount(site, a, body.getString("apiToken.token"), email, MASTER_PASSWORD,
                body.getLong("masterUserId"), body.getLong("masterAdministratorNodeId"), group.getId(), online.getId(),
                onlineUser, onlineEmail, offline.getId(), channel.getId(), otherGroup.getId(), otherChannel.getId(),
                otherTech.getId(), adminEmail, adminUser);
    }

    private static long role(long accountId, String name) {
        return TestServer.get().core().database().inTransaction(s -> s.createSelectionQuery(
                        "from Role where accountId = :a and name = :n", Role.class)
                .setParameter("a", accountId).setParameter("n", name).getSingleResult().getId());
    }

    /** The problem's type, asserting the reply is a problem of {@code status}. */
    public static String problem(Response r, int status) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.jsonPath().getInt("status")).isEqualTo(status);
        String type = r.jsonPath().getString("type");
        return type.substring(type.lastIndexOf('/') + 1);
    }

    /** The actions of the account's events about {@code objectType}, oldest first (what the database holds). */
    public static java.util.List<String> eventActions(long accountId, String objectType) {
        return TestServer.get().core().database().inTransaction(s -> s.createNativeQuery("SELECT action FROM event"
                        + " WHERE account_id = :a AND object_type = :t ORDER BY id", String.class)
                .setParameter("a", accountId).setParameter("t", objectType).getResultList());
    }

    /** A {@code SELECT COUNT(*)} with {@code :name} parameters given as name, value pairs. */
    public static long count(String sql, Object... params) {
        return TestServer.get().core().database().inTransaction(s -> {
            var q = s.createNativeQuery(sql, Long.class);
            for (int i = 0; i < params.length; i += 2) {
                q.setParameter((String) params[i], params[i + 1]);
            }
            return q.getSingleResult();
        });
    }

    /** The base URI of the test server, for plain HTTP clients. */
    public static URI base() {
        return TestServer.get().baseUri();
    }
}
