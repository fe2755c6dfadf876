package io.sessiongate.server.testing;

import io.sessiongate.core.CoreServices;
import io.sessiongate.core.testing.MutableClock;
import io.sessiongate.core.testing.TestAccounts;
import io.sessiongate.core.testing.TestDatabase;
import io.sessiongate.server.ServerConfig;
import io.sessiongate.server.SessionGate;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The real server, started once per test JVM on a free port over the test database, with the
 * demo data loaded and a clock the tests can move forward. Tests that change data make their own
 * account with {@link #accounts()} rather than touch the demo rows others read.
 */
public final class TestServer {

    /** The operator's token of the test server (SESSIONGATE_OPERATOR_TOKEN's place). */
    public static final String OPERATOR_TOKEN = "test-operator-token-0123456789";

    private static TestServer instance;

    private final SessionGate gate;
    private final MutableClock clock;
    private final TestAccounts accounts;

    private TestServer(SessionGate gate, MutableClock clock) {
        this.gate = gate;
        this.clock = clock;
        this.accounts = new TestAccounts(gate.core().database(), clock);
    }

    public static synchronized TestServer get() {
        if (instance == null) {
            TestDatabase db = TestDatabase.get();
            MutableClock clock = new MutableClock();
            ServerConfig config = new ServerConfig("127.0.0.1", 0, Optional.of(db.config()), 16, true,
                    Path.of("target", "data"), 4, OPERATOR_TOKEN);
            instance = new TestServer(SessionGate.start(config, db.database(), null, clock), clock);
        }
        return instance;
    }

    /** For example {@code http://127.0.0.1:41234/}. */
    public URI baseUri() {
        return gate.baseUri();
    }

    public int port() {
        return gate.port();
    }

    public MutableClock clock() {
        return clock;
    }

    public CoreServices core() {
        return gate.core();
    }

    /** Makes fresh accounts in the server's database. */
    public TestAccounts accounts() {
        return accounts;
    }
}
