package io.sessiongate.core.websession;

import io.sessiongate.core.persistence.Database;
import io.sessiongate.core.persistence.NativeSql;
import io.sessiongate.core.persistence.Tx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The one limit on trying passwords, shared by every way of trying one (login and requestAuthCode,
 * over HTTP and SOAP, and the admin page): failures are counted per email from one client address
 * and per email from everywhere, in the database (so that the limit holds across server
 * processes), under a row lock (so that concurrent tries are counted exactly).
 *
 * <p>The rule, for each of the two counts: the first {@code free} failures are checked at once.
 * After that, the next try is checked only once a wait has passed since the last failure: {@link
 * #FIRST_WAIT} after the {@code free}-th failure, doubling with every further failure, never more
 * than {@link #LONGEST_WAIT}. A try during the wait is refused without checking the password, and
 * it is not counted: it neither extends the wait nor adds a failure, so a stranger cannot keep the
 * real user out after they stop, and the user's correct password gets through at most {@link
 * #LONGEST_WAIT} later. A stranger at another client address does not touch the user's own count
 * at all until the count for the email from everywhere ({@link #EMAIL_FREE} failures) is spent. A
 * correct password clears both counts; failures are forgotten {@link #FORGET_AFTER} after the last.
 */
public final class PasswordAttempts {

    /** Failures per email and client address that are checked without a wait. */
    public static final int ADDRESS_FREE = 10;
    /** Failures per email, from every address together, checked without a wait. */
    public static final int EMAIL_FREE = 100;
    public static final Duration FIRST_WAIT = Duration.ofSeconds(15);
    public static final Duration LONGEST_WAIT = Duration.ofMinutes(3);
    public static final Duration FORGET_AFTER = Duration.ofMinutes(15);

    // The row is made if missing and locked in one statement: an INSERT IGNORE followed by SELECT
    // ... FOR UPDATE takes a shared lock first and then upgrades it, which deadlocks two
    // concurrent tries; ON DUPLICATE KEY UPDATE takes the exclusive lock at once.
    private static final NativeSql ENSURE = NativeSql.of(
            "INSERT INTO password_attempt (attempt_key, failures, last_failure_at) VALUES (:k, 0, :t) "
                    + "ON DUPLICATE KEY UPDATE attempt_key = attempt_key");
    private static final NativeSql LOCK = NativeSql.of(
            "SELECT failures, last_failure_at FROM password_attempt WHERE attempt_key = :k FOR UPDATE");
    private static final NativeSql FAIL = NativeSql.of(
            // GREATEST: a try that read the clock before waiting for the lock must not move the time back.
            "UPDATE password_attempt SET failures = :f, last_failure_at = GREATEST(last_failure_at, :t) "
                    + "WHERE attempt_key = :k");
    private static final NativeSql CLEAR = NativeSql.of(
            "DELETE FROM password_attempt WHERE attempt_key = :a OR attempt_key = :e");
    // Without a lock: a try that must wait is refused on what this says, since a refusal changes nothing.
    private static final NativeSql PEEK = NativeSql.of(
            "SELECT failures, last_failure_at FROM password_attempt WHERE attempt_key = :k");
    private static final NativeSql PURGE = NativeSql.of(
            "DELETE FROM password_attempt WHERE last_failure_at < :t");

    private final Database db;
    private final Clock clock;

    public PasswordAttempts(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A try that may check its password; report what it found with {@link #succeeded()}. */
    public final class Permit {
        private final String email;
        private final String addressKey;

        private Permit(String email, String addressKey) {
            this.email = email;
            this.addressKey = addressKey;
        }

        /** The password was right: both counts start again. A failure needs no call: it was counted in advance. */
        public void succeeded() {
            db.doInTransaction(s -> CLEAR.on(Tx.of(s)).set("a", addressKey).set("e", emailKey(email)).update());
        }
    }

    /**
     * Asks to check a password for {@code email} from {@code address}: empty when the limit says
     * wait (nothing is counted then), else a permit. The try is counted as a failure before the
     * password is checked, in the same transaction as the decision, so that N concurrent tries can
     * never all see room for one more; {@link Permit#succeeded()} undoes it.
     */
    public Optional<Permit> begin(String email, String address) {
        String normalised = email.trim().toLowerCase(Locale.ROOT);
        String emailKey = emailKey(normalised);
        String addressKey = "from:" + (address == null ? "" : address) + ":" + normalised;
        Instant now = clock.instant();
        boolean allowed = db.inTransaction(s -> {
            Tx tx = Tx.of(s);
            // A flood of tries during a wait (an attacker's) takes no lock and queues behind none.
            if (!peek(tx, emailKey, now).allows(EMAIL_FREE, now) || !peek(tx, addressKey, now).allows(ADDRESS_FREE, now)) {
                return false;
            }
            // Always in this order (email, then address), so that two tries never wait for each other in a cycle.
            Count everywhere = lock(tx, emailKey, now);
            Count fromHere = lock(tx, addressKey, now);
            if (!everywhere.allows(EMAIL_FREE, now) || !fromHere.allows(ADDRESS_FREE, now)) {
                return false;
            }
            FAIL.on(tx).set("f", everywhere.failures(now) + 1).set("t", now).set("k", emailKey).update();
            FAIL.on(tx).set("f", fromHere.failures(now) + 1).set("t", now).set("k", addressKey).update();
            return true;
        });
        return allowed ? Optional.of(new Permit(normalised, addressKey)) : Optional.empty();
    }

    /** Forgets counts whose last failure is older than {@link #FORGET_AFTER}; run periodically. */
    public int purge() {
        Instant cutoff = clock.instant().minus(FORGET_AFTER);
        return db.inTransaction(s -> PURGE.on(Tx.of(s)).set("t", cutoff).update());
    }

    /** How long a count of {@code failures} makes the next try wait after the last failure. */
    public static Duration waitAfter(int failures, int free) {
        if (failures < free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - free, 20);
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private static String emailKey(String normalised) {
        return "email:" + normalised;
    }

    private static final NativeSql.RowMapper<Count> COUNT =
            row -> new Count(row.getInt("failures"), row.getInstant("last_failure_at"));

    private static Count peek(Tx tx, String key, Instant now) {
        return PEEK.on(tx).set("k", key).one(COUNT).orElse(new Count(0, now));
    }

    private static Count lock(Tx tx, String key, Instant now) {
        ENSURE.on(tx).set("k", key).set("t", now).update();
        return LOCK.on(tx).set("k", key).one(COUNT).orElseThrow();
    }

    private record Count(int stored, Instant lastFailure) {
        int failures(Instant now) {
            return lastFailure.isBefore(now.minus(FORGET_AFTER)) ? 0 : stored;
        }

        boolean allows(int free, Instant now) {
            int failures = failures(now);
            // Below the free count there is no wait, whatever the order in which concurrent tries read the clock.
            return failures < free || !now.isBefore(lastFailure.plus(waitAfter(failures, free)));
        }
    }
}
