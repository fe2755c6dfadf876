package io.sessiongate.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessiongate.api.rescue.CloseSessionResult;
import io.sessiongate.api.rescue.HoldSessionResult;
import io.sessiongate.api.rescue.RequestPinCodeResult;
import io.sessiongate.api.rescue.StartSessionResult;
import io.sessiongate.api.rescue.TransferSessionResult;
import io.sessiongate.core.CoreServices;
import io.sessiongate.core.rescue.CustomerService;
import io.sessiongate.core.rescue.PinCodeRequest;
import io.sessiongate.core.rescue.PinCodeService;
import io.sessiongate.core.rescue.TransferRequest;
import io.sessiongate.core.testing.TestAccounts.TestAccount;
import io.sessiongate.core.websession.Credentials;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * One support session's day, driven through the services on a frozen clock so that every time a
 * report shows is exact, on a fresh account (the reports' tests check it cell by cell):
 *
 * <pre>
 * 13:00 technician A ("Online Tech") asks for a PIN code (custom field 0 "Ann", tracking "T-42")
 * 13:02 the customer enters it (CustomerService's join): Waiting in A's queue
 * 13:05 the administrator transfers it to technician B ("Offline Tech", online for the day), {@link #COMMENT}
 * 13:06 the administrator starts it for B: Active
 * 13:16 on hold; 13:20 resumed
 * 13:30 transferred into the account's channel: Waiting there
 * 13:33 started for A; 13:40 closed by the technician
 * 13:50 A asks for a second PIN code ("Bea"), entered at 13:51: still Waiting when reported at 13:55
 * </pre>
 *
 * So the first session waited 3 + 3 minutes, was in transfer 1 minute, Active 10 + 10 + 7, On Hold 4:
 * 38 minutes from 13:02 to 13:40. The clock is left frozen at {@link #REPORTED} (13:55).
 */
public record ScriptedDay(TestAccount account, long sessionId, long liveSessionId, Credentials admin) {

    /** The first transfer's comment: a delimiter, markup and a line break, for the encodings to carry. */
    public static final String COMMENT = "to B|<now>\n& \"fast\"";
    /** The day's first minute, 2024-03-05 13:00 UTC. */
    public static final Instant START = Instant.parse("2024-03-05T13:00:00Z");
    /** When the reports are asked for. */
    public static final Instant REPORTED = START.plus(Duration.ofMinutes(55));

    public static ScriptedDay run(CoreServices core, TestAccounts accounts, MutableClock clock) {
        clock.freezeAt(START);
        TestAccount a = accounts.create(0);
        String techA = Long.toString(a.onlineTechNodeId());
        String techB = Long.toString(a.offlineTechNodeId());
        Credentials admin = Credentials.cookie(core.logins().login(a.adminEmail(), TestAccounts.ADMIN_PASSWORD, null,
                "192.0.2.7").cookieToken());
        Credentials tech = Credentials.cookie(core.logins().login(a.onlineTechEmail(), TestAccounts.TECH_PASSWORD,
                null, "192.0.2.8").cookieToken());

        String pin = pin(core, tech, "Ann", "T-42");
        at(clock, 2);
        long session = join(core, pin);
        at(clock, 5);
        accounts.online(a.offlineTechNodeId());
        assertThat(core.transfers().transfer(admin, new TransferRequest(Long.toString(session), techB, "NODE",
                COMMENT))).isEqualTo(TransferSessionResult.OK);
        at(clock, 6);
        accounts.online(a.offlineTechNodeId());
        assertThat(core.lifecycle().start(admin, Long.toString(session), techB)).isEqualTo(StartSessionResult.OK);
        at(clock, 16);
        assertThat(core.lifecycle().hold(admin, Long.toString(session))).isEqualTo(HoldSessionResult.OK);
        at(clock, 20);
        accounts.online(a.offlineTechNodeId());
        assertThat(core.lifecycle().start(admin, Long.toString(session), techB)).isEqualTo(StartSessionResult.OK);
        at(clock, 30);
        assertThat(core.transfers().transfer(admin, new TransferRequest(Long.toString(session),
                Long.toString(a.channelId()), "CHANNEL", null))).isEqualTo(TransferSessionResult.OK);
        at(clock, 33);
        accounts.online(a.onlineTechNodeId());
        assertThat(core.lifecycle().start(admin, Long.toString(session), techA)).isEqualTo(StartSessionResult.OK);
        at(clock, 40);
        assertThat(core.lifecycle().close(admin, Long.toString(session))).isEqualTo(CloseSessionResult.OK);
        at(clock, 50);
        Credentials techAgain = Credentials.cookie(core.logins().login(a.onlineTechEmail(), TestAccounts.TECH_PASSWORD,
                null, "192.0.2.8").cookieToken()); // the first login has been idle for longer than 20 minutes
        String second = pin(core, techAgain, "Bea", null);
        at(clock, 51);
        long live = join(core, second);
        at(clock, 55);
        return new ScriptedDay(a, session, live, admin);
    }

    /** {@code minutes} past 13:00 on the day, in the report's time zone {@code offsetMinutes} (vendor format). */
    public static String shown(int minutes, int offsetMinutes) {
        LocalDateTime t = LocalDateTime.ofInstant(START.plus(Duration.ofMinutes(minutes)),
                ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
        int h = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
        return t.getMonthValue() + "/" + t.getDayOfMonth() + "/" + t.getYear() + " " + h + ":"
                + String.format("%02d:%02d", t.getMinute(), t.getSecond()) + (t.getHour() < 12 ? " AM" : " PM");
    }

    private static void at(MutableClock clock, int minutes) {
        clock.freezeAt(START.plus(Duration.ofMinutes(minutes)));
    }

    private static String pin(CoreServices core, Credentials tech, String name, String tracking) {
        PinCodeService.PinCode pin = core.pinCodes().request(tech, new PinCodeRequest(Arrays.asList(name, null, null,
                null, null, null), tracking, "1", null));
        assertThat(pin.result()).isEqualTo(RequestPinCodeResult.OK);
        return pin.pinCode();
    }

    /** The customer enters the PIN code (CustomerService, as POST /api/v1/customer/sessions does): Waiting. */
    private static long join(CoreServices core, String pin) {
        CustomerService.Join joined = core.customers().join(new CustomerService.JoinRequest(pin, null, null, null,
                null), "192.0.2.10");
        assertThat(joined).isInstanceOf(CustomerService.Join.Joined.class);
        CustomerService.Join.Joined in = (CustomerService.Join.Joined) joined;
        assertThat(in.status()).isEqualTo(io.sessiongate.core.rescue.SupportSessionStatus.WAITING);
        return in.sessionId();
    }
}
