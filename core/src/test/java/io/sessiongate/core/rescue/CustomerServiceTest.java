package io.sessiongate.core.rescue;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessiongate.api.rescue.RequestPinCodeResult;
import io.sessiongate.api.rescue.StartSessionResult;
import io.sessiongate.core.CoreServices;
import io.sessiongate.core.event.EventRecorder;
import io.sessiongate.core.event.EventRepository;
import io.sessiongate.core.persistence.Database;
import io.sessiongate.core.rescue.CustomerService.Join;
import io.sessiongate.core.rescue.CustomerService.JoinRequest;
import io.sessiongate.core.rescue.CustomerService.Leave;
import io.sessiongate.core.testing.CoreFixture;
import io.sessiongate.core.testing.MutableClock;
import io.sessiongate.core.testing.TestAccounts;
import io.sessiongate.core.testing.TestAccounts.TestAccount;
import io.sessiongate.core.websession.AuthCodeRepository;
import io.sessiongate.core.websession.CallerAuthenticator;
import io.sessiongate.core.websession.Credentials;
import io.sessiongate.core.websession.SecureTokens;
import io.sessiongate.core.websession.WebSessionRepository;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The customer's join, view and leave against MariaDB: rows, events, the wrong-PIN limit in the database. */
class CustomerServiceTest {

    private static final MutableClock CLOCK = new MutableClock();
    private static final CoreFixture FIXTURE = CoreFixture.on(CLOCK);
    private static final Database db = FIXTURE.db();
    private static final CoreServices core = FIXTURE.core();
    private static final TestAccounts accounts = FIXTURE.accounts();
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    static {
        // Stopped on a whole millisecond, as the database stores times, so that waits come out exact.
        CLOCK.freeze();
        CLOCK.advance(Duration.ofNanos(-(CLOCK.instant().getNano() % 1_000_000)));
    }

    @BeforeEach
    void tick() {
        CLOCK.advance(Duration.ofSeconds(2)); // past the last test's PIN poll-rate second
    }

    /** A client address no other test uses: 198.18.x.y. */
    private static String freshAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.18." + (n / 250) + "." + (n % 250 + 1);
    }

    private static String pinFor(TestAccount a) {
        CLOCK.advance(Duration.ofSeconds(1));
        PinCodeService.PinCode pin = core.pinCodes().request(FIXTURE.cookieOf(a.onlineTechEmail(),
                TestAccounts.TECH_PASSWORD), new PinCodeRequest(Arrays.asList("Ann", null, null, null, null, null),
                null, "1", null)); // the console need not run: the clock moves on in these tests
        assertThat(pin.result()).isEqualTo(RequestPinCodeResult.OK);
        return pin.pinCode();
    }

    private static JoinRequest pin(String code, String name) {
        return new JoinRequest(code, null, name, null, null);
    }

    private static JoinRequest channel(long id, String name) {
        return new JoinRequest(null, id, name, null, null);
    }

    private static String row(long session) {
        return db.inTransaction(s -> s.createNativeQuery("SELECT CONCAT_WS(' ', status, IFNULL(technician_node_id, '-'),"
                + " IFNULL(channel_node_id, '-'), IFNULL(pin_code, '-'), IFNULL(custom_field0, '-'),"
                + " IFNULL(customer_token_hash, '-'), IF(closed_at IS NULL, 'open', 'closed'))"
                + " FROM support_session WHERE id = :id", String.class).setParameter("id", session).getSingleResult());
    }

    private static List<String> events(long session) {
        return db.inTransaction(s -> s.createNativeQuery("SELECT CONCAT_WS(' ', action, IFNULL(by_user_id, '-'))"
                + " FROM event WHERE object_type = 'SUPPORT_SESSION' AND object_id = :id ORDER BY id", String.class)
                .setParameter("id", session).getResultList());
    }

    private static long sessionOfPin(String pin) {
        return db.inTransaction(s -> s.createNativeQuery("SELECT id FROM support_session WHERE pin_code = :p",
                Long.class).setParameter("p", pin).getSingleResult());
    }

    private static int failures(String key) {
        return db.inTransaction(s -> s.createNativeQuery("SELECT IFNULL(MAX(failures), 0) FROM pin_attempt"
                + " WHERE attempt_key = :k", Integer.class).setParameter("k", key).getSingleResult());
    }

    /** A PIN no live session has: drawn until one is free. */
    private static String wrongPin() {
        while (true) {
            String candidate = String.format("%06d", RandomGenerator.getDefault().nextInt(1_000_000));
            long live = db.inTransaction(s -> s.createNativeQuery("SELECT COUNT(*) FROM support_session"
                    + " WHERE pin_code = :p", Long.class).setParameter("p", candidate).getSingleResult());
            if (live == 0) {
                return candidate;
            }
        }
    }

    @Test
    void theCustomerEntersThePinAndWaitsInTheTechniciansQueueWithATokenForThatSession() {
        TestAccount a = accounts.create(0);
        String code = pinFor(a);
        long session = sessionOfPin(code);
        Join join = core.customers().join(pin(code, "Ann Smith"), freshAddress());
        assertThat(join).isInstanceOf(Join.Joined.class);
        Join.Joined joined = (Join.Joined) join;
        assertThat(joined.sessionId()).isEqualTo(session);
        assertThat(joined.status()).isEqualTo(SupportSessionStatus.WAITING);
        assertThat(joined.token()).matches("[a-z0-9]{48}");
        // The PIN is free again, the technician's name for the customer kept, only the token's hash stored.
        assertThat(row(session)).isEqualTo("WAITING " + a.onlineTechNodeId() + " - - Ann "
                + SecureTokens.hash(joined.token()) + " open");
        assertThat(events(session)).containsExactly("PIN_ISSUED " + a.onlineTechUserId(), "JOINED -");

        CustomerService.CustomerView seen = core.customers().current(joined.token()).orElseThrow();
        assertThat(seen.sessionId()).isEqualTo(session);
        assertThat(seen.status()).isEqualTo(SupportSessionStatus.WAITING);
        assertThat(seen.technicianName()).as("not picked up yet").isNull();
        CLOCK.advance(Duration.ofSeconds(30));
        assertThat(core.customers().current(joined.token()).orElseThrow().waiting()).isEqualTo(Duration.ofSeconds(30));
        assertThat(core.customers().join(pin(code, null), freshAddress())).as("a used PIN")
                .isInstanceOf(Join.WrongPin.class);
        assertThat(core.customers().current("nope")).isEmpty();
        assertThat(core.customers().current(SecureTokens.random(48))).isEmpty();
    }

    @Test
    void aNameIsKeptFromTheTechnicianAndFilledInFromTheCustomerWhenTheTechnicianLeftItEmpty() {
        TestAccount a = accounts.create(0);
        CLOCK.advance(Duration.ofSeconds(1));
        String code = core.pinCodes().request(FIXTURE.cookieOf(a.onlineTechEmail(), TestAccounts.TECH_PASSWORD),
                new PinCodeRequest(Arrays.asList(null, null, null, null, null, null), null, null, null)).pinCode();
        long session = sessionOfPin(code);
        assertThat(core.customers().join(pin(code, "  Bea  "), freshAddress())).isInstanceOf(Join.Joined.class);
        assertThat(row(session)).startsWith("WAITING " + a.onlineTechNodeId() + " - - Bea ");
    }

    @Test
    void aCustomerEntersAChannelAndANewSessionWaitsInItsQueue() {
        TestAccount a = accounts.create(0);
        Join join = core.customers().join(new JoinRequest(null, a.channelId(), "Cid", Arrays.asList(null, "order 7",
                null, null, null, "vip"), "de-CH"), freshAddress());
        Join.Joined joined = (Join.Joined) join;
        assertThat(joined.sessionId()).as("from support_session_seq").isGreaterThanOrEqualTo(100_000L);
        assertThat(row(joined.sessionId())).isEqualTo("WAITING - " + a.channelId() + " - Cid "
                + SecureTokens.hash(joined.token()) + " open");
        String fields = db.inTransaction(s -> s.createNativeQuery("SELECT CONCAT_WS('|', account_id, custom_field1,"
                + " IFNULL(custom_field2, '-'), custom_field5, language) FROM support_session WHERE id = :id",
                String.class).setParameter("id", joined.sessionId()).getSingleResult());
        assertThat(fields).isEqualTo(a.accountId() + "|order 7|-|vip|de-CH");
        assertThat(events(joined.sessionId())).containsExactly("JOINED -");
        // It shows in the channel's queue of getSession_v3, and on the console of the group's technicians.
        Credentials admin = FIXTURE.cookieOf(a.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        assertThat(core.sessionQueries().sessions(admin, Long.toString(a.channelId()), "CHANNEL").sessions())
                .extracting(SupportSessionView::id).containsExactly(joined.sessionId());
    }

    @Test
    void onlyAnEnabledChannelThatATechnicianGroupServesCanBeEntered() {
        TestAccount a = accounts.create(0);
        var unserved = accounts.accounts().createNode(null, a.accountId(), io.sessiongate.core.account.NodeKind.CHANNEL,
                null, "Nobody's");
        var disabled = accounts.accounts().createNode(null, a.accountId(), io.sessiongate.core.account.NodeKind.CHANNEL,
                null, "Closed for the day");
        accounts.accounts().assignChannel(disabled.getId(), java.util.Set.of(a.techGroupId()));
        db.doInTransaction(s -> s.get(io.sessiongate.core.account.Node.class, disabled.getId())
                .setStatus(io.sessiongate.core.account.NodeStatus.DISABLED));
        for (long id : new long[] {unserved.getId(), disabled.getId(), a.onlineTechNodeId(), a.techGroupId(),
                999_999_999L}) {
            assertThat(core.customers().join(channel(id, "Dan"), freshAddress())).as("node " + id)
                    .isInstanceOf(Join.NoSuchChannel.class);
        }
    }

    @Test
    void anExpiredPinIsRefusedLikeAWrongOneEvenBeforeTheSweeperRuns() {
        TestAccount a = accounts.create(0);
        String code = pinFor(a);
        long session = sessionOfPin(code);
        CLOCK.advance(Duration.ofMinutes(20));
        assertThat(core.customers().join(pin(code, "Eve"), freshAddress())).isInstanceOf(Join.WrongPin.class);
        assertThat(row(session)).as("not the join's to expire").startsWith("PIN_ISSUED ");
        assertThat(core.customers().join(pin(wrongPin(), "Eve"), freshAddress())).isInstanceOf(Join.WrongPin.class);
    }

    @Test
    void tenWrongPinsFromOneAddressMakeItWaitForTheWindowWithoutCountingTheRefusedTries() {
        TestAccount a = accounts.create(0);
        String address = freshAddress();
        String key = "from:" + address;
        for (int i = 0; i < PinAttempts.ADDRESS_FAILURES; i++) {
            assertThat(core.customers().join(pin(wrongPin(), null), address)).isInstanceOf(Join.WrongPin.class);
            CLOCK.advance(Duration.ofSeconds(10));
        }
        assertThat(failures(key)).isEqualTo(10);
        String right = pinFor(a); // 100 s (10 x 10 s) + 1 s after the first failure
        Join refused = core.customers().join(pin(right, null), address);
        assertThat(refused).as("the right PIN is not even looked at").isInstanceOf(Join.TooManyTries.class);
        assertThat(((Join.TooManyTries) refused).retryAfter()).isEqualTo(PinAttempts.WINDOW.minusSeconds(101));
        assertThat(core.customers().join(pin(wrongPin(), null), address)).isInstanceOf(Join.TooManyTries.class);
        assertThat(failures(key)).as("refused tries are not counted").isEqualTo(10);
        assertThat(failures("pin:" + right)).as("nor counted on the PIN").isZero();
        assertThat(core.customers().join(pin(right, null), freshAddress())).as("another address")
                .isInstanceOf(Join.Joined.class);

        String later = pinFor(a);
        CLOCK.advance(PinAttempts.WINDOW.minusSeconds(103)); // the window's last moment
        assertThat(core.customers().join(pin(later, null), address)).isInstanceOf(Join.TooManyTries.class);
        CLOCK.advance(Duration.ofSeconds(1)); // the window has passed
        assertThat(core.customers().join(pin(later, null), address)).isInstanceOf(Join.Joined.class);
        assertThat(core.customers().join(pin(wrongPin(), null), address)).isInstanceOf(Join.WrongPin.class);
        assertThat(failures(key)).as("a new window").isEqualTo(1);
    }

    @Test
    void fiveWrongTriesOfOneCodeFromAnywhereHoldThatCodeEvenOnceItIsIssued() {
        TestAccount a = accounts.create(0);
        String code = wrongPin();
        for (int i = 0; i < PinAttempts.PIN_FAILURES; i++) {
            assertThat(core.customers().join(pin(code, null), freshAddress())).isInstanceOf(Join.WrongPin.class);
        }
        assertThat(failures("pin:" + code)).isEqualTo(5);
        // The code is issued now (a PIN service whose draw is that code).
        EventRecorder events = new EventRecorder(CLOCK, new EventRepository());
        PinCodeService fixed = new PinCodeService(db, new CallerAuthenticator(CLOCK, events, new WebSessionRepository(),
                new AuthCodeRepository()), events, CLOCK, new SupportSessionRepository(), new PinRequestRepository(),
                new RandomGenerator() {
                    @Override
                    public long nextLong() {
                        return Long.parseLong(code);
                    }

                    @Override
                    public int nextInt(int bound) {
                        return Integer.parseInt(code);
                    }
                });
        CLOCK.advance(Duration.ofSeconds(1));
        PinCodeService.PinCode issued = fixed.request(FIXTURE.cookieOf(a.onlineTechEmail(), TestAccounts.TECH_PASSWORD),
                new PinCodeRequest(Arrays.asList(null, null, null, null, null, null), null, null, null));
        assertThat(issued.result()).isEqualTo(RequestPinCodeResult.OK);
        assertThat(issued.pinCode()).isEqualTo(code);
        assertThat(core.customers().join(pin(code, null), freshAddress())).isInstanceOf(Join.TooManyTries.class);
        CLOCK.advance(PinAttempts.WINDOW);
        assertThat(core.customers().join(pin(code, null), freshAddress())).as("the window passed, the PIN still valid")
                .isInstanceOf(Join.Joined.class);
    }

    @Test
    void concurrentWrongPinsFromOneAddressAreCountedExactly() throws Exception {
        String address = freshAddress();
        CountDownLatch go = new CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(24);
        List<CompletableFuture<Join>> tries = new java.util.ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String code = wrongPin();
            tries.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return core.customers().join(pin(code, null), address);
            }, pool));
        }
        go.countDown();
        List<Join> results = tries.stream().map(CompletableFuture::join).toList();
        pool.shutdown();
        assertThat(results).filteredOn(j -> j instanceof Join.WrongPin).hasSize(PinAttempts.ADDRESS_FAILURES);
        assertThat(results).filteredOn(j -> j instanceof Join.TooManyTries).hasSize(24 - PinAttempts.ADDRESS_FAILURES);
        assertThat(failures("from:" + address)).isEqualTo(PinAttempts.ADDRESS_FAILURES);
    }

    @Test
    void anIpv6AddressCountsByItsSlash64() {
        assertThat(PinAttempts.addressKey("2001:db8:1:2:aaaa::1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(PinAttempts.addressKey("[2001:db8:1:2:ffff:ffff:ffff:ffff]")).isEqualTo("2001:db8:1:2::/64");
        assertThat(PinAttempts.addressKey("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(PinAttempts.addressKey("192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(PinAttempts.addressKey("not:an:address:zz")).isEqualTo("not:an:address:zz");
    }

    @Test
    void leavingWhileWaitingIsClosedByTheWaitingCustomerAndOnceActiveByTheCustomer() {
        TestAccount a = accounts.create(0);
        Credentials admin = FIXTURE.cookieOf(a.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        Join.Joined waiting = (Join.Joined) core.customers().join(channel(a.channelId(), "Fay"), freshAddress());
        Leave left = core.customers().leave(waiting.token());
        assertThat(left).isInstanceOf(Leave.Left.class);
        assertThat(((Leave.Left) left).session().status()).isEqualTo(SupportSessionStatus.CLOSED_BY_WAITING_CUSTOMER);
        assertThat(row(waiting.sessionId())).startsWith("CLOSED_BY_WAITING_CUSTOMER ").endsWith(" closed");
        assertThat(core.customers().leave(waiting.token())).isInstanceOf(Leave.AlreadyOver.class);
        assertThat(events(waiting.sessionId())).containsExactly("JOINED -", "LEFT -");

        Join.Joined active = (Join.Joined) core.customers().join(pin(pinFor(a), null), freshAddress());
        assertThat(core.lifecycle().start(admin, Long.toString(active.sessionId()),
                Long.toString(a.onlineTechNodeId()))).isEqualTo(StartSessionResult.OK);
        CustomerService.CustomerView seen = core.customers().current(active.token()).orElseThrow();
        assertThat(seen.technicianName()).isEqualTo("Online Tech");
        assertThat(seen.waiting()).as("no longer waiting").isNull();
        assertThat(((Leave.Left) core.customers().leave(active.token())).session().status())
                .isEqualTo(SupportSessionStatus.CLOSED_BY_CUSTOMER);
        assertThat(events(active.sessionId())).extracting(e -> e.split(" ")[0])
                .containsExactly("PIN_ISSUED", "JOINED", "STARTED", "LEFT");
        assertThat(core.customers().current(active.token()).orElseThrow().status()).as("still readable when over")
                .isEqualTo(SupportSessionStatus.CLOSED_BY_CUSTOMER);
        assertThat(core.customers().leave("x".repeat(48))).isInstanceOf(Leave.UnknownToken.class);
        assertThat(core.customers().leave(null)).isInstanceOf(Leave.UnknownToken.class);
    }

    @Test
    void everyBrokenRuleOfAJoinIsNamed() {
        assertThat(CustomerService.validate(new JoinRequest(null, null, null, null, null)))
                .extracting(CustomerService.Violation::code).containsExactly("PIN_OR_CHANNEL");
        assertThat(CustomerService.validate(new JoinRequest("123456", 3001L, null, null, null)))
                .extracting(CustomerService.Violation::code).containsExactly("PIN_OR_CHANNEL");
        assertThat(CustomerService.validate(new JoinRequest("12345x", null, "n".repeat(65), List.of(), "en")))
                .extracting(v -> v.field() + " " + v.code())
                .containsExactly("name TOO_LONG", "pinCode PIN_FORMAT", "customFields NOT_WITH_PIN",
                        "language NOT_WITH_PIN");
        assertThat(CustomerService.validate(new JoinRequest(null, 0L, " ", Arrays.asList("x", "y".repeat(513), null,
                null, null, "z".repeat(65)), "english please")))
                .extracting(v -> v.field() + " " + v.code())
                .containsExactly("channelId INVALID", "name MISSING", "customFields[0] USE_NAME",
                        "customFields[1] TOO_LONG", "customFields[5] TOO_LONG", "language INVALID");
        assertThat(CustomerService.validate(new JoinRequest(null, 1L, "G", Arrays.asList(null, null, null, null, null,
                null, null), null))).extracting(CustomerService.Violation::code).containsExactly("TOO_MANY");
        assertThat(CustomerService.validate(new JoinRequest(null, 1L, "G", Arrays.asList(null, "a".repeat(512)),
                "pt-BR"))).isEmpty();
    }
}
