package io.sessiongate.core.rescue;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessiongate.api.rescue.HoldSessionResult;
import io.sessiongate.api.rescue.RequestPinCodeResult;
import io.sessiongate.api.rescue.StartSessionResult;
import io.sessiongate.api.rescue.TransferSessionResult;
import io.sessiongate.core.CoreServices;
import io.sessiongate.core.event.EventRecorder;
import io.sessiongate.core.event.EventRepository;
import io.sessiongate.core.persistence.Database;
import io.sessiongate.core.testing.CoreFixture;
import io.sessiongate.core.testing.MutableClock;
import io.sessiongate.core.testing.TestAccounts;
import io.sessiongate.core.testing.TestAccounts.TestAccount;
import io.sessiongate.core.websession.Credentials;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The time-outs of support sessions with a controlled clock: what each changes, once, with one event. */
class SessionSweeperTest {

    private static final MutableClock CLOCK = new MutableClock();
    private static final CoreFixture FIXTURE = CoreFixture.on(CLOCK);
    private static final Database db = FIXTURE.db();
    private static final CoreServices core = FIXTURE.core();
    private static final TestAccounts accounts = FIXTURE.accounts();

    static {
        CLOCK.freeze();
        CLOCK.advance(Duration.ofNanos(-(CLOCK.instant().getNano() % 1_000_000)));
    }

    @BeforeEach
    void tick() {
        CLOCK.advance(Duration.ofSeconds(2));
    }

    private static void timeOuts(TestAccount a, int pinValidity, int waiting, int idle) {
        db.doInTransaction(s -> s.createNativeMutationQuery("UPDATE account SET pin_validity_minutes = :p,"
                        + " waiting_timeout_minutes = :w, idle_timeout_minutes = :i WHERE id = :a")
                .setParameter("p", pinValidity).setParameter("w", waiting).setParameter("i", idle)
                .setParameter("a", a.accountId()).executeUpdate());
    }

    private static String pinFor(TestAccount a) {
        CLOCK.advance(Duration.ofSeconds(1));
        PinCodeService.PinCode pin = core.pinCodes().request(FIXTURE.cookieOf(a.onlineTechEmail(),
                TestAccounts.TECH_PASSWORD), new PinCodeRequest(Arrays.asList(null, null, null, null, null, null),
                null, "1", null));
        assertThat(pin.result()).isEqualTo(RequestPinCodeResult.OK);
        return pin.pinCode();
    }

    private static long sessionOfPin(String pin) {
        return db.inTransaction(s -> s.createNativeQuery("SELECT id FROM support_session WHERE pin_code = :p",
                Long.class).setParameter("p", pin).getSingleResult());
    }

    private static String row(long session) {
        return db.inTransaction(s -> s.createNativeQuery("SELECT CONCAT_WS(' ', status, IFNULL(pin_code, '-'),"
                + " IF(closed_at IS NULL, 'open', 'closed'), version)"
                + " FROM support_session WHERE id = :id", String.class).setParameter("id", session).getSingleResult());
    }

    private static List<String> events(long session) {
        return db.inTransaction(s -> s.createNativeQuery("SELECT CONCAT_WS(' ', action, IFNULL(by_user_id, '-'),"
                + " after_state) FROM event WHERE object_type = 'SUPPORT_SESSION' AND object_id = :id ORDER BY id",
                String.class).setParameter("id", session).getResultList());
    }

    /** Sweeps until a sweep finds nothing left (rows of other tests may be due too). */
    private static void sweep() {
        while (core.sweeper().sweep().total() > 0) {
            // again
        }
    }

    @Test
    void aPinPastItsValidityExpiresOnceAndItsCodeIsFreeAgain() {
        TestAccount a = accounts.create(0);
        String code = pinFor(a);
        long session = sessionOfPin(code);
        CLOCK.advance(Duration.ofMinutes(20).minusMillis(1));
        sweep();
        assertThat(row(session)).isEqualTo("PIN_ISSUED " + code + " open 0");
        CLOCK.advance(Duration.ofMillis(1));
        sweep();
        assertThat(row(session)).isEqualTo("EXPIRED - closed 1");
        sweep();
        assertThat(events(session)).hasSize(2);
        assertThat(events(session).get(1)).startsWith("EXPIRED - ").contains("\"status\":\"EXPIRED\"")
                .contains("\"reason\":\"PIN_VALIDITY\"");
        assertThat(core.customers().join(new CustomerService.JoinRequest(code, null, null, null, null), "192.0.2.50"))
                .as("an expired PIN is a wrong one").isInstanceOf(CustomerService.Join.WrongPin.class);
    }

    @Test
    void aPinValidityOfZeroNeverExpires() {
        TestAccount a = accounts.create(0);
        timeOuts(a, 0, 0, 0);
        String code = pinFor(a);
        long session = sessionOfPin(code);
        CLOCK.advance(Duration.ofDays(30));
        sweep();
        assertThat(row(session)).isEqualTo("PIN_ISSUED " + code + " open 0");
        assertThat(core.customers().join(new CustomerService.JoinRequest(code, null, null, null, null), "192.0.2.51"))
                .isInstanceOf(CustomerService.Join.Joined.class);
    }

    @Test
    void aSessionNotPickedUpWithinTheWaitingTimeOutTimesOutAndZeroIsNever() {
        TestAccount a = accounts.create(3);
        TestAccount never = accounts.create(1);
        timeOuts(a, 20, 5, 0);
        Credentials admin = FIXTURE.cookieOf(a.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        long waiting = a.sessionIds().get(0);
        long transferring = a.sessionIds().get(1);
        long active = a.sessionIds().get(2);
        CLOCK.advance(Duration.ofMinutes(2));
        accounts.online(a.onlineTechNodeId());
        assertThat(core.transfers().transfer(admin, new TransferRequest(Long.toString(transferring),
                Long.toString(a.onlineTechNodeId()), null, null))).isEqualTo(TransferSessionResult.OK);
        assertThat(core.lifecycle().start(admin, Long.toString(active), Long.toString(a.onlineTechNodeId())))
                .isEqualTo(StartSessionResult.OK);
        CLOCK.advance(Duration.ofMinutes(3));
        sweep();
        assertThat(row(waiting)).as("five minutes in the queue").isEqualTo("TIMED_OUT - closed 1");
        assertThat(row(transferring)).as("three minutes since the transfer").startsWith("TRANSFERRING ");
        CLOCK.advance(Duration.ofMinutes(2));
        sweep();
        assertThat(row(transferring)).isEqualTo("TIMED_OUT - closed 2");
        assertThat(row(active)).as("the idle time-out is 0").startsWith("ACTIVE ");
        assertThat(row(never.sessionIds().get(0))).as("an account without a waiting time-out")
                .startsWith("WAITING ");
        assertThat(events(waiting)).singleElement().asString().startsWith("TIMED_OUT - ")
                .contains("\"reason\":\"WAITING_TIMEOUT\"");
        assertThat(events(transferring)).extracting(e -> e.split(" ")[0]).containsExactly("TRANSFERRED", "TIMED_OUT");
        // A Waiting session's time-out shows in the SOAP status as "not picked up".
        assertThat(core.sessionQueries().sessions(admin, Long.toString(a.onlineTechNodeId()), "NODE").sessions())
                .filteredOn(v -> v.id() == transferring).singleElement()
                .satisfies(v -> assertThat(v.pickedUpAt()).isNull());
    }

    @Test
    void anActiveSessionIdleForTheIdleTimeOutTimesOutButOneOnHoldNever() {
        TestAccount a = accounts.create(2);
        timeOuts(a, 20, 0, 10);
        Credentials admin = FIXTURE.cookieOf(a.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        String tech = Long.toString(a.onlineTechNodeId());
        long active = a.sessionIds().get(0);
        long held = a.sessionIds().get(1);
        assertThat(core.lifecycle().start(admin, Long.toString(active), tech)).isEqualTo(StartSessionResult.OK);
        assertThat(core.lifecycle().start(admin, Long.toString(held), tech)).isEqualTo(StartSessionResult.OK);
        assertThat(core.lifecycle().hold(admin, Long.toString(held))).isEqualTo(HoldSessionResult.OK);
        CLOCK.advance(Duration.ofMinutes(6));
        admin = FIXTURE.cookieOf(a.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        accounts.online(a.onlineTechNodeId());
        // A status change is activity: resumed from hold, then held again, the idle time starts over.
        assertThat(core.lifecycle().hold(admin, Long.toString(active))).isEqualTo(HoldSessionResult.OK);
        assertThat(core.lifecycle().start(admin, Long.toString(active), tech)).isEqualTo(StartSessionResult.OK);
        CLOCK.advance(Duration.ofMinutes(6));
        sweep();
        assertThat(row(active)).as("6 minutes since the resume").startsWith("ACTIVE ");
        CLOCK.advance(Duration.ofMinutes(4));
        sweep();
        assertThat(row(active)).isEqualTo("TIMED_OUT - closed 4");
        assertThat(events(active)).last().asString().startsWith("TIMED_OUT - ").contains("\"reason\":\"IDLE_TIMEOUT\"");
        CLOCK.advance(Duration.ofDays(1));
        sweep();
        assertThat(row(held)).as("On Hold never times out").startsWith("ON_HOLD ");
        // Its SOAP status: idle on the technician's side (it was picked up).
        assertThat(core.sessionQueries().sessions(FIXTURE.cookieOf(a.adminEmail(), TestAccounts.ADMIN_PASSWORD),
                tech, "NODE").sessions()).filteredOn(v -> v.id() == active).singleElement()
                .satisfies(v -> assertThat(v.pickedUpAt()).isNotNull());
    }

    @Test
    void twoSweepersAtOnceChangeEachSessionOnceWithOneEvent() throws Exception {
        TestAccount a = accounts.create(0);
        timeOuts(a, 20, 1, 0);
        int n = 250;
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(accounts.createWaitingSession(a.accountId(), a.channelId()));
        }
        CLOCK.advance(Duration.ofMinutes(1));
        EventRecorder events = new EventRecorder(CLOCK, new EventRepository());
        List<SessionSweeper> sweepers = List.of(
                new SessionSweeper(db, events, CLOCK, new SupportSessionRepository()),
                new SessionSweeper(db, events, CLOCK, new SupportSessionRepository()));
        CountDownLatch go = new CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        List<CompletableFuture<Integer>> runs = sweepers.stream().map(sweeper -> CompletableFuture.supplyAsync(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int changed = 0;
            for (int pass = 0; pass < 5; pass++) {
                changed += sweeper.sweep().waitingTimedOut();
            }
            return changed;
        }, pool)).toList();
        go.countDown();
        List<Integer> changed = runs.stream().map(CompletableFuture::join).toList();
        pool.shutdown();
        System.out.println("[sweeper] two sweepers at once timed out " + changed + " of " + n);
        assertThat(changed.get(0) + changed.get(1)).isEqualTo(n);
        String check = db.inTransaction(s -> s.createNativeQuery("SELECT CONCAT_WS(' ', COUNT(*), SUM(status ="
                + " 'TIMED_OUT'), SUM(version = 1), (SELECT COUNT(*) FROM event e JOIN support_session x"
                + " ON x.id = e.object_id AND e.object_type = 'SUPPORT_SESSION' WHERE x.account_id = :a"
                + " AND e.action = 'TIMED_OUT')) FROM support_session WHERE account_id = :a", String.class)
                .setParameter("a", a.accountId()).getSingleResult());
        assertThat(check).as("sessions, timed out, changed once, events").isEqualTo(n + " " + n + " " + n + " " + n);
    }
}
