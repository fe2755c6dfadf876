package io.sessiongate.core.report;

import io.sessiongate.core.persistence.NativeSql;
import io.sessiongate.core.persistence.Tx;
import java.time.Duration;
import java.time.Instant;

/**
 * The {@code report_request} table: when each user last got each report, for getReport_v2's poll
 * limit. The claim is a conditional update, so that of two concurrent requests for one report at
 * most one passes, whichever server process each reaches.
 */
public final class ReportRequestRepository {

    private static final NativeSql ENSURE = NativeSql.of("""
            INSERT IGNORE INTO report_request (user_id, report_key, last_request_at)
            VALUES (:user, :key, '1970-01-01 00:00:00')""");

    private static final NativeSql CLAIM = NativeSql.of("""
            UPDATE report_request SET last_request_at = :now
            WHERE user_id = :user AND report_key = :key AND last_request_at <= :cutoff""");

    private static final NativeSql PURGE = NativeSql.of("DELETE FROM report_request WHERE last_request_at < :before");

    /** Claims report {@code key} for {@code userId} now; false when they had it less than {@code window} ago. */
    public boolean claim(Tx tx, long userId, String key, Instant now, Duration window) {
        ENSURE.on(tx).set("user", userId).set("key", key).update();
        return CLAIM.on(tx).set("user", userId).set("key", key).set("now", now).set("cutoff", now.minus(window))
                .update() == 1;
    }

    /** Forgets the requests older than {@code before}: they limit nothing any more. */
    public int purge(Tx tx, Instant before) {
        return PURGE.on(tx).set("before", before).update();
    }
}
