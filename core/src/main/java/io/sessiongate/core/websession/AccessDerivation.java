package io.sessiongate.core.websession;

import io.sessiongate.core.account.RoleKind;
import io.sessiongate.core.persistence.NativeSql;
import io.sessiongate.core.persistence.Tx;
import java.util.Optional;

/**
 * Derives a web session's roles and folder list, as WebsydianExpress does: the roles are the
 * user's (the site's anonymous roles when there is no user); the folder list is the user's own,
 * else that of the role with the highest priority (lowest role ID on a tie), and only one of the
 * session's account. The rule is written once, as SQL fragments, so that the auth-code
 * authentication (which derives it inside its one read) and login and Session.Update's refresh
 * (which store it as the session's snapshot) cannot disagree.
 */
public final class AccessDerivation {

    private static final NativeSql OF_USER = derivation(
            roles(":user", ":account"), "(SELECT u.folder_list_id FROM app_user u WHERE u.id = :user)");

    private static final NativeSql ANONYMOUS = derivation("r.account_id = :account AND r.anonymous", null);

    private AccessDerivation() {
    }

    /** The roles of {@code user} (an SQL expression) that count: those of its account {@code account}. */
    static String roles(String user, String account) {
        return "r.account_id = " + account + " AND r.id IN (SELECT ur.role_id FROM user_role ur WHERE ur.user_id = "
                + user + ")";
    }

    /** Whether any of the roles {@code roleFilter} selects (over {@code role r}) administers. */
    static String administers(String roleFilter) {
        return "EXISTS (SELECT 1 FROM role r WHERE " + roleFilter + " AND r.kind IN (" + RoleKind.administeringAsSql()
                + "))";
    }

    /** Whether any of the roles {@code roleFilter} selects acts on the whole account (a master administrator). */
    static String wholeAccount(String roleFilter) {
        return "EXISTS (SELECT 1 FROM role r WHERE " + roleFilter + " AND r.kind IN (" + RoleKind.wholeAccountAsSql()
                + "))";
    }

    /** The folder list: {@code own} (an SQL expression, or null for none), else the highest-priority role's. */
    static String folderList(String own, String roleFilter) {
        String byRole = "(SELECT r.folder_list_id FROM role r WHERE " + roleFilter
                + " ORDER BY r.priority DESC, r.id LIMIT 1)";
        return own == null ? byRole : "COALESCE(" + own + ", " + byRole + ")";
    }

    /** The groups of folder list {@code folderList} (an SQL expression) when it is one of {@code account}'s. */
    static String groups(String folderList, String account) {
        return "(SELECT GROUP_CONCAT(g.group_id ORDER BY g.group_id) FROM folder_list_group g"
                + " JOIN folder_list fl ON fl.id = g.folder_list_id WHERE fl.account_id = " + account
                + " AND g.folder_list_id = " + folderList + ")";
    }

    private static NativeSql derivation(String roleFilter, String own) {
        return NativeSql.of("SELECT (SELECT GROUP_CONCAT(r.id ORDER BY r.id) FROM role r WHERE " + roleFilter
                + ") AS role_ids, " + administers(roleFilter) + " AS administrator, " + wholeAccount(roleFilter)
                + " AS whole_account, f.id AS folder_list_id, "
                + groups("f.id", ":account") + " AS folder_group_ids"
                + " FROM (SELECT " + folderList(own, roleFilter) + " AS fid) k"
                + " LEFT JOIN folder_list f ON f.id = k.fid AND f.account_id = :account");
    }

    /**
     * The access of {@code userIdOrNull} in {@code accountId} (the anonymous roles' when null); empty when
     * no folder list can be found (WSE0103 "No folder list found").
     */
    public static Optional<Access> derive(Tx tx, long accountId, Long userIdOrNull) {
        NativeSql.Run run = userIdOrNull == null ? ANONYMOUS.on(tx).set("account", accountId)
                : OF_USER.on(tx).set("account", accountId).set("user", userIdOrNull);
        return run.one(r -> r.getLong("folder_list_id") == null ? Optional.<Access>empty()
                        : Optional.of(new Access(StoredIds.parse(r.getString("role_ids")), r.getBoolean("administrator"),
                                r.getBoolean("whole_account"), r.getLong("folder_list_id"),
                                StoredIds.parse(r.getString("folder_group_ids")))))
                .flatMap(access -> access);
    }
}
