package io.sessiongate.core.websession;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessiongate.api.rescue.LoginResult;
import io.sessiongate.api.rescue.RequestAuthCodeResult;
import io.sessiongate.core.CoreServices;
import io.sessiongate.core.persistence.Database;
import io.sessiongate.core.testing.MutableClock;
import io.sessiongate.core.testing.TestAccounts;
import io.sessiongate.core.testing.TestAccounts.TestAccount;
import io.sessiongate.core.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The one password limit: login and requestAuthCode share it, it counts failures exactly, and it lets the user back in. */
class PasswordAttemptsTest {

    private static final String HERE = "192.0.2.1";
    private static final String ELSEWHERE = "198.51.100.7";

    private final Database db = TestDatabase.get().database();
    private final MutableClock clock = new MutableClock();
    private final LoginService logins = new CoreServices(db, clock, TestAccounts.FAST_HASHER).logins();
    private final TestAccount account = new TestAccounts(db, clock).create(0);

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private LoginResult login(String password, String address) {
        return logins.login(account.adminEmail(), password, null, address).result();
    }

    @Test
    void sixtyConcurrentWrongPasswordsLetExactlyTenBeChecked() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(60);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<LoginResult>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < 60; i++) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return login("wrong", HERE);
                }));
            }
            start.countDown();
            Map<LoginResult, Integer> counts = new TreeMap<>();
            for (Future<LoginResult> f : replies) {
                counts.merge(f.get(60, TimeUnit.SECONDS), 1, Integer::sum);
            }
            System.out.println("[password limit] 60 concurrent wrong logins for one email: " + counts);
            assertThat(counts).isEqualTo(Map.of(LoginResult.INVALID, 10, LoginResult.LIMIT_REACHED, 50));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void requestAuthCodeSharesTheLimitAndAnswersPollRateExceeded() {
        for (int i = 0; i < 10; i++) {
            assertThat(logins.requestAuthCode(account.adminEmail(), "wrong", HERE).result())
                    .isEqualTo(RequestAuthCodeResult.INVALID);
        }
        assertThat(logins.requestAuthCode(account.adminEmail(), TestAccounts.ADMIN_PASSWORD, HERE).result())
                .isEqualTo(RequestAuthCodeResult.POLL_RATE_EXCEEDED);
        assertThat(login(TestAccounts.ADMIN_PASSWORD, HERE)).isEqualTo(LoginResult.LIMIT_REACHED);
    }

    @Test
    void refusedTriesDoNotExtendTheWaitAndTheRightPasswordGetsThroughAfterIt() {
        for (int i = 0; i < 10; i++) {
            assertThat(login("wrong", HERE)).isEqualTo(LoginResult.INVALID);
        }
        // A stranger keeps calling during the wait: refused, and not counted.
        for (int i = 0; i < 14; i++) {
            clock.advance(Duration.ofSeconds(1));
            assertThat(login("wrong", HERE)).isEqualTo(LoginResult.LIMIT_REACHED);
        }
        clock.advance(Duration.ofSeconds(1)); // 15 s after the tenth failure
        assertThat(login(TestAccounts.ADMIN_PASSWORD, HERE)).isEqualTo(LoginResult.OK);
        // The success cleared the count: ten more are checked at once.
        for (int i = 0; i < 10; i++) {
            assertThat(login("wrong", HERE)).isEqualTo(LoginResult.INVALID);
        }
    }

    @Test
    void theWaitDoublesWithEachFailureUpToThreeMinutes() {
        for (int i = 0; i < 10; i++) {
            login("wrong", HERE);
        }
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long seconds = 0;
            while (login("wrong", HERE) == LoginResult.LIMIT_REACHED) {
                clock.advance(Duration.ofSeconds(1));
                seconds++;
            }
            waits.add(seconds);
        }
        System.out.println("[password limit] seconds waited before each failure after the tenth: " + waits);
        assertThat(waits).containsExactly(15L, 30L, 60L, 120L, 180L, 180L);
        clock.advance(Duration.ofMinutes(3));
        assertThat(login(TestAccounts.ADMIN_PASSWORD, HERE)).isEqualTo(LoginResult.OK);
    }

    @Test
    void aStrangerAtAnotherAddressDoesNotLockTheUserOut() {
        for (int i = 0; i < 40; i++) {
            login("wrong", ELSEWHERE);
        }
        assertThat(login("wrong", ELSEWHERE)).isEqualTo(LoginResult.LIMIT_REACHED);
        assertThat(login(TestAccounts.ADMIN_PASSWORD, HERE)).isEqualTo(LoginResult.OK);
    }

    @Test
    void theEmailFromEverywhereIsLimitedTooAfterAHundredFailures() {
        for (int i = 0; i < 100; i++) {
            assertThat(login("wrong", "203.0.113." + (i / 10))).isEqualTo(LoginResult.INVALID);
        }
        assertThat(login(TestAccounts.ADMIN_PASSWORD, HERE)).isEqualTo(LoginResult.LIMIT_REACHED);
        clock.advance(PasswordAttempts.FIRST_WAIT);
        assertThat(login(TestAccounts.ADMIN_PASSWORD, HERE)).isEqualTo(LoginResult.OK);
    }

    @Test
    void failuresAreForgottenFifteenMinutesAfterTheLast() {
        for (int i = 0; i < 12; i++) {
            login("wrong", HERE);
            clock.advance(Duration.ofMinutes(3));
        }
        clock.advance(Duration.ofMinutes(15));
        for (int i = 0; i < 10; i++) {
            assertThat(login("wrong", HERE)).isEqualTo(LoginResult.INVALID);
        }
    }
}
