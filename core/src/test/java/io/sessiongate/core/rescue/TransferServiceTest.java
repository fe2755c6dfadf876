package io.sessiongate.core.rescue;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessiongate.api.rescue.TransferSessionResult;
import io.sessiongate.core.CoreServices;
import io.sessiongate.core.account.UserStatus;
import io.sessiongate.core.persistence.Database;
import io.sessiongate.core.persistence.StatementCounter;
import io.sessiongate.core.testing.CoreFixture;
import io.sessiongate.core.testing.TestAccounts;
import io.sessiongate.core.testing.TestAccounts.TestAccount;
import io.sessiongate.core.websession.Credentials;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TransferService against MariaDB: the vendor's codes in its order of checks, the rows written, the statements spent. */
class TransferServiceTest {

    private static final CoreFixture FIXTURE = CoreFixture.on(Clock.systemUTC());
    private static final Database db = FIXTURE.db();
    private static final CoreServices core = FIXTURE.core();
    private static final TestAccounts accounts = FIXTURE.accounts();


    private static TransferRequest toNode(long session, long node) {
        return new TransferRequest(Long.toString(session), Long.toString(node), null, "over to you");
    }

    @Test
    void transferToOnlineTechnicianMovesTheSessionAndRecordsTransferAndEventInSixStatementsAndThreeRoundTrips() {
        TestAccount a = accounts.create(1);
        Credentials admin = FIXTURE.cookieOf(a.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        long session = a.sessionIds().get(0);
        StatementCounter.reset();
        assertThat(core.transfers().transfer(admin, toNode(session, a.onlineTechNodeId())))
                .isEqualTo(TransferSessionResult.OK);
        assertThat(StatementCounter.current()).isEqualTo(6);
        assertThat(StatementCounter.roundTrips()).as("caller with session and target; touch with the move;"
                + " transfer and event with the COMMIT").isEqualTo(3);
        List<Object> row = db.inTransaction(s -> List.of(s.createNativeQuery(
                        "SELECT CONCAT(status, ' ', technician_node_id, ' ', transferred_comment) FROM support_session"
                                + " WHERE id = :id", String.class).setParameter("id", session).getSingleResult(),
                s.createNativeQuery("SELECT COUNT(*) FROM transfer WHERE session_id = :id AND to_node_id = :n",
                        Long.class).setParameter("id", session).setParameter("n", a.onlineTechNodeId())
                        .getSingleResult(),
                s.createNativeQuery("SELECT COUNT(*) FROM event WHERE object_type = 'SUPPORT_SESSION' AND object_id ="
                        + " :id AND action = 'TRANSFERRED'", Long.class).setParameter("id", session)
                        .getSingleResult()));
        assertThat(row).containsExactly("TRANSFERRING " + a.onlineTechNodeId() + " over to you", 1L, 1L);
    }

    @Test
    void byAuthCodeTheSameTransferCostsFiveStatementsInThreeRoundTrips() {
        TestAccount a = accounts.create(1);
        String code = core.logins().requestAuthCode(a.adminEmail(), TestAccounts.ADMIN_PASSWORD, null).code();
        StatementCounter.reset();
        assertThat(core.transfers().transfer(Credentials.authCode(code),
                toNode(a.sessionIds().get(0), a.onlineTechNodeId()))).isEqualTo(TransferSessionResult.OK);
        assertThat(StatementCounter.current()).isEqualTo(5);
        assertThat(StatementCounter.roundTrips()).isEqualTo(3);
    }

    @Test
    void theVendorsRefusalsComeInItsOrder() {
        TestAccount a = accounts.create(1);
        TestAccount other = accounts.create(1);
        Credentials admin = FIXTURE.cookieOf(a.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        long session = a.sessionIds().get(0);
        assertThat(core.transfers().transfer(Credentials.authCode("x".repeat(80)), toNode(session, 1)))
                .isEqualTo(TransferSessionResult.INVALID_SECRET_AUTH_CODE);
        assertThat(core.transfers().transfer(Credentials.NONE, toNode(session, a.onlineTechNodeId())))
                .isEqualTo(TransferSessionResult.NOT_LOGGED_IN_AS_ADMIN);
        Credentials technician = FIXTURE.cookieOf(a.onlineTechEmail(), TestAccounts.TECH_PASSWORD);
        assertThat(core.transfers().transfer(technician, toNode(session, a.onlineTechNodeId())))
                .as("a technician").isEqualTo(TransferSessionResult.NOT_LOGGED_IN_AS_ADMIN);
        assertThat(core.transfers().transfer(admin, toNode(session, a.channelId())))
                .as("a channel named as a node").isEqualTo(TransferSessionResult.INVALID_PARAM_NODE);
        assertThat(core.transfers().transfer(admin, toNode(session, other.onlineTechNodeId())))
                .as("another account's technician").isEqualTo(TransferSessionResult.INVALID_PARAM_NODE);
        assertThat(core.transfers().transfer(admin, toNode(other.sessionIds().get(0), a.onlineTechNodeId())))
                .as("another account's session").isEqualTo(TransferSessionResult.ERROR);
        assertThat(core.transfers().transfer(admin, toNode(session, a.offlineTechNodeId())))
                .as("an offline technician").isEqualTo(TransferSessionResult.ACTION_FAILED);
        assertThat(core.transfers().transfer(admin, new TransferRequest(Long.toString(session),
                Long.toString(a.channelId()), "channel", null))).as("into the queue").isEqualTo(TransferSessionResult.OK);
        accounts.accounts().setUserStatus(a.adminUserId(), UserStatus.DISABLED);
        assertThat(core.transfers().transfer(admin, toNode(session, a.onlineTechNodeId())))
                .isEqualTo(TransferSessionResult.USER_DELETED_OR_DISABLED);
    }
}
