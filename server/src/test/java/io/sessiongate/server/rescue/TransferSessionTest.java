package io.sessiongate.server.rescue;

import static io.sessiongate.server.testing.RescueCalls.both;
import static io.sessiongate.server.testing.RescueCalls.get;
import static io.sessiongate.server.testing.RescueCalls.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessiongate.core.account.NodeKind;
import io.sessiongate.core.account.UserStatus;
import io.sessiongate.core.demo.DemoData;
import io.sessiongate.core.testing.TestAccounts;
import io.sessiongate.core.testing.TestAccounts.TestAccount;
import io.sessiongate.server.RequestLogFilter;
import io.sessiongate.server.testing.RescueCalls;
import io.sessiongate.server.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/** transferSession.aspx: its seven return codes, in the documented order of checks, and what a transfer writes. */
class TransferSessionTest {

    private final TestServer server = TestServer.get();
    private final TestAccount account = server.accounts().create(3);
    private final String admin = RescueCalls.login(account.adminEmail(), TestAccounts.ADMIN_PASSWORD);

    private String transfer(String cookie, Object... params) {
        return both("transferSession.aspx", cookie, params);
    }

    @Test
    void transferToAnOnlineTechnicianIsOkAndMovesTheSession() {
        Long session = account.sessionIds().get(0);
        String body = get("transferSession.aspx", admin, "session", session, "node", account.onlineTechNodeId(),
                "noderef", "NODE", "comment", "over to you").asString();
        assertThat(body).isEqualTo("OK");
        Object[] row = sessionRow(session);
        assertThat(row).containsExactly("TRANSFERRING", account.onlineTechNodeId(), account.channelId(),
                "Online Tech", "over to you");
        Object[] transfer = server.core().database().inTransaction(s -> s.createNativeQuery(
                        "SELECT from_node_id, to_node_id, node_ref, comment, by_user_id FROM transfer "
                                + "WHERE session_id = :s", Object[].class)
                .setParameter("s", session).getSingleResult());
        assertThat(transfer).containsExactly(account.channelId(), account.onlineTechNodeId(), "NODE", "over to you",
                account.adminUserId());
        assertThat(events(session)).containsExactly("TRANSFERRED");
    }

    @Test
    void transferIntoAChannelQueuesTheSessionAsWaiting() {
        Long session = account.sessionIds().get(1);
        assertThat(post("transferSession.aspx", admin, "session", session, "node", account.onlineTechNodeId())
                .asString()).isEqualTo("OK"); // noderef defaults to NODE
        assertThat(post("transferSession.aspx", admin, "session", session, "node", account.channelId(), "noderef",
                "channel").asString()).isEqualTo("OK");
        assertThat(sessionRow(session)).containsExactly("WAITING", null, account.channelId(), "Channel", null);
        assertThat(events(session)).containsExactly("TRANSFERRED", "TRANSFERRED");
    }

    @Test
    void aTransferCostsSixStatementsWithTheCookieAndFiveWithAnAuthCodeInFourRoundTripsEither() {
        var byCookie = get("transferSession.aspx", admin, "session", account.sessionIds().get(0), "node",
                account.onlineTechNodeId()).then().extract();
        String code = RescueCalls.authCode(account.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        var byAuthCode = get("transferSession.aspx", null, "session", account.sessionIds().get(0), "node",
                account.channelId(), "noderef", "CHANNEL", "authcode", code).then().extract();
        assertThat(byCookie.body().asString()).isEqualTo("OK");
        assertThat(byAuthCode.body().asString()).isEqualTo("OK");
        assertThat(Integer.parseInt(byCookie.header(RequestLogFilter.STATEMENTS_HEADER))).isLessThanOrEqualTo(6);
        assertThat(Integer.parseInt(byAuthCode.header(RequestLogFilter.STATEMENTS_HEADER))).isLessThanOrEqualTo(5);
        assertThat(Integer.parseInt(byCookie.header(RequestLogFilter.ROUND_TRIPS_HEADER))).isLessThanOrEqualTo(4);
        assertThat(Integer.parseInt(byAuthCode.header(RequestLogFilter.ROUND_TRIPS_HEADER))).isLessThanOrEqualTo(4);
    }

    @Test
    void anInvalidAuthCodeIsReportedBeforeAnythingElse() {
        assertThat(transfer(null, "authcode", "0000notacode", "session", "x", "node", "y"))
                .isEqualTo("INVALID_SECRETAUTHCODE");
        assertThat(transfer(admin, "authcode", "a".repeat(80))).isEqualTo("INVALID_SECRETAUTHCODE");
    }

    @Test
    void withoutTheLoginOfAnAdministratorItIsNotLoggedInAsAdmin() {
        Long session = account.sessionIds().get(0);
        assertThat(transfer(null, "session", session, "node", account.onlineTechNodeId()))
                .isEqualTo("NOTLOGGEDINASADMIN");
        assertThat(transfer("bogus", "session", session, "node", account.onlineTechNodeId()))
                .isEqualTo("NOTLOGGEDINASADMIN");
        String technician = RescueCalls.login(account.onlineTechEmail(), TestAccounts.TECH_PASSWORD);
        assertThat(transfer(technician, "session", session, "node", account.onlineTechNodeId()))
                .isEqualTo("NOTLOGGEDINASADMIN");
        String techCode = RescueCalls.authCode(account.onlineTechEmail(), TestAccounts.TECH_PASSWORD);
        assertThat(transfer(null, "session", session, "node", account.onlineTechNodeId(), "authcode", techCode))
                .isEqualTo("NOTLOGGEDINASADMIN");
    }

    @Test
    void aDisabledOrDeletedAdministratorIsUserDeletedOrDisabled() {
        String code = RescueCalls.authCode(account.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        Long session = account.sessionIds().get(0);
        server.accounts().accounts().setUserStatus(account.adminUserId(), UserStatus.DISABLED);
        assertThat(transfer(admin, "session", session, "node", account.onlineTechNodeId()))
                .isEqualTo("USER_DELETED_OR_DISABLED");
        assertThat(transfer(null, "session", session, "node", account.onlineTechNodeId(), "authcode", code))
                .isEqualTo("USER_DELETED_OR_DISABLED");
        server.accounts().accounts().setUserStatus(account.adminUserId(), UserStatus.DELETED);
        assertThat(transfer(admin, "session", session, "node", "not-even-a-number"))
                .isEqualTo("USER_DELETED_OR_DISABLED");
        assertThat(sessionRow(session)[0]).isEqualTo("WAITING");
    }

    @Test
    void theDocumentedAndScopedNodeErrorsAreInvalidParamNode() {
        Long session = account.sessionIds().get(0);
        // the three documented cases
        assertThat(transfer(admin, "session", session, "node", account.onlineTechNodeId(), "noderef", "CHANNEL"))
                .isEqualTo("INVALIDPARAM_NODE");
        assertThat(transfer(admin, "session", session, "node", account.channelId(), "noderef", "NODE"))
                .isEqualTo("INVALIDPARAM_NODE");
        assertThat(transfer(admin, "session", session, "node", DemoData.OTHER_TECH_NODE))
                .isEqualTo("INVALIDPARAM_NODE");
        assertThat(transfer(admin, "session", session, "node", DemoData.OTHER_CHANNEL, "noderef", "CHANNEL"))
                .isEqualTo("INVALIDPARAM_NODE");
        // an administrator node, a group, a node that does not exist, a bad value, a bad noderef
        assertThat(transfer(admin, "session", session, "node", account.adminNodeId())).isEqualTo("INVALIDPARAM_NODE");
        assertThat(transfer(admin, "session", session, "node", account.techGroupId())).isEqualTo("INVALIDPARAM_NODE");
        assertThat(transfer(admin, "session", session, "node", 987654321)).isEqualTo("INVALIDPARAM_NODE");
        assertThat(transfer(admin, "session", session, "node", "12ab")).isEqualTo("INVALIDPARAM_NODE");
        assertThat(transfer(admin, "session", session, "node", "-5")).isEqualTo("INVALIDPARAM_NODE");
        assertThat(transfer(admin, "session", session)).isEqualTo("INVALIDPARAM_NODE");
        assertThat(transfer(admin, "session", session, "node", account.onlineTechNodeId(), "noderef", "GROUP"))
                .isEqualTo("INVALIDPARAM_NODE");
        // a technician of this account but outside the administrator's folder list
        Long elsewhere = outsideTheFolderList();
        assertThat(transfer(admin, "session", session, "node", elsewhere)).isEqualTo("INVALIDPARAM_NODE");
        assertThat(sessionRow(session)[0]).isEqualTo("WAITING");
    }

    @Test
    void aSessionThatIsMissingUnknownOrNotYoursIsError() {
        Long tech = account.onlineTechNodeId();
        assertThat(transfer(admin, "node", tech)).isEqualTo("ERROR");
        assertThat(transfer(admin, "session", "abc", "node", tech)).isEqualTo("ERROR");
        assertThat(transfer(admin, "session", "99999999999", "node", tech)).isEqualTo("ERROR");
        assertThat(transfer(admin, "session", DemoData.OTHER_SESSION, "node", tech)).isEqualTo("ERROR");
        assertThat(transfer(admin, "session", DemoData.DEMO_SESSIONS.get(0), "node", tech)).isEqualTo("ERROR");
        assertThat(transfer(admin, "session", account.sessionIds().get(0), "node", tech, "comment", "x".repeat(1001)))
                .isEqualTo("ERROR");
        assertThat(sessionRow(DemoData.OTHER_SESSION)[0]).isEqualTo("ACTIVE");
    }

    @Test
    void anOfflineOrDisabledTechnicianOrAClosedSessionIsActionFailed() {
        Long session = account.sessionIds().get(0);
        assertThat(transfer(admin, "session", session, "node", account.offlineTechNodeId())).isEqualTo("ACTIONFAILED");
        server.accounts().online(account.offlineTechNodeId());
        server.accounts().accounts().setUserStatus(account.offlineTechUserId(), UserStatus.DISABLED);
        assertThat(transfer(admin, "session", session, "node", account.offlineTechNodeId())).isEqualTo("ACTIONFAILED");
        server.core().database().doInTransaction(s -> s.createNativeMutationQuery(
                "UPDATE support_session SET status = 'CLOSED_BY_TECHNICIAN' WHERE id = :id").setParameter("id", session)
                .executeUpdate());
        assertThat(transfer(admin, "session", session, "node", account.onlineTechNodeId())).isEqualTo("ACTIONFAILED");
        assertThat(transfer(admin, "session", session, "node", account.channelId(), "noderef", "CHANNEL"))
                .isEqualTo("ACTIONFAILED");
        assertThat(events(session)).isEmpty();
    }

    @Test
    void aTechnicianWhoseConsoleStoppedBeatingGoesOfflineAfterNinetySeconds() {
        Long session = account.sessionIds().get(2);
        try {
            server.clock().advance(java.time.Duration.ofSeconds(91));
            String fresh = RescueCalls.login(account.adminEmail(), TestAccounts.ADMIN_PASSWORD);
            assertThat(transfer(fresh, "session", session, "node", account.onlineTechNodeId()))
                    .isEqualTo("ACTIONFAILED");
        } finally {
            server.clock().reset();
        }
    }

    @Test
    void twoAdministratorsTransferringOneSessionAtOnceBothGetAnAnswerAndTheHistoryShowsWhatHappened()
            throws Exception {
        Long session = account.sessionIds().get(0);
        String second = RescueCalls.login(account.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        for (int round = 0; round < 10; round++) {
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<String> toTech = CompletableFuture.supplyAsync(() -> {
                await(start);
                return get("transferSession.aspx", admin, "session", session, "node", account.onlineTechNodeId())
                        .asString();
            });
            CompletableFuture<String> toChannel = CompletableFuture.supplyAsync(() -> {
                await(start);
                return get("transferSession.aspx", second, "session", session, "node", account.channelId(),
                        "noderef", "CHANNEL").asString();
            });
            assertThat(List.of(toTech.get(), toChannel.get())).containsOnly("OK");
        }
        List<Object[]> history = server.core().database().inTransaction(s -> s.createNativeQuery(
                        "SELECT to_node_id, node_ref FROM transfer WHERE session_id = :s ORDER BY id", Object[].class)
                .setParameter("s", session).getResultList());
        assertThat(history).hasSize(20);
        assertThat(events(session)).hasSize(20);
        Object[] last = history.get(history.size() - 1);
        Object[] state = sessionRow(session);
        if ("NODE".equals(last[1])) {
            assertThat(state[0]).isEqualTo("TRANSFERRING");
            assertThat(state[1]).isEqualTo(account.onlineTechNodeId());
        } else {
            assertThat(state[0]).isEqualTo("WAITING");
            assertThat(state[1]).isNull();
        }
        long version = server.core().database().inTransaction(s -> s.createNativeQuery(
                "SELECT version FROM support_session WHERE id = :s", Long.class).setParameter("s", session)
                .getSingleResult());
        assertThat(version).isEqualTo(20);
    }

    @Test
    void theSpecsOwnGetAndPostSamplesWorkWithTheDemoIds() {
        String demoAdmin = RescueCalls.login(DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD);
        server.accounts().online(DemoData.ALICE_NODE);
        // GET: transferSession.aspx?session=...&node=...&noderef=NODE&comment=transfer session&authcode=...
        String code = RescueCalls.authCode(DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD);
        assertThat(io.restassured.RestAssured.given().baseUri(server.baseUri().toString()).urlEncodingEnabled(false)
                .get("/API/transferSession.aspx?session=5003&node=2001&noderef=NODE&comment=transfer%20session"
                        + "&authcode=" + code).asString()).isEqualTo("OK");
        // POST: the form of the spec, same fields
        assertThat(post("transferSession.aspx", demoAdmin, "session", "5003", "node", "2001", "noderef", "NODE",
                "comment", "transfer session").asString()).isEqualTo("OK");
        assertThat(post("transferSession.aspx", demoAdmin, "session", "5003", "node", "2002").asString())
                .isEqualTo("ACTIONFAILED");
        assertThat(post("transferSession.aspx", demoAdmin, "session", "5003", "node", "3001", "noderef", "NODE")
                .asString()).isEqualTo("INVALIDPARAM_NODE");
        // put it back where the demo keeps it
        assertThat(post("transferSession.aspx", demoAdmin, "session", "5003", "node", "3001", "noderef", "CHANNEL")
                .asString()).isEqualTo("OK");
    }

    @Test
    void methodAndParameterNamesAreCaseInsensitive() {
        Long session = account.sessionIds().get(0);
        assertThat(io.restassured.RestAssured.given().baseUri(server.baseUri().toString())
                .cookie(RescueCalls.COOKIE, admin)
                .queryParam("Session", session).queryParam("NODE", account.channelId()).queryParam("NodeRef", "Channel")
                .get("/api/TRANSFERSESSION.ASPX").asString()).isEqualTo("OK");
    }

    private Long outsideTheFolderList() {
        var group = server.accounts().accounts().createNode(null, account.accountId(), NodeKind.TECHNICIAN_GROUP,
                null, "Elsewhere");
        var tech = server.accounts().accounts().createNode(null, account.accountId(), NodeKind.TECHNICIAN,
                group.getId(), "Far Tech");
        server.accounts().accounts().createUser(account.accountId(), "far@" + account.siteKey() + ".example", "Far",
                "far-password", null, tech.getId(), Set.of(account.techRoleId()));
        server.accounts().online(tech.getId());
        return tech.getId();
    }

    private Object[] sessionRow(Long id) {
        Object[] r = server.core().database().inTransaction(s -> s.createNativeQuery(
                        "SELECT status, technician_node_id, channel_node_id, transferred_to, transferred_comment "
                                + "FROM support_session WHERE id = :id", Object[].class)
                .setParameter("id", id).getSingleResult());
        for (int i = 1; i <= 2; i++) {
            r[i] = r[i] == null ? null : ((Number) r[i]).longValue();
        }
        return r;
    }

    private List<String> events(Long session) {
        return new ArrayList<>(server.core().database().inTransaction(s -> s.createNativeQuery(
                        "SELECT action FROM event WHERE object_type = 'SUPPORT_SESSION' AND object_id = :s ORDER BY id",
                        String.class)
                .setParameter("s", session).getResultList()));
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
