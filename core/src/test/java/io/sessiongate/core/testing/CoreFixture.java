package io.sessiongate.core.testing;

import io.sessiongate.core.CoreServices;
import io.sessiongate.core.persistence.Database;
import io.sessiongate.core.websession.Credentials;
import java.time.Clock;

/**
 * What a core service test works with: the test run's MariaDB, every service built over it on
 * {@code clock}, and a maker of fresh accounts to act in.
 */
public record CoreFixture(Database db, CoreServices core, TestAccounts accounts) {

    public static CoreFixture on(Clock clock) {
        Database db = TestDatabase.get().database();
        return new CoreFixture(db, new CoreServices(db, clock, TestAccounts.FAST_HASHER), new TestAccounts(db, clock));
    }

    /** The cookie of a new web session of {@code email}, logged in through the login service. */
    public Credentials cookieOf(String email, String password) {
        return Credentials.cookie(core.logins().login(email, password, null, "192.0.2.9").cookieToken());
    }
}
