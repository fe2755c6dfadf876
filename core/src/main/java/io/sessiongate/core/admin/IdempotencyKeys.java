package io.sessiongate.core.admin;

import io.sessiongate.core.persistence.Database;
import io.sessiongate.core.persistence.NativeSql;
import io.sessiongate.core.persistence.Tx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code Idempotency-Key}s of the administration API's creating POSTs, in the database so that a
 * retry reaching another process finds the first request. A key is claimed before the work (one
 * INSERT that only one request wins), then completed with the reply, which a retry with the same key
 * and the same request gets again for {@link #KEPT} (the maintenance task purges older keys). A claim
 * whose work never completed (its process died) may be taken over after {@link #ABANDONED}.
 */
public final class IdempotencyKeys {

    /** How long a key and its reply are kept. */
    public static final Duration KEPT = Duration.ofHours(24);
    /** After how long a claim that never completed counts as abandoned. */
    public static final Duration ABANDONED = Duration.ofSeconds(60);

    private static final NativeSql CLAIM = NativeSql.of("""
            INSERT IGNORE INTO idempotency_key (principal, idem_key, request_hash, created_at)
            VALUES (:principal, :key, :hash, :now)""");
    private static final NativeSql READ = NativeSql.of("""
            SELECT request_hash, status, content_type, location, body, created_at, completed_at FROM idempotency_key
            WHERE principal = :principal AND idem_key = :key""");
    private static final NativeSql TAKE_OVER = NativeSql.of("""
            UPDATE idempotency_key SET created_at = :now
            WHERE principal = :principal AND idem_key = :key AND request_hash = :hash AND completed_at IS NULL
              AND created_at < :abandoned""");
    private static final NativeSql COMPLETE = NativeSql.of("""
            UPDATE idempotency_key SET status = :status, content_type = :type, location = :location, body = :body,
                                       completed_at = :now
            WHERE principal = :principal AND idem_key = :key""");
    private static final NativeSql RELEASE = NativeSql.of("""
            DELETE FROM idempotency_key WHERE principal = :principal AND idem_key = :key AND completed_at IS NULL""");
    private static final NativeSql PURGE = NativeSql.of("""
            DELETE FROM idempotency_key WHERE created_at < :before LIMIT 10000""");

    private final Database db;
    private final Clock clock;

    public IdempotencyKeys(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The stored reply of a completed request. */
    public record Reply(int status, String contentType, String location, String body) {
    }

    /** What claiming a key found. */
    public sealed interface Claim {
        /** The key is this request's now: do the work, then {@link #complete} (or {@link #release}). */
        record Claimed() implements Claim {
        }

        /** The same request was done before: answer its reply again. */
        record Replay(Reply reply) implements Claim {
        }

        /** The key was used for a different request (another path or body). */
        record Mismatch() implements Claim {
        }

        /** The same request is being done right now (by this or another process). */
        record InProgress() implements Claim {
        }
    }

    public Claim claim(String principal, String key, String requestHash) {
        return db.inTransaction(s -> {
            Tx tx = Tx.of(s);
            Instant now = clock.instant();
            if (CLAIM.on(tx).set("principal", principal).set("key", key).set("hash", requestHash).set("now", now)
                    .update() == 1) {
                return new Claim.Claimed();
            }
            Optional<Claim> found = READ.on(tx).set("principal", principal).set("key", key).one(r -> {
                if (!r.getString("request_hash").equals(requestHash)) {
                    return new Claim.Mismatch();
                }
                if (r.getInstant("completed_at") != null) {
                    return new Claim.Replay(new Reply(r.getInt("status"), r.getString("content_type"),
                            r.getString("location"), r.getString("body")));
                }
                return new Claim.InProgress();
            });
            if (found.isEmpty()) {
                return new Claim.InProgress(); // purged between the two statements: let the caller retry
            }
            if (found.get() instanceof Claim.InProgress && TAKE_OVER.on(tx).set("principal", principal)
                    .set("key", key).set("hash", requestHash).set("now", now)
                    .set("abandoned", now.minus(ABANDONED)).update() == 1) {
                return new Claim.Claimed();
            }
            return found.get();
        });
    }

    /** Stores the reply of a claimed key's request. */
    public void complete(String principal, String key, Reply reply) {
        db.doInTransaction(s -> COMPLETE.on(Tx.of(s)).set("status", reply.status()).set("type", reply.contentType())
                .set("location", reply.location()).set("body", reply.body()).set("now", clock.instant())
                .set("principal", principal).set("key", key).update());
    }

    /** Gives a claimed key up (its request failed without an answer worth keeping): a retry may do it again. */
    public void release(String principal, String key) {
        db.doInTransaction(s -> RELEASE.on(Tx.of(s)).set("principal", principal).set("key", key).update());
    }

    /** Forgets keys older than {@link #KEPT}; the number forgotten. Run periodically. */
    public int purge() {
        return db.inTransaction(s -> PURGE.on(Tx.of(s)).set("before", clock.instant().minus(KEPT)).update());
    }
}
