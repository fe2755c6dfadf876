package io.sessiongate.server.rescue;

import static io.sessiongate.server.testing.RescueTransports.call;
import static io.sessiongate.server.testing.RescueTransports.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessiongate.api.rescue.CancelActionResult;
import io.sessiongate.api.rescue.CloseSessionResult;
import io.sessiongate.api.rescue.HoldSessionResult;
import io.sessiongate.api.rescue.RequestPinCodeResult;
import io.sessiongate.api.rescue.StartSessionResult;
import io.sessiongate.api.rescue.TransferSessionResult;
import io.sessiongate.core.account.UserStatus;
import io.sessiongate.core.rescue.TransferRequest;
import io.sessiongate.core.testing.TestAccounts;
import io.sessiongate.core.testing.TestAccounts.TestAccount;
import io.sessiongate.core.websession.Credentials;
import io.sessiongate.server.testing.RescueCalls;
import io.sessiongate.server.testing.RescueTransports.P;
import io.sessiongate.server.testing.RescueTransports.Reply;
import io.sessiongate.server.testing.RescueTransports.Transport;
import io.sessiongate.server.testing.TestServer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * requestPINCode(_v3), startSession, holdSession, closeSession and cancelAction over the four ways a
 * caller reaches them: {@code .aspx} by GET and by POST, SOAP 1.1 and 1.2 with raw envelopes. Each
 * transport runs the same story on a fresh account and must meet every code the method can answer
 * (OUTOFPINCODES, which needs a million live PINs, is met in core's PinCodeServiceTest).
 */
class SessionLifecycleMethodsTest {

    private final TestServer server = TestServer.get();

    private static P authCode(String code) {
        return new P("authcode", "sAuthCode", code);
    }

    private static P session(Object id) {
        return new P("session", "iSession", id);
    }

    private static P[] pinParams(String cfield0, String noTechConsole, Object nodeId, String code) {
        List<P> ps = new ArrayList<>();
        if (nodeId != null) {
            ps.add(new P("nodeid", "nodeId", nodeId));
        }
        ps.add(new P("cfield0", "sCField0", cfield0));
        ps.add(new P("tracking0", "sTracking0", "TRK"));
        ps.add(new P("notechconsole", "bNoTechConsole", noTechConsole));
        ps.add(authCode(code));
        return ps.toArray(P[]::new);
    }

    private Reply pin(Transport t, RequestPinCodeResult code, String cookie, P... params) {
        return expect(t, code, "requestPINCode", "requestPINCode", cookie, params);
    }

    private Reply pinV3(Transport t, RequestPinCodeResult code, String cookie, P... params) {
        return expect(t, code, "requestPINCode_v3", "requestPINCodeV3", cookie, params);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void requestPinCodeAnswersEveryCode(Transport t) {
        TestAccount a = server.accounts().create(0);
        TestAccount other = server.accounts().create(0);
        String tech = RescueCalls.login(a.onlineTechEmail(), TestAccounts.TECH_PASSWORD);
        String offline = RescueCalls.login(a.offlineTechEmail(), TestAccounts.TECH_PASSWORD);
        String admin = RescueCalls.login(a.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        Set<RequestPinCodeResult> seen = EnumSet.noneOf(RequestPinCodeResult.class);
        seen.add(RequestPinCodeResult.OUT_OF_PIN_CODES); // met in PinCodeServiceTest
        pin(t, RequestPinCodeResult.NOT_LOGGED_IN, null, pinParams("Ann", null, null, null));
        pin(t, RequestPinCodeResult.INVALID_SECRET_AUTH_CODE, null, pinParams("Ann", null, null, "x".repeat(80)));
        pin(t, RequestPinCodeResult.NOT_TECHNICIAN, admin, pinParams("Ann", null, null, null));
        pin(t, RequestPinCodeResult.NO_TECH_CONSOLE_RUNNING, offline, pinParams("Ann", "0", null, null));
        pin(t, RequestPinCodeResult.ERROR, offline, pinParams("x".repeat(65), "1", null, null));
        Reply ok = pin(t, RequestPinCodeResult.OK, tech, pinParams("Ann", null, null, null));
        String pinCode = t.soap() ? String.format("%06d", Integer.parseInt(ok.soapValue("iPINCode")))
                : ok.body().substring("OK\nPINCODE:".length());
        assertThat(pinCode).matches("[0-9]{6}");
        if (!t.soap()) {
            assertThat(ok.body()).matches("OK\nPINCODE:[0-9]{6}");
        }
        String status = server.core().database().inTransaction(s -> s.createNativeQuery("SELECT CONCAT_WS(' ',"
                + " status, technician_node_id, custom_field0, tracking0) FROM support_session WHERE pin_code = :p",
                String.class).setParameter("p", pinCode).getSingleResult());
        assertThat(status).isEqualTo("PIN_ISSUED " + a.onlineTechNodeId() + " Ann TRK");
        pin(t, RequestPinCodeResult.POLL_RATE_EXCEEDED, tech, pinParams("Ann", null, null, null));
        pinV3(t, RequestPinCodeResult.NOT_TECHNICIAN, admin, pinParams(null, null, other.onlineTechNodeId(), null));
        Reply v3 = pinV3(t, RequestPinCodeResult.OK, admin, pinParams(null, null, a.onlineTechNodeId(), null));
        assertThat(t.soap() ? v3.soapValue("sPINCode") : v3.body()).matches("(OK\nPINCODE:)?[0-9]{6}");
        server.accounts().accounts().setUserStatus(a.offlineTechUserId(), UserStatus.DISABLED);
        pin(t, RequestPinCodeResult.USER_DELETED_OR_DISABLED, offline, pinParams(null, "1", null, null));
        seen.addAll(EnumSet.of(RequestPinCodeResult.NOT_LOGGED_IN, RequestPinCodeResult.INVALID_SECRET_AUTH_CODE,
                RequestPinCodeResult.NOT_TECHNICIAN, RequestPinCodeResult.NO_TECH_CONSOLE_RUNNING,
                RequestPinCodeResult.ERROR, RequestPinCodeResult.OK, RequestPinCodeResult.POLL_RATE_EXCEEDED,
                RequestPinCodeResult.USER_DELETED_OR_DISABLED));
        assertThat(seen).isEqualTo(EnumSet.allOf(RequestPinCodeResult.class));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void startHoldCloseAndCancelActionAnswerEveryCode(Transport t) {
        TestAccount a = server.accounts().create(2);
        TestAccount other = server.accounts().create(1);
        String admin = RescueCalls.login(a.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        String code = RescueCalls.authCode(a.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        String tech = RescueCalls.login(a.onlineTechEmail(), TestAccounts.TECH_PASSWORD);
        long s1 = a.sessionIds().get(0);
        long s2 = a.sessionIds().get(1);
        long foreign = other.sessionIds().get(0);
        Object invalid = t.soap() ? -5 : "5x";
        P onlineNode = new P("node", "iNode", a.onlineTechNodeId());

        // startSession
        String start = "startSession";
        expect(t, StartSessionResult.NOT_LOGGED_IN_AS_ADMIN, start, start, null, session(s1), onlineNode);
        expect(t, StartSessionResult.NOT_LOGGED_IN_AS_ADMIN, start, start, tech, session(s1), onlineNode);
        expect(t, StartSessionResult.INVALID_SECRET_AUTH_CODE, start, start, null, session(s1), onlineNode,
                authCode("x".repeat(80)));
        expect(t, StartSessionResult.INVALID_PARAM_SESSION, start, start, admin, session(invalid), onlineNode);
        expect(t, StartSessionResult.INVALID_PARAM_NODE, start, start, admin, session(s1),
                new P("node", "iNode", a.channelId()));
        expect(t, StartSessionResult.INVALID_PARAM_NODE, start, start, admin, session(s1),
                new P("node", "iNode", other.onlineTechNodeId()));
        expect(t, StartSessionResult.ERROR, start, start, admin, session(foreign), onlineNode);
        expect(t, StartSessionResult.ACTION_FAILED, start, start, admin, session(s1),
                new P("node", "iNode", a.offlineTechNodeId()));
        expect(t, StartSessionResult.OK, start, start, null, session(s1), onlineNode, authCode(code));
        expect(t, StartSessionResult.ACTION_FAILED, start, start, admin, session(s1), onlineNode);
        assertThat(RescueCalls.get("getSession_v3.aspx", admin, "node", a.onlineTechNodeId()).asString())
                .contains("\n" + s1 + "|Active|");

        // holdSession
        String hold = "holdSession";
        expect(t, HoldSessionResult.NOT_LOGGED_IN_AS_ADMIN, hold, hold, null, session(s1));
        expect(t, HoldSessionResult.INVALID_SECRET_AUTH_CODE, hold, hold, null, session(s1), authCode("nope"));
        expect(t, HoldSessionResult.INVALID_PARAM_SESSION, hold, hold, admin, session(invalid));
        expect(t, HoldSessionResult.ERROR, hold, hold, admin, session(foreign));
        expect(t, HoldSessionResult.ACTION_FAILED, hold, hold, admin, session(s2));
        expect(t, HoldSessionResult.OK, hold, hold, admin, session(s1));
        expect(t, HoldSessionResult.ACTION_FAILED, hold, hold, admin, session(s1));
        assertThat(RescueCalls.get("getSession_v3.aspx", admin, "node", a.onlineTechNodeId()).asString())
                .contains("\n" + s1 + "|On Hold|");

        // cancelAction
        String cancel = "cancelAction";
        expect(t, CancelActionResult.NOT_LOGGED_IN_AS_ADMIN, cancel, cancel, tech, session(s2));
        expect(t, CancelActionResult.INVALID_SECRET_AUTH_CODE, cancel, cancel, null, session(s2), authCode("x"));
        expect(t, CancelActionResult.INVALID_PARAM_SESSION, cancel, cancel, admin, session(invalid));
        expect(t, CancelActionResult.ERROR, cancel, cancel, admin, session(foreign));
        expect(t, CancelActionResult.ACTION_FAILED, cancel, cancel, admin, session(s2));
        assertThat(server.core().transfers().transfer(Credentials.authCode(code), new TransferRequest(
                Long.toString(s2), Long.toString(a.onlineTechNodeId()), null, "yours"))).isEqualTo(TransferSessionResult.OK);
        assertThat(RescueCalls.get("getSession_v3.aspx", admin, "node", a.onlineTechNodeId()).asString())
                .contains("\n" + s2 + "|Transferring|");
        expect(t, CancelActionResult.OK, cancel, cancel, admin, session(s2));
        assertThat(RescueCalls.get("getSession_v3.aspx", admin, "node", a.channelId(), "noderef", "CHANNEL")
                .asString()).contains("\n" + s2 + "|Waiting|");

        // closeSession
        String close = "closeSession";
        expect(t, CloseSessionResult.NOT_LOGGED_IN_AS_ADMIN, close, close, null, session(s1));
        expect(t, CloseSessionResult.INVALID_SECRET_AUTH_CODE, close, close, null, session(s1), authCode("?"));
        expect(t, CloseSessionResult.INVALID_PARAM_SESSION, close, close, admin, session(invalid));
        expect(t, CloseSessionResult.ERROR, close, close, admin, session(foreign));
        expect(t, CloseSessionResult.OK, close, close, admin, session(s1));
        expect(t, CloseSessionResult.ACTION_FAILED, close, close, admin, session(s1));
        assertThat(RescueCalls.get("getSession_v3.aspx", admin, "node", a.onlineTechNodeId()).asString())
                .contains("\n" + s1 + "|Closed by technician|");

        server.accounts().accounts().setUserStatus(a.adminUserId(), UserStatus.DISABLED);
        expect(t, StartSessionResult.USER_DELETED_OR_DISABLED, start, start, admin, session(s2), onlineNode);
        expect(t, HoldSessionResult.USER_DELETED_OR_DISABLED, hold, hold, admin, session(s2));
        expect(t, CloseSessionResult.USER_DELETED_OR_DISABLED, close, close, admin, session(s2));
        expect(t, CancelActionResult.USER_DELETED_OR_DISABLED, cancel, cancel, admin, session(s2));
        assertThat(RescueCalls.get("getSession_v3.aspx", RescueCalls.login(other.adminEmail(),
                TestAccounts.ADMIN_PASSWORD), "node", other.channelId(), "noderef", "CHANNEL").asString())
                .as("the other account's session never moved").contains("\n" + foreign + "|Waiting|");
    }
}
