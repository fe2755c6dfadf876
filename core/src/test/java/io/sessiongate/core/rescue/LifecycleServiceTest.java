package io.sessiongate.core.rescue;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessiongate.api.rescue.CancelActionResult;
import io.sessiongate.api.rescue.CloseSessionResult;
import io.sessiongate.api.rescue.HoldSessionResult;
import io.sessiongate.api.rescue.StartSessionResult;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** startSession, holdSession, closeSession, cancelAction against MariaDB: codes, rows, events. */
class LifecycleServiceTest {

    private static final CoreFixture FIXTURE = CoreFixture.on(Clock.systemUTC());
    private static final Database db = FIXTURE.db();
    private static final CoreServices core = FIXTURE.core();
    private static final TestAccounts accounts = FIXTURE.accounts();


    private static String row(long session) {
        return db.inTransaction(s -> s.createNativeQuery("SELECT CONCAT_WS(' ', status, IFNULL(technician_node_id, '-'),"
                + " IFNULL(channel_node_id, '-'), IFNULL(picked_up_by_node_id, '-'), IFNULL(before_transfer_status, '-'))"
                + " FROM support_session WHERE id = :id", String.class).setParameter("id", session).getSingleResult());
    }

    private static List<String> events(long session) {
        return db.inTransaction(s -> s.createNativeQuery("SELECT action FROM event WHERE object_type = 'SUPPORT_SESSION'"
                + " AND object_id = :id ORDER BY id", String.class).setParameter("id", session).getResultList());
    }

    @Test
    void startHoldStartCloseEachChangeTheRowAndRecordOneEvent() {
        TestAccount a = accounts.create(1);
        Credentials admin = FIXTURE.cookieOf(a.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        long session = a.sessionIds().get(0);
        String id = Long.toString(session);
        String tech = Long.toString(a.onlineTechNodeId());
        LifecycleService life = core.lifecycle();
        assertThat(life.hold(admin, id)).as("hold while waiting").isEqualTo(HoldSessionResult.ACTION_FAILED);
        StatementCounter.reset();
        assertThat(life.start(admin, id, tech)).isEqualTo(StartSessionResult.OK);
        assertThat(StatementCounter.current()).as("read, touch, session and technician, update, event").isEqualTo(5);
        assertThat(StatementCounter.roundTrips()).as("the touch and the event ride other round trips").isEqualTo(4);
        assertThat(row(session)).isEqualTo("ACTIVE " + tech + " " + a.channelId() + " " + tech + " -");
        assertThat(life.start(admin, id, tech)).as("already active").isEqualTo(StartSessionResult.ACTION_FAILED);
        assertThat(life.hold(admin, id)).isEqualTo(HoldSessionResult.OK);
        assertThat(life.hold(admin, id)).as("already on hold").isEqualTo(HoldSessionResult.ACTION_FAILED);
        assertThat(row(session)).startsWith("ON_HOLD ");
        assertThat(life.start(admin, id, tech)).as("resume").isEqualTo(StartSessionResult.OK);
        assertThat(life.close(admin, id)).isEqualTo(CloseSessionResult.OK);
        assertThat(row(session)).startsWith("CLOSED_BY_TECHNICIAN ");
        assertThat(life.close(admin, id)).isEqualTo(CloseSessionResult.ACTION_FAILED);
        assertThat(life.start(admin, id, tech)).isEqualTo(StartSessionResult.ACTION_FAILED);
        assertThat(life.hold(admin, id)).isEqualTo(HoldSessionResult.ACTION_FAILED);
        assertThat(life.cancelAction(admin, id)).isEqualTo(CancelActionResult.ACTION_FAILED);
        assertThat(core.transfers().transfer(admin, new TransferRequest(id, tech, null, null)))
                .as("a closed session cannot be transferred").isEqualTo(TransferSessionResult.ACTION_FAILED);
        assertThat(events(session)).containsExactly("STARTED", "HELD", "STARTED", "CLOSED");
    }

    @Test
    void cancelActionUndoesATransferNotYetPickedUp() {
        TestAccount a = accounts.create(1);
        Credentials admin = FIXTURE.cookieOf(a.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        long session = a.sessionIds().get(0);
        String id = Long.toString(session);
        String tech = Long.toString(a.onlineTechNodeId());
        assertThat(core.lifecycle().cancelAction(admin, id)).as("nothing pending")
                .isEqualTo(CancelActionResult.ACTION_FAILED);
        assertThat(core.transfers().transfer(admin, new TransferRequest(id, tech, null, "yours")))
                .isEqualTo(TransferSessionResult.OK);
        assertThat(row(session)).isEqualTo("TRANSFERRING " + tech + " " + a.channelId() + " - WAITING");
        assertThat(core.lifecycle().cancelAction(admin, id)).isEqualTo(CancelActionResult.OK);
        assertThat(row(session)).isEqualTo("WAITING - " + a.channelId() + " - -");
        assertThat(core.lifecycle().cancelAction(admin, id)).as("undone once")
                .isEqualTo(CancelActionResult.ACTION_FAILED);
        // A transfer of an active session, cancelled: back to the technician who had it, still active.
        assertThat(core.lifecycle().start(admin, id, tech)).isEqualTo(StartSessionResult.OK);
        assertThat(core.transfers().transfer(admin, new TransferRequest(id, Long.toString(a.channelId()), "CHANNEL",
                null))).isEqualTo(TransferSessionResult.OK);
        assertThat(row(session)).isEqualTo("WAITING - " + a.channelId() + " " + tech + " ACTIVE");
        assertThat(core.lifecycle().cancelAction(admin, id)).isEqualTo(CancelActionResult.OK);
        assertThat(row(session)).isEqualTo("ACTIVE " + tech + " " + a.channelId() + " " + tech + " -");
        // Picked up after the transfer: nothing to cancel.
        assertThat(core.transfers().transfer(admin, new TransferRequest(id, tech, null, null)))
                .isEqualTo(TransferSessionResult.OK);
        assertThat(core.lifecycle().start(admin, id, tech)).isEqualTo(StartSessionResult.OK);
        assertThat(core.lifecycle().cancelAction(admin, id)).isEqualTo(CancelActionResult.ACTION_FAILED);
        assertThat(events(session)).containsExactly("TRANSFERRED", "ACTION_CANCELLED", "STARTED", "TRANSFERRED",
                "ACTION_CANCELLED", "TRANSFERRED", "STARTED");
    }

    @Test
    void theVendorsRefusalsComeInItsOrder() {
        TestAccount a = accounts.create(1);
        TestAccount other = accounts.create(1);
        Credentials admin = FIXTURE.cookieOf(a.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        String id = Long.toString(a.sessionIds().get(0));
        String tech = Long.toString(a.onlineTechNodeId());
        LifecycleService life = core.lifecycle();
        assertThat(life.start(Credentials.authCode("x".repeat(80)), id, tech))
                .isEqualTo(StartSessionResult.INVALID_SECRET_AUTH_CODE);
        assertThat(life.hold(Credentials.NONE, id)).isEqualTo(HoldSessionResult.NOT_LOGGED_IN_AS_ADMIN);
        Credentials technician = FIXTURE.cookieOf(a.onlineTechEmail(), TestAccounts.TECH_PASSWORD);
        assertThat(life.close(technician, id)).as("a technician").isEqualTo(CloseSessionResult.NOT_LOGGED_IN_AS_ADMIN);
        assertThat(life.cancelAction(admin, "12a")).isEqualTo(CancelActionResult.INVALID_PARAM_SESSION);
        assertThat(life.start(admin, "", tech)).isEqualTo(StartSessionResult.INVALID_PARAM_SESSION);
        assertThat(life.start(admin, id, "x")).isEqualTo(StartSessionResult.INVALID_PARAM_NODE);
        assertThat(life.start(admin, id, Long.toString(a.channelId()))).as("a channel")
                .isEqualTo(StartSessionResult.INVALID_PARAM_NODE);
        assertThat(life.start(admin, id, Long.toString(other.onlineTechNodeId()))).as("another account's technician")
                .isEqualTo(StartSessionResult.INVALID_PARAM_NODE);
        String others = Long.toString(other.sessionIds().get(0));
        assertThat(life.start(admin, others, tech)).as("another account's session").isEqualTo(StartSessionResult.ERROR);
        assertThat(life.hold(admin, others)).isEqualTo(HoldSessionResult.ERROR);
        assertThat(life.close(admin, others)).isEqualTo(CloseSessionResult.ERROR);
        assertThat(life.cancelAction(admin, others)).isEqualTo(CancelActionResult.ERROR);
        assertThat(life.close(admin, "999999999")).as("no such session").isEqualTo(CloseSessionResult.ERROR);
        assertThat(life.start(admin, id, Long.toString(a.offlineTechNodeId()))).as("console not running")
                .isEqualTo(StartSessionResult.ACTION_FAILED);
        assertThat(row(other.sessionIds().get(0))).startsWith("WAITING ");
        accounts.accounts().setUserStatus(a.adminUserId(), UserStatus.DISABLED);
        assertThat(life.close(admin, id)).isEqualTo(CloseSessionResult.USER_DELETED_OR_DISABLED);
    }

    @Test
    void concurrentClosesOfOneSessionSerialise() throws Exception {
        TestAccount a = accounts.create(1);
        long session = a.sessionIds().get(0);
        List<Credentials> admins = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            admins.add(FIXTURE.cookieOf(a.adminEmail(), TestAccounts.ADMIN_PASSWORD));
        }
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<CloseSessionResult>> calls = admins.stream().map(c -> CompletableFuture.supplyAsync(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return core.lifecycle().close(c, Long.toString(session));
        })).toList();
        go.countDown();
        List<CloseSessionResult> results = calls.stream().map(CompletableFuture::join).toList();
        assertThat(results).filteredOn(r -> r == CloseSessionResult.OK).hasSize(1);
        assertThat(results).filteredOn(r -> r == CloseSessionResult.ACTION_FAILED).hasSize(5);
        assertThat(events(session)).containsExactly("CLOSED");
    }
}
