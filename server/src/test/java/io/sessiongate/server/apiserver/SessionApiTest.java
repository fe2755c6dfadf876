package io.sessiongate.server.apiserver;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.sessiongate.core.demo.DemoData;
import io.sessiongate.core.testing.TestAccounts;
import io.sessiongate.core.testing.TestAccounts.TestAccount;
import io.sessiongate.server.RequestLogFilter;
import io.sessiongate.server.testing.RescueCalls;
import io.sessiongate.server.testing.TestServer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Session.Update, Session.UpdateValidation and Session.GetSessionData over the web sessions login creates. */
class SessionApiTest {

    private final TestServer server = TestServer.get();
    private final TestAccount account = server.accounts().create(1);
    private final String admin = RescueCalls.login(account.adminEmail(), TestAccounts.ADMIN_PASSWORD);

    private RequestSpecification as(String cookie) {
        var spec = given().baseUri(server.baseUri().toString());
        return cookie == null ? spec : spec.cookie(RescueCalls.COOKIE, cookie);
    }

    private Response update(String cookie, Map<String, ?> body) {
        return as(cookie).contentType("application/json").body(body).post("/APIServer/Session.Update");
    }

    private long surrogateOf(String cookie) {
        return as(cookie).get("/APIServer/Session.GetSessionData").then().statusCode(200).extract()
                .jsonPath().getLong("SessionSurrogate");
    }

    @Test
    void getSessionDataWithoutASurrogateDescribesTheCallersOwnLoginSession() {
        as(admin).get("/APIServer/Session.GetSessionData").then().statusCode(200)
                .body("SessionSiteKey", equalTo(account.siteKey()))
                .body("SessionUserSurrogate", equalTo(account.adminUserId().intValue()))
                .body("IpAddress", equalTo("127.0.0.1"))
                .body("SessionStatus", equalTo("A"))
                .body("Roles[0].RoleSurrogate", equalTo(account.adminRoleId().intValue()))
                .body("FolderList.FolderListID", equalTo(account.folderListId().intValue()))
                .body("FolderList.Groups", equalTo(List.of(account.techGroupId().intValue())))
                .body("SessionTimeout", equalTo(20));
    }

    @Test
    void endingTheLoginSessionWithUpdateMakesTheNextTransferNotLoggedInAsAdmin() {
        long surrogate = surrogateOf(admin);
        Response r = update(admin, Map.of("SessionSurrogate", surrogate, "SessionSiteKey", account.siteKey(),
                "SessionStatus", "E"));
        r.then().statusCode(200).body("ReturnedStatus", equalTo("*Successful")).body("NumberOfErrors", equalTo(0));
        assertThat(Integer.parseInt(r.header(RequestLogFilter.STATEMENTS_HEADER))).isLessThanOrEqualTo(5);
        assertThat(RescueCalls.get("transferSession.aspx", admin, "session", account.sessionIds().get(0), "node",
                account.onlineTechNodeId()).asString()).isEqualTo("NOTLOGGEDINASADMIN");
        as(admin).get("/APIServer/Session.GetSessionData").then().statusCode(401);
        String other = RescueCalls.login(account.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        as(other).get("/APIServer/Session.GetSessionData?SessionSurrogate=" + surrogate).then().statusCode(200)
                .body("SessionStatus", equalTo("E"));
        List<Object[]> events = server.core().database().inTransaction(s -> s.createNativeQuery(
                        "SELECT before_state, after_state, by_user_id FROM event WHERE object_type = 'WEB_SESSION' "
                                + "AND object_id = :id AND action = 'UPDATED'", Object[].class)
                .setParameter("id", surrogate).getResultList());
        assertThat(events).hasSize(1);
        assertThat((String) events.get(0)[0]).contains("\"status\":\"A\"");
        assertThat((String) events.get(0)[1]).contains("\"status\":\"E\"");
    }

    @Test
    void fourWrongFieldsGiveFourErrorsInOneReply() {
        update(admin, Map.of("SessionSurrogate", "abc", "SessionSiteKey", "no-such-site", "IpAddress", "999.1.1.1",
                "SessionStatus", "X")).then().statusCode(422)
                .body("ReturnedStatus", equalTo("*Error"))
                .body("NumberOfErrors", equalTo(4))
                .body("ErrorArray.Code", equalTo(List.of("SESSION_SURROGATE_INVALID", "SITE_NOT_FOUND",
                        "IP_ADDRESS_INVALID", "STATUS_INVALID")))
                .body("ErrorArray.Field", equalTo(List.of("SessionSurrogate", "SessionSiteKey", "IpAddress",
                        "SessionStatus")));
    }

    @Test
    void everyRuleHasItsCode() {
        long own = surrogateOf(admin);
        String site = account.siteKey();
        assertThat(codes(Map.of())).containsExactly("SESSION_SURROGATE_MISSING", "SITE_KEY_MISSING", "STATUS_MISSING");
        assertThat(codes(Map.of("SessionSurrogate", 999999999, "SessionSiteKey", site, "SessionStatus", "A")))
                .containsExactly("SESSION_NOT_FOUND");
        assertThat(codes(Map.of("SessionSurrogate", own, "SessionSiteKey", site, "SessionStatus", "A",
                "SessionUserSurrogate", "x", "RefreshRolesAndFolderList", "maybe")))
                .containsExactly("USER_SURROGATE_INVALID", "REFRESH_INVALID");
        assertThat(codes(Map.of("SessionSurrogate", own, "SessionSiteKey", site, "SessionStatus", "A",
                "SessionUserSurrogate", 999999999))).containsExactly("USER_NOT_FOUND");
        assertThat(codes(Map.of("SessionSurrogate", own, "SessionSiteKey", site, "SessionStatus", "A",
                "SessionUserSurrogate", account.onlineTechUserId()))).containsExactly("USER_CANNOT_CHANGE");
        assertThat(codes(Map.of("SessionSurrogate", own, "SessionSiteKey", site, "SessionStatus", "Active",
                "SessionUserSurrogate", account.adminUserId(), "IpAddress", "2001:db8::1"))).isEmpty();
        long ended = endedSession();
        assertThat(codes(Map.of("SessionSurrogate", ended, "SessionSiteKey", site, "SessionStatus", "A")))
                .containsExactly("SESSION_NOT_ACTIVE");
    }

    @Test
    void anotherSitesKeySessionOrUserReadsAsOneThatDoesNotExist() {
        long own = surrogateOf(admin);
        long foreign = surrogateOf(RescueCalls.login(DemoData.OTHER_ADMIN_EMAIL, DemoData.OTHER_ADMIN_PASSWORD));
        Long foreignUser = server.core().accounts().findBySiteKey(DemoData.OTHER_SITE).map(a ->
                server.core().accounts().findUser(a.getId(), DemoData.OTHER_TECH_EMAIL).orElseThrow().getId())
                .orElseThrow();
        assertThat(codes(Map.of("SessionSurrogate", own, "SessionSiteKey", DemoData.OTHER_SITE, "SessionStatus", "A")))
                .containsExactly("SITE_NOT_FOUND");
        assertThat(codes(Map.of("SessionSurrogate", foreign, "SessionSiteKey", account.siteKey(),
                "SessionStatus", "E"))).containsExactly("SESSION_NOT_FOUND");
        assertThat(codes(Map.of("SessionSurrogate", own, "SessionSiteKey", account.siteKey(), "SessionStatus", "A",
                "SessionUserSurrogate", foreignUser))).containsExactly("USER_NOT_FOUND");
        as(admin).get("/APIServer/Session.GetSessionData?SessionSurrogate=" + foreign).then().statusCode(404)
                .body("ErrorArray[0].Code", equalTo("SESSION_NOT_FOUND"));
    }

    @Test
    void updateValidationWritesNothing() {
        long own = surrogateOf(admin);
        Object[] before = row(own);
        long eventsBefore = eventCount(own);
        as(admin).contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("SessionSurrogate", own, "SessionSiteKey", account.siteKey(), "SessionStatus", "E",
                        "IpAddress", "10.0.0.9"))
                .post("/APIServer/Session.UpdateValidation").then().statusCode(200)
                .body("ReturnedStatus", equalTo("*Successful"));
        Object[] after = row(own);
        assertThat(after[0]).isEqualTo(before[0]);
        assertThat(after[1]).isEqualTo(before[1]);
        assertThat(after[2]).isEqualTo(before[2]);
        assertThat(eventCount(own)).isEqualTo(eventsBefore);
    }

    @Test
    void refreshAssignsTheUsersRolesAndFolderListToAnAnonymousSession() {
        long anonymous = anonymousSession();
        Long otherList = server.accounts().accounts().createFolderList(account.accountId(), "Both groups",
                Set.of(account.techGroupId(), account.adminGroupId())).getId();
        server.accounts().accounts().setUserFolderList(account.onlineTechUserId(), otherList);
        update(admin, Map.of("SessionSurrogate", anonymous, "SessionSiteKey", account.siteKey(), "SessionStatus", "A",
                "SessionUserSurrogate", account.onlineTechUserId(), "IpAddress", "192.0.2.7",
                "RefreshRolesAndFolderList", "Y")).then().statusCode(200);
        as(admin).get("/APIServer/Session.GetSessionData?SessionSurrogate=" + anonymous).then().statusCode(200)
                .body("SessionUserSurrogate", equalTo(account.onlineTechUserId().intValue()))
                .body("IpAddress", equalTo("192.0.2.7"))
                .body("Roles.RoleSurrogate", equalTo(List.of(account.techRoleId().intValue())))
                .body("FolderList.FolderListID", equalTo(otherList.intValue()));
    }

    @Test
    void aUserWithNoFolderListFoundIsAnErrorAndNothingIsWritten() {
        long anonymous = anonymousSession();
        Long roleless = server.accounts().accounts().createUser(account.accountId(), "roleless@" + account.siteKey()
                + ".example", "Roleless", "pw-roleless", null, null, Set.of()).getId();
        Object[] before = row(anonymous);
        update(admin, Map.of("SessionSurrogate", anonymous, "SessionSiteKey", account.siteKey(), "SessionStatus", "A",
                "SessionUserSurrogate", roleless, "RefreshRolesAndFolderList", "Y")).then().statusCode(422)
                .body("ErrorArray.Code", equalTo(List.of("NO_FOLDER_LIST_FOUND")));
        assertThat(row(anonymous)[2]).isEqualTo(before[2]);
        assertThat(row(anonymous)[3]).isNull();
    }

    @Test
    void onlyAnAdministratorWithValidCredentialsMayUpdate() {
        Map<String, Object> body = Map.of("SessionSurrogate", surrogateOf(admin), "SessionSiteKey", account.siteKey(),
                "SessionStatus", "A");
        update(null, body).then().statusCode(401).body("ErrorArray[0].Code", equalTo("NOT_AUTHENTICATED"));
        String tech = RescueCalls.login(account.onlineTechEmail(), TestAccounts.TECH_PASSWORD);
        update(tech, body).then().statusCode(401);
        String code = RescueCalls.authCode(account.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        as(null).header("Authorization", "Bearer " + code).contentType("application/json").body(body)
                .post("/APIServer/Session.Update").then().statusCode(200);
        as(null).contentType("application/json").body(body).post("/APIServer/Session.Update?authcode=" + code)
                .then().statusCode(200);
        as(null).contentType("application/json").body(body).post("/APIServer/Session.Update?authcode=wrong")
                .then().statusCode(401);
    }

    @Test
    void anUnreadableBodyIs400WithTheErrorArray() {
        as(admin).contentType("application/json").body("{\"SessionSurrogate\":").post("/APIServer/Session.Update")
                .then().statusCode(400).contentType("application/json")
                .body("ErrorArray[0].Code", equalTo("BODY_UNREADABLE"));
        as(admin).contentType("application/json").body("[1,2]").post("/APIServer/Session.Update")
                .then().statusCode(400).body("ErrorArray[0].Code", equalTo("BODY_UNREADABLE"));
        as(admin).contentType("application/json").body("{\"SessionSurrogate\":{\"a\":1}}")
                .post("/APIServer/Session.Update").then().statusCode(400);
        as(admin).contentType("text/csv").body("a,b").post("/APIServer/Session.UpdateValidation")
                .then().statusCode(400).body("ErrorArray[0].Code", equalTo("BODY_UNREADABLE"));
        as(admin).get("/APIServer/Session.Update").then().statusCode(405).contentType("application/json")
                .body("ReturnedStatus", equalTo("*Error"));
        as(admin).get("/APIServer/Session.GetSessionData?SessionSurrogate=x").then().statusCode(422)
                .body("ErrorArray[0].Code", equalTo("SESSION_SURROGATE_INVALID"));
    }

    private List<String> codes(Map<String, ?> body) {
        Response r = as(admin).contentType("application/json").body(body).post("/APIServer/Session.UpdateValidation");
        return r.statusCode() == 200 ? List.of() : r.then().statusCode(422).extract().jsonPath()
                .getList("ErrorArray.Code", String.class);
    }

    private long endedSession() {
        String cookie = RescueCalls.login(account.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        long id = surrogateOf(cookie);
        assertThat(RescueCalls.get("logout.aspx", cookie).asString()).isEqualTo("OK");
        return id;
    }

    private long anonymousSession() {
        return server.core().database().inTransaction(s -> {
            return new io.sessiongate.core.websession.WebSessionRepository().insert(
                    io.sessiongate.core.persistence.Tx.of(s), account.accountId(),
                    io.sessiongate.core.websession.SecureTokens.hash(
                            io.sessiongate.core.websession.SecureTokens.random(48)), null, server.clock().instant(),
                    io.sessiongate.core.websession.WebSessionRepository.Snapshot.ANONYMOUS);
        });
    }

    private Object[] row(long id) {
        return server.core().database().inTransaction(s -> s.createNativeQuery(
                        "SELECT status, ip_address, version, user_id FROM web_session WHERE id = :id", Object[].class)
                .setParameter("id", id).getSingleResult());
    }

    private long eventCount(long id) {
        return server.core().database().inTransaction(s -> s.createNativeQuery(
                        "SELECT COUNT(*) FROM event WHERE object_type = 'WEB_SESSION' AND object_id = :id", Long.class)
                .setParameter("id", id).getSingleResult());
    }
}
