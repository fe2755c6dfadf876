package io.sessiongate.core.rescue;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessiongate.api.rescue.RequestPinCodeResult;
import io.sessiongate.core.CoreServices;
import io.sessiongate.core.account.UserStatus;
import io.sessiongate.core.event.EventRecorder;
import io.sessiongate.core.event.EventRepository;
import io.sessiongate.core.persistence.Database;
import io.sessiongate.core.testing.MutableClock;
import io.sessiongate.core.testing.CoreFixture;
import io.sessiongate.core.testing.TestAccounts;
import io.sessiongate.core.testing.TestAccounts.TestAccount;
import io.sessiongate.core.websession.AuthCodeRepository;
import io.sessiongate.core.websession.CallerAuthenticator;
import io.sessiongate.core.websession.Credentials;
import io.sessiongate.core.websession.WebSessionRepository;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** requestPINCode against MariaDB: every code, the row it writes, the poll rate counted in the database. */
class PinCodeServiceTest {

    private static final MutableClock CLOCK = new MutableClock();
    private static final CoreFixture FIXTURE = CoreFixture.on(CLOCK);
    private static final Database db = FIXTURE.db();
    private static final CoreServices core = FIXTURE.core();
    private static final TestAccounts accounts = FIXTURE.accounts();

    @BeforeEach
    void tick() {
        CLOCK.advance(Duration.ofSeconds(2)); // every test starts past the last one's poll-rate second
    }

    private static PinCodeService service(RandomGenerator pins) {
        EventRecorder events = new EventRecorder(CLOCK, new EventRepository());
        return new PinCodeService(db, new CallerAuthenticator(CLOCK, events, new WebSessionRepository(),
                new AuthCodeRepository()), events, CLOCK, new SupportSessionRepository(), new PinRequestRepository(),
                pins);
    }


    private static PinCodeRequest plain() {
        return new PinCodeRequest(Arrays.asList("Ann", null, null, null, null, null), "T-1", null, null);
    }

    private static PinCodeRequest forNode(Long node, String noTechConsole) {
        return new PinCodeRequest(Arrays.asList(null, null, null, null, null, null), null, noTechConsole,
                node == null ? null : Long.toString(node));
    }

    @Test
    void aTechnicianGetsASixDigitPinForAPinIssuedSessionValidForTwentyMinutes() {
        TestAccount a = accounts.create(0);
        PinCodeService.PinCode pin = core.pinCodes().request(FIXTURE.cookieOf(a.onlineTechEmail(), TestAccounts.TECH_PASSWORD),
                plain());
        assertThat(pin.result()).isEqualTo(RequestPinCodeResult.OK);
        assertThat(pin.pinCode()).matches("[0-9]{6}");
        String row = db.inTransaction(s -> s.createNativeQuery("SELECT CONCAT_WS(' ', status, technician_node_id,"
                + " custom_field0, tracking0, TIMESTAMPDIFF(SECOND, status_changed_at, pin_expires_at))"
                + " FROM support_session WHERE pin_code = :pin", String.class).setParameter("pin", pin.pinCode())
                .getSingleResult());
        assertThat(row).isEqualTo("PIN_ISSUED " + a.onlineTechNodeId() + " Ann T-1 1200");
        Long events = db.inTransaction(s -> s.createNativeQuery("SELECT COUNT(*) FROM event e JOIN support_session p"
                + " ON p.id = e.object_id WHERE p.pin_code = :pin AND e.action = 'PIN_ISSUED'", Long.class)
                .setParameter("pin", pin.pinCode()).getSingleResult());
        assertThat(events).isEqualTo(1L);
    }

    @Test
    void moreThanOnePinASecondPerUserIsRefused() {
        TestAccount a = accounts.create(0);
        Credentials tech = FIXTURE.cookieOf(a.onlineTechEmail(), TestAccounts.TECH_PASSWORD);
        assertThat(core.pinCodes().request(tech, plain()).result()).isEqualTo(RequestPinCodeResult.OK);
        assertThat(core.pinCodes().request(tech, plain()).result()).isEqualTo(RequestPinCodeResult.POLL_RATE_EXCEEDED);
        Credentials admin = FIXTURE.cookieOf(a.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        assertThat(core.pinCodes().request(admin, forNode(a.onlineTechNodeId(), null)).result())
                .as("another user, the same second").isEqualTo(RequestPinCodeResult.OK);
        CLOCK.advance(Duration.ofMillis(1000));
        assertThat(core.pinCodes().request(tech, plain()).result()).isEqualTo(RequestPinCodeResult.OK);
    }

    @Test
    void whenEveryDrawIsTakenTheAnswerIsOutOfPinCodes() {
        TestAccount a = accounts.create(0);
        int taken = 100000 + (int) (a.accountId() % 800000);
        PinCodeService fixed = service(new RandomGenerator() {
            @Override
            public long nextLong() {
                return taken;
            }

            @Override
            public int nextInt(int bound) {
                return taken;
            }
        });
        assertThat(fixed.request(FIXTURE.cookieOf(a.onlineTechEmail(), TestAccounts.TECH_PASSWORD), plain()))
                .extracting(PinCodeService.PinCode::result, PinCodeService.PinCode::pinCode)
                .containsExactly(RequestPinCodeResult.OK, Integer.toString(taken));
        CLOCK.advance(Duration.ofSeconds(2));
        assertThat(fixed.request(FIXTURE.cookieOf(a.adminEmail(), TestAccounts.ADMIN_PASSWORD),
                forNode(a.onlineTechNodeId(), null)).result()).isEqualTo(RequestPinCodeResult.OUT_OF_PIN_CODES);
    }

    @Test
    void theVendorsRefusals() {
        TestAccount a = accounts.create(0);
        TestAccount other = accounts.create(0);
        PinCodeService pins = core.pinCodes();
        assertThat(pins.request(Credentials.authCode("x".repeat(80)), plain()).result())
                .isEqualTo(RequestPinCodeResult.INVALID_SECRET_AUTH_CODE);
        assertThat(pins.request(Credentials.NONE, plain()).result()).isEqualTo(RequestPinCodeResult.NOT_LOGGED_IN);
        Credentials admin = FIXTURE.cookieOf(a.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        assertThat(pins.request(admin, plain()).result()).as("an administrator without a console")
                .isEqualTo(RequestPinCodeResult.NOT_TECHNICIAN);
        assertThat(pins.request(admin, forNode(other.onlineTechNodeId(), null)).result())
                .as("another account's technician").isEqualTo(RequestPinCodeResult.NOT_TECHNICIAN);
        assertThat(pins.request(admin, forNode(a.channelId(), null)).result()).as("a channel")
                .isEqualTo(RequestPinCodeResult.NOT_TECHNICIAN);
        Credentials tech = FIXTURE.cookieOf(a.onlineTechEmail(), TestAccounts.TECH_PASSWORD);
        assertThat(pins.request(tech, forNode(a.offlineTechNodeId(), null)).result())
                .as("a technician naming another").isEqualTo(RequestPinCodeResult.NOT_TECHNICIAN);
        assertThat(pins.request(admin, forNode(a.offlineTechNodeId(), "0")).result())
                .isEqualTo(RequestPinCodeResult.NO_TECH_CONSOLE_RUNNING);
        assertThat(pins.request(admin, forNode(a.offlineTechNodeId(), "maybe")).result())
                .isEqualTo(RequestPinCodeResult.ERROR);
        assertThat(pins.request(tech, new PinCodeRequest(Arrays.asList("x".repeat(65), null, null, null, null, null),
                null, null, null)).result()).as("cfield0 over 64").isEqualTo(RequestPinCodeResult.ERROR);
        assertThat(pins.request(tech, new PinCodeRequest(Arrays.asList(null, null, null, "x".repeat(256), null, null),
                "t".repeat(64), null, null)).result()).as("at the limits").isEqualTo(RequestPinCodeResult.OK);
        assertThat(pins.request(admin, forNode(a.offlineTechNodeId(), "1")).result())
                .as("an offline technician with notechconsole=1").isEqualTo(RequestPinCodeResult.OK);
        accounts.accounts().setUserStatus(a.onlineTechUserId(), UserStatus.DISABLED);
        assertThat(pins.request(tech, plain()).result()).isEqualTo(RequestPinCodeResult.USER_DELETED_OR_DISABLED);
        List<String> statuses = db.inTransaction(s -> s.createNativeQuery("SELECT status FROM support_session"
                + " WHERE account_id = :a", String.class).setParameter("a", a.accountId()).getResultList());
        assertThat(statuses).containsExactly("PIN_ISSUED", "PIN_ISSUED");
    }
}
