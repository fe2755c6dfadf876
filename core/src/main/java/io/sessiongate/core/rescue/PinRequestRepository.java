package io.sessiongate.core.rescue;

import io.sessiongate.core.persistence.NativeSql;
import io.sessiongate.core.persistence.Tx;
import java.time.Duration;
import java.time.Instant;

/**
 * The {@code pin_request} table: when each user last got a PIN code, for requestPINCode's poll rate.
 * The claim is a conditional update, so that two concurrent requests of one user cannot both pass.
 */
public final class PinRequestRepository {

    /** The vendor's rate: one PIN per second per user. */
    public static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

    private static final NativeSql ENSURE = NativeSql.of("""
            INSERT IGNORE INTO pin_request (user_id, last_request_at) VALUES (:user, '1970-01-01 00:00:00')""");

    private static final NativeSql CLAIM = NativeSql.of("""
            UPDATE pin_request SET last_request_at = :now WHERE user_id = :user AND last_request_at <= :cutoff""");

    /** Claims this second for {@code userId}; false when the user had a PIN less than a second ago. */
    public boolean claim(Tx tx, long userId, Instant now) {
        ENSURE.on(tx).set("user", userId).update();
        return CLAIM.on(tx).set("user", userId).set("now", now).set("cutoff", now.minus(MIN_INTERVAL)).update() == 1;
    }
}
