package io.sessiongate.core.websession;

import static io.sessiongate.core.persistence.NativeRows.toBoolean;
import static io.sessiongate.core.persistence.NativeRows.toLong;

import io.sessiongate.api.apiserver.SessionStatus;
import io.sessiongate.core.account.UserStatus;
import io.sessiongate.core.event.EventRecorder;
import io.sessiongate.core.persistence.NativeSql;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.hibernate.Session;

/**
 * Establishes the caller of a request from the cookie token or an auth code, inside the
 * request's transaction. The cookie path is one indexed read and one touch (last request, count);
 * the auth-code path is one indexed read that derives the roles and folder list live.
 */
public final class CallerAuthenticator {

    /** A web session idle this long is TimedOut and never authenticates again. */
    public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(20);

    /** Public so that the benchmark's database ceiling issues exactly this statement. */
    public static final NativeSql BY_COOKIE = NativeSql.of("""
            SELECT w.id, w.account_id, w.user_id, w.status, w.administrator, w.folder_group_ids,
                   w.last_request_at < :cutoff AS idle, u.status AS user_status, u.tech_node_id
            FROM web_session w LEFT JOIN app_user u ON u.id = w.user_id
            WHERE w.token_hash = :hash""");

    /** Public so that the benchmark's database ceiling issues exactly this statement. */
    public static final NativeSql TOUCH = NativeSql.of("""
            UPDATE web_session SET last_request_at = :now, request_count = request_count + 1 WHERE id = :id""");

    private static final NativeSql TIME_OUT = NativeSql.of("""
            UPDATE web_session SET status = 'T', version = version + 1 WHERE id = :id AND status = 'A'""");

    // The folder list is the user's own, else the highest-priority role's: AccessDerivation in SQL,
    // so that an auth-code request costs one read.
    /** Public so that the benchmark's database ceiling issues exactly this statement. */
    public static final NativeSql BY_AUTH_CODE = NativeSql.of("""
            SELECT u.id, u.account_id, u.status, u.tech_node_id,
                   EXISTS (SELECT 1 FROM user_role ur JOIN role r ON r.id = ur.role_id
                           WHERE ur.user_id = u.id AND r.account_id = u.account_id
                             AND r.kind IN ('ADMINISTRATOR', 'MASTER_ADMINISTRATOR')) AS administrator,
                   (SELECT GROUP_CONCAT(g.group_id ORDER BY g.group_id) FROM folder_list_group g
                    WHERE g.folder_list_id = COALESCE(u.folder_list_id,
                          (SELECT r.folder_list_id FROM user_role ur JOIN role r ON r.id = ur.role_id
                           WHERE ur.user_id = u.id AND r.account_id = u.account_id
                           ORDER BY r.priority DESC, r.id LIMIT 1))) AS folder_group_ids
            FROM auth_code a JOIN app_user u ON u.id = a.user_id
            WHERE a.code_hash = :hash""");

    private final Clock clock;
    private final EventRecorder events;

    public CallerAuthenticator(Clock clock, EventRecorder events) {
        this.clock = clock;
        this.events = events;
    }

    /** Authenticates {@code credentials} within {@code s}'s transaction. */
    public Authentication authenticate(Session s, Credentials credentials) {
        return authenticate(s, credentials.cookieToken(), credentials.authCode());
    }

    /**
     * Authenticates within {@code s}'s transaction. An auth code, when given (non-blank), wins over
     * the cookie, as the vendor API does.
     */
    public Authentication authenticate(Session s, String cookieToken, String authCode) {
        if (authCode != null && !authCode.isBlank()) {
            return byAuthCode(s, authCode.trim());
        }
        if (cookieToken != null && !cookieToken.isBlank()) {
            return byCookie(s, cookieToken.trim());
        }
        return new Authentication.NotLoggedIn();
    }

    private Authentication byAuthCode(Session s, String authCode) {
        if (!SecureTokens.looksLikeToken(authCode)) {
            return new Authentication.InvalidAuthCode();
        }
        Object[] row = BY_AUTH_CODE.on(s).set("hash", SecureTokens.hash(authCode)).one();
        if (row == null) {
            return new Authentication.InvalidAuthCode();
        }
        return new Authentication.Authenticated(new Caller(
                toLong(row[0]), toLong(row[1]), UserStatus.valueOf((String) row[2]), toLong(row[3]), null,
                toBoolean(row[4]), WebSession.parseIds((String) row[5])));
    }

    private Authentication byCookie(Session s, String token) {
        if (!SecureTokens.looksLikeToken(token)) {
            return new Authentication.NotLoggedIn();
        }
        Instant now = clock.instant();
        Object[] row = BY_COOKIE.on(s)
                .set("cutoff", now.minus(IDLE_TIMEOUT))
                .set("hash", SecureTokens.hash(token))
                .one();
        if (row == null || !SessionStatus.ACTIVE.code().equals(String.valueOf(row[3]))) {
            return new Authentication.NotLoggedIn();
        }
        Long webSessionId = toLong(row[0]);
        Long accountId = toLong(row[1]);
        if (toBoolean(row[6])) {
            timeOut(s, webSessionId, accountId, row[2] == null ? null : toLong(row[2]));
            return new Authentication.NotLoggedIn();
        }
        TOUCH.on(s).set("now", now).set("id", webSessionId).update();
        if (row[2] == null) {
            return new Authentication.NotLoggedIn(); // anonymous: no user has logged in on it yet
        }
        return new Authentication.Authenticated(new Caller(
                toLong(row[2]), accountId, UserStatus.valueOf((String) row[7]), row[8] == null ? null : toLong(row[8]),
                webSessionId, toBoolean(row[4]), WebSession.parseIds((String) row[5])));
    }

    /** Marks an idle web session TimedOut, with its event. */
    void timeOut(Session s, Long webSessionId, Long accountId, Long userId) {
        int changed = TIME_OUT.on(s).set("id", webSessionId).update();
        if (changed == 1) {
            events.record(s, accountId, "WEB_SESSION", webSessionId, "TIMED_OUT",
                    Map.of("status", "A"), Map.of("status", "T"), userId);
        }
    }
}
