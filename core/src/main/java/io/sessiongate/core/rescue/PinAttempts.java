package io.sessiongate.core.rescue;

import io.sessiongate.core.persistence.NativeSql;
import io.sessiongate.core.persistence.Tx;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The limit on guessing PIN codes at the customer join ({@code pin_attempt}), counted in the
 * database so that it holds across server processes, under a row lock so that concurrent tries
 * are counted exactly. Two counts, each over a window that starts with its first failure:
 *
 * <ul>
 *   <li>per client address ({@value #ADDRESS_FAILURES} wrong PINs per {@link #WINDOW}); an IPv6
 *       address counts by its /64, which one subscriber usually holds whole;</li>
 *   <li>per PIN code ({@value #PIN_FAILURES} wrong tries of one code per {@link #WINDOW}, from all
 *       addresses together), so that a code seen once (a used or expired one) cannot be tried from
 *       many addresses in the hope that it is issued again.</li>
 * </ul>
 *
 * <p>A wrong, expired or used PIN is one failure on both counts. Once either count is spent, a try
 * is refused until its window ends, without looking the PIN up, and it is not counted: it neither
 * extends the wait nor adds a failure. A right PIN clears nothing (an attacker could otherwise
 * reset their count with PINs of their own account). Rows of windows that have passed are purged.
 */
public final class PinAttempts {

    /** Wrong PINs one client address may enter per {@link #WINDOW}. */
    public static final int ADDRESS_FAILURES = 10;
    /** Wrong tries of one PIN code, from every address together, per {@link #WINDOW}. */
    public static final int PIN_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);

    // Made if missing and locked in one statement (see PasswordAttempts: INSERT IGNORE then FOR UPDATE deadlocks).
    private static final NativeSql ENSURE = NativeSql.of(
            "INSERT INTO pin_attempt (attempt_key, failures, window_started_at) VALUES (:k, 0, :t) "
                    + "ON DUPLICATE KEY UPDATE attempt_key = attempt_key");
    private static final NativeSql LOCK = NativeSql.of(
            "SELECT failures, window_started_at FROM pin_attempt WHERE attempt_key = :k FOR UPDATE");
    // Without a lock: a try that must wait is refused on what this says, since a refusal changes nothing.
    private static final NativeSql PEEK = NativeSql.of(
            "SELECT failures, window_started_at FROM pin_attempt WHERE attempt_key = :k");
    private static final NativeSql FAIL = NativeSql.of(
            "UPDATE pin_attempt SET failures = :f, window_started_at = :w WHERE attempt_key = :k");
    private static final NativeSql PURGE = NativeSql.of(
            "DELETE FROM pin_attempt WHERE window_started_at < :t");

    /** The two counts a try is checked against, locked for the rest of the transaction once {@link #lock}ed. */
    public record Keys(String address, String pin) {
    }

    public static Keys keys(String clientAddress, String pin) {
        return new Keys("from:" + addressKey(clientAddress), "pin:" + pin);
    }

    /**
     * When the limit says wait, the instant the try is allowed again; empty when it may be checked.
     * Reads without locking, so that a flood of refused tries takes no lock and queues behind none.
     */
    public Optional<Instant> peek(Tx tx, Keys keys, Instant now) {
        return refusal(read(PEEK, tx, keys.address(), now), read(PEEK, tx, keys.pin(), now), now);
    }

    /**
     * Locks both counts (address first, then PIN, always in this order) for the rest of the
     * transaction and decides again on what they hold now: empty when the try may be checked.
     */
    public Optional<Instant> lock(Tx tx, Keys keys, Instant now) {
        ENSURE.on(tx).set("k", keys.address()).set("t", now).update();
        Count address = read(LOCK, tx, keys.address(), now);
        ENSURE.on(tx).set("k", keys.pin()).set("t", now).update();
        Count pin = read(LOCK, tx, keys.pin(), now);
        return refusal(address, pin, now);
    }

    /** Counts one failure on both counts; call after {@link #lock} in the same transaction. */
    public void failed(Tx tx, Keys keys, Instant now) {
        for (String key : new String[] {keys.address(), keys.pin()}) {
            Count c = read(LOCK, tx, key, now);
            boolean fresh = c.expired(now);
            FAIL.on(tx).set("f", fresh ? 1 : c.failures() + 1).set("w", fresh ? now : c.windowStartedAt())
                    .set("k", key).update();
        }
    }

    /** Forgets counts whose window has passed; run periodically. */
    public int purge(Tx tx, Instant now) {
        return PURGE.on(tx).set("t", now.minus(WINDOW)).update();
    }

    /**
     * The part of a client address its count is kept under: an IPv4 address whole, an IPv6 address by
     * its first 64 bits (an IPv4-mapped one as IPv4); anything unparsable as it came.
     */
    static String addressKey(String address) {
        if (address == null || address.isBlank()) {
            return "";
        }
        String a = address.trim();
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        if (a.indexOf(':') < 0 || !a.matches("[0-9A-Fa-f:.]+")) {
            return a; // IPv4, or not an IP literal at all (never looked up as a host name)
        }
        try {
            InetAddress parsed = InetAddress.getByName(a);
            byte[] bytes = parsed.getAddress();
            if (bytes.length == 4) {
                return parsed.getHostAddress();
            }
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException e) {
            return a; // a malformed literal: counted as it came
        }
    }

    private static Count read(NativeSql sql, Tx tx, String key, Instant now) {
        return sql.on(tx).set("k", key)
                .one(r -> new Count(r.getInt("failures"), r.getInstant("window_started_at")))
                .orElse(new Count(0, now));
    }

    private static Optional<Instant> refusal(Count address, Count pin, Instant now) {
        Instant until = null;
        if (address.spent(ADDRESS_FAILURES, now)) {
            until = address.windowEnd();
        }
        if (pin.spent(PIN_FAILURES, now) && (until == null || pin.windowEnd().isAfter(until))) {
            until = pin.windowEnd();
        }
        return Optional.ofNullable(until);
    }

    private record Count(int failures, Instant windowStartedAt) {
        boolean expired(Instant now) {
            return !now.isBefore(windowEnd());
        }

        boolean spent(int limit, Instant now) {
            return !expired(now) && failures >= limit;
        }

        Instant windowEnd() {
            return windowStartedAt.plus(WINDOW);
        }
    }
}
