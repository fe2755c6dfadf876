package io.sessiongate.core.websession;

import io.sessiongate.core.account.UserStatus;
import io.sessiongate.core.persistence.NativeSql;
import io.sessiongate.core.persistence.Tx;
import java.time.Instant;
import java.util.Optional;

/** Every statement on {@code auth_code}: one live code per user, stored only as its SHA-256. */
public final class AuthCodeRepository {

    // The caller and their access, derived live by AccessDerivation's rule, in the one read an auth-code request costs.
    private static final NativeSql CALLER = NativeSql.of("""
            SELECT u.id, u.account_id, u.status, u.tech_node_id, {administers} AS administrator,
                   {wholeAccount} AS whole_account, {groups} AS folder_group_ids
            FROM auth_code a JOIN app_user u ON u.id = a.user_id
            WHERE a.code_hash = :hash"""
            .replace("{administers}", AccessDerivation.administers(AccessDerivation.roles("u.id", "u.account_id")))
            .replace("{wholeAccount}", AccessDerivation.wholeAccount(AccessDerivation.roles("u.id", "u.account_id")))
            .replace("{groups}", AccessDerivation.groups(AccessDerivation.folderList("u.folder_list_id",
                    AccessDerivation.roles("u.id", "u.account_id")), "u.account_id")));

    private static final NativeSql REPLACE = NativeSql.of("""
            INSERT INTO auth_code (user_id, code_hash, created_at) VALUES (:user, :hash, :now)
            ON DUPLICATE KEY UPDATE code_hash = VALUES(code_hash), created_at = VALUES(created_at)""");

    /** The user an auth code belongs to, with what they may do. */
    public record CodeCaller(long userId, long accountId, UserStatus status, Long techNodeId, boolean administrator,
                             boolean wholeAccount, String folderGroupIds) {
    }

    public Optional<CodeCaller> caller(Tx tx, String codeHash) {
        return CALLER.on(tx).set("hash", codeHash).one(r -> new CodeCaller(r.getLong("id"), r.getLong("account_id"),
                r.getEnum("status", UserStatus.class), r.getLong("tech_node_id"), r.getBoolean("administrator"),
                r.getBoolean("whole_account"), r.getString("folder_group_ids")));
    }

    private static final NativeSql REVOKE = NativeSql.of("DELETE FROM auth_code WHERE user_id = :user");

    /** Invalidates the user's code at once (the user was disabled or deleted); false when they had none. */
    public boolean revoke(Tx tx, long userId) {
        return REVOKE.on(tx).set("user", userId).update() > 0;
    }

    /** Makes {@code codeHash} the user's one code, replacing (and so invalidating) the previous one. */
    public void replace(Tx tx, long userId, String codeHash, Instant now) {
        REPLACE.on(tx).set("user", userId).set("hash", codeHash).set("now", now).update();
    }
}
