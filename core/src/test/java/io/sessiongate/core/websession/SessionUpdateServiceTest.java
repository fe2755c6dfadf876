package io.sessiongate.core.websession;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessiongate.api.apiserver.ApiServerError;
import io.sessiongate.api.apiserver.SessionStatus;
import io.sessiongate.api.apiserver.SessionUpdate;
import io.sessiongate.core.CoreServices;
import io.sessiongate.core.persistence.Database;
import io.sessiongate.core.persistence.StatementCounter;
import io.sessiongate.core.testing.MutableClock;
import io.sessiongate.core.testing.CoreFixture;
import io.sessiongate.core.testing.TestAccounts;
import io.sessiongate.core.testing.TestAccounts.TestAccount;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Session.Update's validation and write against MariaDB: every broken rule reported, the idle rule applied once. */
class SessionUpdateServiceTest {

    private static final MutableClock CLOCK = new MutableClock();
    private static final CoreFixture FIXTURE = CoreFixture.on(CLOCK);
    private static final Database db = FIXTURE.db();
    private static final CoreServices core = FIXTURE.core();
    private static final TestAccounts accounts = FIXTURE.accounts();

    private static LoginService.LoginOutcome login(TestAccount a) {
        return core.logins().login(a.adminEmail(), TestAccounts.ADMIN_PASSWORD, null, "192.0.2.9");
    }

    @Test
    void everyBrokenRuleIsReportedAndNothingWritten() {
        TestAccount a = accounts.create(0);
        Credentials admin = Credentials.cookie(login(a).cookieToken());
        var outcome = core.sessionUpdates().validate(admin, new SessionUpdate("0", "", "x", "300.1.1.1", "Gone", "maybe"));
        assertThat(outcome).isInstanceOf(SessionUpdateService.Outcome.Invalid.class);
        assertThat(((SessionUpdateService.Outcome.Invalid) outcome).errors()).extracting(ApiServerError::code)
                .containsExactly("SESSION_SURROGATE_INVALID", "SITE_KEY_MISSING", "USER_SURROGATE_INVALID",
                        "IP_ADDRESS_INVALID", "STATUS_INVALID", "REFRESH_INVALID");
    }

    @Test
    void anUpdateCostsFiveStatementsInThreeRoundTripsAndAnIdleSessionCannotBeUpdated() {
        TestAccount a = accounts.create(0);
        Credentials admin = Credentials.cookie(login(a).cookieToken());
        long target = login(a).webSessionId();
        StatementCounter.reset();
        assertThat(core.sessionUpdates().update(admin, new SessionUpdate(Long.toString(target), a.siteKey(), null,
                "2001:db8::7", "A", "N"))).isInstanceOf(SessionUpdateService.Outcome.Done.class);
        assertThat(StatementCounter.current()).isEqualTo(5);
        assertThat(StatementCounter.roundTrips()).as("caller with the target; touch with the update; event with"
                + " the COMMIT").isEqualTo(3);

        CLOCK.advance(IdleTimeout.AFTER.plus(Duration.ofSeconds(1)));
        Credentials fresh = Credentials.cookie(login(a).cookieToken());
        var idle = core.sessionUpdates().update(fresh, new SessionUpdate(Long.toString(target), a.siteKey(), null,
                null, "E", "N"));
        assertThat(((SessionUpdateService.Outcome.Invalid) idle).errors()).extracting(ApiServerError::code)
                .containsExactly("SESSION_NOT_ACTIVE");
        var data = (SessionUpdateService.Outcome.Data) core.sessionUpdates().get(fresh, Long.toString(target));
        assertThat(data.session().status()).isEqualTo(SessionStatus.TIMED_OUT);
        assertThat(data.session().ipAddress()).isEqualTo("2001:db8::7");
    }

    @Test
    void anAdministratorUpdatesTheSessionItCallsWithAndSeesItsOwnRequestCounted() {
        TestAccount a = accounts.create(0);
        LoginService.LoginOutcome own = login(a);
        Credentials admin = Credentials.cookie(own.cookieToken());
        CLOCK.advance(IdleTimeout.AFTER.minus(Duration.ofSeconds(1))); // close to idle, but not: the call touches it
        assertThat(core.sessionUpdates().update(admin, new SessionUpdate(Long.toString(own.webSessionId()),
                a.siteKey(), null, "192.0.2.77", "A", "N"))).isInstanceOf(SessionUpdateService.Outcome.Done.class);
        var data = (SessionUpdateService.Outcome.Data) core.sessionUpdates().get(admin, null);
        assertThat(data.session().ipAddress()).isEqualTo("192.0.2.77");
        assertThat(data.session().status()).isEqualTo(SessionStatus.ACTIVE);
        assertThat(data.session().requestCount()).as("the update and this read").isEqualTo(2);
    }
}
