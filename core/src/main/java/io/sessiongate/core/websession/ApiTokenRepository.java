package io.sessiongate.core.websession;

import io.sessiongate.core.account.UserStatus;
import io.sessiongate.core.persistence.NativeSql;
import io.sessiongate.core.persistence.Tx;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every statement on {@code api_token}: an account's API tokens, stored only as their SHA-256.
 * Authentication reads a token by its hash with its user in one indexed read, on every request, so
 * that a revocation or an expiry counts at once on every server process.
 */
public final class ApiTokenRepository {

    /** The prefix of every API token: how a bearer secret is told apart from an auth code or the operator's token. */
    public static final String PREFIX = "sgk_";

    private static final NativeSql CALLER = NativeSql.of("""
            SELECT t.id, t.account_id, t.user_id, t.token_hash, t.expires_at, t.revoked_at, u.status AS user_status
            FROM api_token t JOIN app_user u ON u.id = t.user_id
            WHERE t.token_hash = :hash""");

    private static final NativeSql INSERT = NativeSql.of("""
            INSERT INTO api_token (account_id, user_id, name, token_hash, created_at, expires_at)
            VALUES (:account, :user, :name, :hash, :now, :expires)""");

    private static final NativeSql PAGE = NativeSql.of("""
            SELECT id, user_id, name, created_at, expires_at, revoked_at FROM api_token
            WHERE account_id = :account AND id > :after ORDER BY id LIMIT :limit""");

    private static final NativeSql ONE = NativeSql.of("""
            SELECT id, user_id, name, created_at, expires_at, revoked_at FROM api_token
            WHERE account_id = :account AND id = :id""");

    private static final NativeSql REVOKE = NativeSql.of("""
            UPDATE api_token SET revoked_at = :now WHERE account_id = :account AND id = :id AND revoked_at IS NULL""");

    /** A token as authentication reads it. */
    public record TokenCaller(long id, long accountId, long userId, String tokenHash, Instant expiresAt,
                              Instant revokedAt, UserStatus userStatus) {
    }

    /** A token as the list shows it: never its secret, nor its hash. */
    public record TokenRow(long id, long userId, String name, Instant createdAt, Instant expiresAt, Instant revokedAt) {
    }

    public Optional<TokenCaller> caller(Tx tx, String tokenHash) {
        return CALLER.on(tx).set("hash", tokenHash).one(r -> new TokenCaller(r.getLong("id"), r.getLong("account_id"),
                r.getLong("user_id"), r.getString("token_hash"), r.getInstant("expires_at"),
                r.getInstant("revoked_at"), r.getEnum("user_status", UserStatus.class)));
    }

    /** A new token; its id. */
    public long insert(Tx tx, long accountId, long userId, String name, String tokenHash, Instant now,
                       Instant expiresAt) {
        return INSERT.on(tx).set("account", accountId).set("user", userId).set("name", name).set("hash", tokenHash)
                .set("now", now).set("expires", expiresAt).insert();
    }

    /** Up to {@code limit} of the account's tokens after id {@code afterId}, by id. */
    public List<TokenRow> page(Tx tx, long accountId, long afterId, int limit) {
        return PAGE.on(tx).set("account", accountId).set("after", afterId).set("limit", limit).list(ApiTokenRepository::row);
    }

    public Optional<TokenRow> one(Tx tx, long accountId, long id) {
        return ONE.on(tx).set("account", accountId).set("id", id).one(ApiTokenRepository::row);
    }

    /** Revokes a live token of the account; false when there is none (unknown, another account's, revoked already). */
    public boolean revoke(Tx tx, long accountId, long id, Instant now) {
        return REVOKE.on(tx).set("account", accountId).set("id", id).set("now", now).update() == 1;
    }

    private static TokenRow row(NativeSql.Row r) throws java.sql.SQLException {
        return new TokenRow(r.getLong("id"), r.getLong("user_id"), r.getString("name"), r.getInstant("created_at"),
                r.getInstant("expires_at"), r.getInstant("revoked_at"));
    }
}
