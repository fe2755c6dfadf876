package io.sessiongate.core.websession;

import io.sessiongate.api.apiserver.SessionStatus;
import io.sessiongate.core.account.UserStatus;
import io.sessiongate.core.persistence.NativeSql;
import io.sessiongate.core.persistence.Tx;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every statement on {@code web_session}, the hot table behind the login cookie and the APIServer's
 * sessions: plain JDBC, each write one UPDATE or INSERT of the columns it changes (bumping the
 * version, so that a concurrent Session.Update notices), each read one record mapped by column name.
 */
public final class WebSessionRepository {

    private static final String ACTIVE = "'" + SessionStatus.ACTIVE.code() + "'";

    private static final NativeSql BY_COOKIE = NativeSql.of("""
            SELECT w.id, w.account_id, w.user_id, w.status, w.administrator, w.whole_account, w.folder_group_ids,
                   w.last_request_at, a.web_session_timeout_minutes, u.status AS user_status, u.tech_node_id
            FROM web_session w JOIN account a ON a.id = w.account_id LEFT JOIN app_user u ON u.id = w.user_id
            WHERE w.token_hash = :hash""");

    private static final NativeSql TOUCH = NativeSql.of("""
            UPDATE web_session SET last_request_at = :now, request_count = request_count + 1 WHERE id = :id""");

    private static final NativeSql TIME_OUT = NativeSql.of("""
            UPDATE web_session SET status = :timedOut, version = version + 1 WHERE id = :id AND status = {active}"""
            .replace("{active}", ACTIVE));

    private static final NativeSql BY_TOKEN = NativeSql.of("""
            SELECT w.id, w.account_id, w.user_id, w.status, w.ip_address, w.role_ids, w.folder_list_id,
                   w.last_request_at, a.web_session_timeout_minutes
            FROM web_session w JOIN account a ON a.id = w.account_id WHERE w.token_hash = :hash""");

    private static final NativeSql INSERT = NativeSql.of("""
            INSERT INTO web_session (account_id, user_id, token_hash, ip_address, status, role_ids, administrator,
                                     whole_account, folder_list_id, folder_group_ids, created_at, last_request_at,
                                     request_count, version)
            VALUES (:account, :user, :hash, :ip, {active}, :roles, :admin, :whole, :folders, :groups, :now, :now, 0,
                    0)"""
            .replace("{active}", ACTIVE));

    private static final NativeSql COMPLETE_LOGIN = NativeSql.of("""
            UPDATE web_session
            SET token_hash = :hash, ip_address = COALESCE(:ip, ip_address), last_request_at = :now,
                request_count = request_count + 1, user_id = :user, role_ids = :roles, administrator = :admin,
                whole_account = :whole, folder_list_id = :folders, folder_group_ids = :groups, version = version + 1
            WHERE id = :id AND user_id IS NULL AND status = {active}""".replace("{active}", ACTIVE));

    private static final NativeSql END = NativeSql.of("""
            UPDATE web_session
            SET status = :ended, last_request_at = :now, request_count = request_count + 1, version = version + 1
            WHERE id = :id AND status = {active}""".replace("{active}", ACTIVE));

    private static final NativeSql ACTIVE_OF_USER = NativeSql.of("""
            SELECT id, account_id, ip_address, role_ids, folder_list_id FROM web_session
            WHERE user_id = :user AND status = {active} ORDER BY id FOR UPDATE""".replace("{active}", ACTIVE));

    // An administrator ended it: the request count and last request stay the user's own.
    private static final NativeSql END_BY_ADMINISTRATION = NativeSql.of("""
            UPDATE web_session SET status = :ended, version = version + 1 WHERE id = :id AND status = {active}"""
            .replace("{active}", ACTIVE));

    private static final NativeSql FOR_UPDATE = NativeSql.of("""
            SELECT a.id AS site_account_id, w.id, w.account_id, w.status, w.last_request_at, w.user_id,
                   w.ip_address, w.role_ids, w.administrator, w.whole_account, w.folder_list_id, w.folder_group_ids,
                   w.version, wa.web_session_timeout_minutes,
                   u.id AS found_user_id, u.account_id AS user_account_id, u.status AS user_status
            FROM (SELECT :site AS site, :session AS sid, :user AS uid) k
            LEFT JOIN account a ON a.site_key = k.site
            LEFT JOIN web_session w ON w.id = k.sid
            LEFT JOIN account wa ON wa.id = w.account_id
            LEFT JOIN app_user u ON u.id = k.uid""");

    private static final NativeSql UPDATE = NativeSql.of("""
            UPDATE web_session
            SET user_id = :user, ip_address = :ip, status = :status, role_ids = :roles, administrator = :admin,
                whole_account = :whole, folder_list_id = :folders, folder_group_ids = :groups, version = version + 1
            WHERE id = :id AND version = :version AND status = {active}""".replace("{active}", ACTIVE));

    private static final NativeSql SESSION_DATA = NativeSql.of("""
            SELECT w.id, a.site_key, w.user_id, w.ip_address, w.status, w.role_ids, w.folder_list_id,
                   f.name AS folder_list_name, w.folder_group_ids, w.created_at, w.last_request_at, w.request_count,
                   a.web_session_timeout_minutes
            FROM web_session w JOIN account a ON a.id = w.account_id
            LEFT JOIN folder_list f ON f.id = w.folder_list_id
            WHERE w.id = :id AND w.account_id = :account""");

    private static final NativeSql ROLES = NativeSql.of("""
            SELECT id, name, priority FROM role
            WHERE account_id = :account AND FIND_IN_SET(id, :ids) > 0 ORDER BY priority DESC, id""");

    /** The web session a cookie names, with its user's status, as authentication reads it. */
    public record CookieSession(long id, long accountId, Long userId, SessionStatus status, boolean administrator,
                                boolean wholeAccount, String folderGroupIds, Instant lastRequestAt, Duration timeout,
                                UserStatus userStatus, Long techNodeId) {
    }

    /** An Active web session of a user, as administration ends it. */
    public record ActiveSession(long id, long accountId, String ipAddress, String roleIds, Long folderListId) {
    }

    /** A web session as login and logout read it. */
    public record TokenSession(long id, long accountId, Long userId, SessionStatus status, String ipAddress,
                               String roleIds, Long folderListId, Instant lastRequestAt, Duration timeout) {
    }

    /** What Session.Update's validation reads in one statement: the site, the session and the user named. */
    public record UpdateLookup(Long siteAccountId, Long sessionId, Long sessionAccountId, SessionStatus status,
                               Instant lastRequestAt, Long userId, String ipAddress, String roleIds,
                               boolean administrator, boolean wholeAccount, Long folderListId, String folderGroupIds, long version,
                               Duration timeout, Long foundUserId, Long userAccountId, UserStatus userStatus) {
    }

    /** A session's columns for Session.GetSessionData. */
    public record SessionDataRow(long id, String siteKey, Long userId, String ipAddress, SessionStatus status,
                                 String roleIds, Long folderListId, String folderListName, String folderGroupIds,
                                 Instant createdAt, Instant lastRequestAt, long requestCount, Duration timeout) {
    }

    /** A role of a session's snapshot. */
    public record RoleRow(long id, String name, int priority) {
    }

    /** The values a write of a session's user and access snapshot sets. */
    public record Snapshot(Long userId, String roleIds, boolean administrator, boolean wholeAccount,
                           Long folderListId, String folderGroupIds) {

        /** An anonymous session's until a refresh: no user, no roles, no folder list. */
        public static final Snapshot ANONYMOUS = new Snapshot(null, "", false, false, null, "");

        /** The snapshot of {@code access} for {@code userId}. */
        public static Snapshot of(Long userId, Access access) {
            return new Snapshot(userId, StoredIds.join(access.roleIds()), access.administrator(),
                    access.wholeAccount(), access.folderListId(), StoredIds.join(access.folderGroupIds()));
        }
    }

    public Optional<CookieSession> byCookie(Tx tx, String tokenHash) {
        return BY_COOKIE.on(tx).set("hash", tokenHash).one(r -> new CookieSession(r.getLong("id"),
                r.getLong("account_id"), r.getLong("user_id"), status(r.getString("status")),
                r.getBoolean("administrator"), r.getBoolean("whole_account"), r.getString("folder_group_ids"),
                r.getInstant("last_request_at"), timeout(r),
                r.getEnum("user_status", UserStatus.class), r.getLong("tech_node_id")));
    }

    /** Counts a request on the session (last request, count); never its version, so that it races nothing. */
    public void touch(Tx tx, long id, Instant now) {
        TOUCH.on(tx).set("now", now).set("id", id).defer(); // rides the request's next round trip
    }

    /** Marks an Active session TimedOut; false when it was no longer Active. */
    public boolean timeOut(Tx tx, long id) {
        return TIME_OUT.on(tx).set("timedOut", SessionStatus.TIMED_OUT.code()).set("id", id).update() == 1;
    }

    public Optional<TokenSession> byToken(Tx tx, String tokenHash) {
        return BY_TOKEN.on(tx).set("hash", tokenHash).one(r -> new TokenSession(r.getLong("id"),
                r.getLong("account_id"), r.getLong("user_id"), status(r.getString("status")),
                r.getString("ip_address"), r.getString("role_ids"), r.getLong("folder_list_id"),
                r.getInstant("last_request_at"), timeout(r)));
    }

    /** A new Active session (anonymous when the snapshot's user is null); its surrogate. */
    public long insert(Tx tx, long accountId, String tokenHash, String ipAddress, Instant now, Snapshot snapshot) {
        return INSERT.on(tx)
                .set("account", accountId)
                .set("user", snapshot.userId())
                .set("hash", tokenHash)
                .set("ip", ipAddress)
                .set("roles", snapshot.roleIds())
                .set("admin", snapshot.administrator())
                .set("whole", snapshot.wholeAccount())
                .set("folders", snapshot.folderListId())
                .set("groups", snapshot.folderGroupIds())
                .set("now", now)
                .insert();
    }

    /** Completes an anonymous Active session with a login; false when it is no longer one. */
    public boolean completeLogin(Tx tx, long id, String tokenHash, String ipAddressOrNull, Instant now,
                                 Snapshot snapshot) {
        return COMPLETE_LOGIN.on(tx)
                .set("hash", tokenHash)
                .set("ip", ipAddressOrNull)
                .set("now", now)
                .set("user", snapshot.userId())
                .set("roles", snapshot.roleIds())
                .set("admin", snapshot.administrator())
                .set("whole", snapshot.wholeAccount())
                .set("folders", snapshot.folderListId())
                .set("groups", snapshot.folderGroupIds())
                .set("id", id)
                .update() == 1;
    }

    /** Ends an Active session (logout), counting the request; false when it was no longer Active. */
    public boolean end(Tx tx, long id, Instant now) {
        return END.on(tx).set("ended", SessionStatus.ENDED.code()).set("now", now).set("id", id).update() == 1;
    }

    /** The Active web sessions of {@code userId}, locked until the transaction ends, oldest first. */
    public List<ActiveSession> activeOfUser(Tx tx, long userId) {
        return ACTIVE_OF_USER.on(tx).set("user", userId).list(r -> new ActiveSession(r.getLong("id"),
                r.getLong("account_id"), r.getString("ip_address"), r.getString("role_ids"),
                r.getLong("folder_list_id")));
    }

    /** Ends an Active session on an administrator's change (status E); false when it was no longer Active. */
    public boolean endByAdministration(Tx tx, long id) {
        return END_BY_ADMINISTRATION.on(tx).set("ended", SessionStatus.ENDED.code()).set("id", id).update() == 1;
    }

    /** Session.Update's one read: the site named, the session and the user (each absent when not found). */
    public UpdateLookup forUpdate(Tx tx, String siteKey, Long sessionId, Long userId) {
        return FOR_UPDATE.on(tx).set("site", siteKey).set("session", sessionId).set("user", userId)
                .one(UPDATE_LOOKUP_ROW).orElseThrow(); // the derived table always yields one row
    }

    /**
     * {@link #forUpdate}, asked ahead ({@link NativeSql.Run#ahead}), to travel behind the transaction's next
     * statement in its round trip (Session.Update asks it before authenticating its caller).
     */
    public NativeSql.Ahead<UpdateLookup> forUpdateAhead(Tx tx, String siteKey, Long sessionId, Long userId) {
        return FOR_UPDATE.on(tx).set("site", siteKey).set("session", sessionId).set("user", userId)
                .ahead(UPDATE_LOOKUP_ROW);
    }

    private static final NativeSql.RowMapper<UpdateLookup> UPDATE_LOOKUP_ROW = r -> new UpdateLookup(
            r.getLong("site_account_id"), r.getLong("id"), r.getLong("account_id"), status(r.getString("status")),
            r.getInstant("last_request_at"), r.getLong("user_id"), r.getString("ip_address"), r.getString("role_ids"),
            r.getBoolean("administrator"), r.getBoolean("whole_account"), r.getLong("folder_list_id"),
            r.getString("folder_group_ids"), r.getLong("version") == null ? 0 : r.getLong("version"), timeout(r),
            r.getLong("found_user_id"), r.getLong("user_account_id"), r.getEnum("user_status", UserStatus.class));

    /** Session.Update's write under the version the validation read; false when the session changed since. */
    public boolean update(Tx tx, long id, long version, String ipAddress, SessionStatus status, Snapshot snapshot) {
        return UPDATE.on(tx)
                .set("user", snapshot.userId())
                .set("ip", ipAddress)
                .set("status", status.code())
                .set("roles", snapshot.roleIds())
                .set("admin", snapshot.administrator())
                .set("whole", snapshot.wholeAccount())
                .set("folders", snapshot.folderListId())
                .set("groups", snapshot.folderGroupIds())
                .set("id", id)
                .set("version", version)
                .update() == 1;
    }

    public Optional<SessionDataRow> sessionData(Tx tx, long id, long accountId) {
        return SESSION_DATA.on(tx).set("id", id).set("account", accountId).one(r -> new SessionDataRow(
                r.getLong("id"), r.getString("site_key"), r.getLong("user_id"), r.getString("ip_address"),
                status(r.getString("status")), r.getString("role_ids"), r.getLong("folder_list_id"),
                r.getString("folder_list_name"), r.getString("folder_group_ids"), r.getInstant("created_at"),
                r.getInstant("last_request_at"), r.getLong("request_count"), timeout(r)));
    }

    /** The account's web-session time-out, read with the session. */
    private static Duration timeout(NativeSql.Row r) throws SQLException {
        Long minutes = r.getLong("web_session_timeout_minutes");
        return IdleTimeout.of(minutes == null ? null : minutes.intValue());
    }

    /** The account's roles among {@code roleIds} (stored form), highest priority first. */
    public List<RoleRow> roles(Tx tx, long accountId, String roleIds) {
        return ROLES.on(tx).set("account", accountId).set("ids", roleIds)
                .list(r -> new RoleRow(r.getLong("id"), r.getString("name"), r.getInt("priority")));
    }

    private static SessionStatus status(String code) throws SQLException {
        if (code == null) {
            return null;
        }
        return SessionStatus.parse(code).orElseThrow(() -> new SQLException("unknown web session status " + code));
    }
}
