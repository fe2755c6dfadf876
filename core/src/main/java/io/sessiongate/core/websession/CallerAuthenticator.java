package io.sessiongate.core.websession;

import io.sessiongate.api.apiserver.SessionStatus;
import io.sessiongate.core.event.EventRecorder;
import io.sessiongate.core.persistence.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.hibernate.Session;

/**
 * Establishes the caller of a request from the cookie token, an auth code or an account API token,
 * inside the request's transaction, and decides it against the method's {@link Admission.Policy}:
 * the one authentication step every service method starts with. The cookie path is one indexed read
 * and one touch (last request, count); the auth-code path is one indexed read that derives the roles
 * and folder list live; the API-token path is one indexed read of the token with its user.
 */
public final class CallerAuthenticator {

    private final Clock clock;
    private final EventRecorder events;
    private final WebSessionRepository webSessions;
    private final AuthCodeRepository authCodes;
    private final ApiTokenRepository apiTokens;

    public CallerAuthenticator(Clock clock, EventRecorder events, WebSessionRepository webSessions,
                               AuthCodeRepository authCodes) {
        this(clock, events, webSessions, authCodes, new ApiTokenRepository());
    }

    public CallerAuthenticator(Clock clock, EventRecorder events, WebSessionRepository webSessions,
                               AuthCodeRepository authCodes, ApiTokenRepository apiTokens) {
        this.clock = clock;
        this.events = events;
        this.webSessions = webSessions;
        this.authCodes = authCodes;
        this.apiTokens = apiTokens;
    }

    /** Authenticates {@code credentials} within {@code s}'s transaction and decides them against {@code policy}. */
    public Admission admit(Session s, Credentials credentials, Admission.Policy policy) {
        return Admission.of(authenticate(Tx.of(s), credentials), policy);
    }

    /**
     * Authenticates within {@code tx}'s transaction. An API token, when given, wins over everything;
     * an auth code, when given (non-blank), wins over the cookie, as the vendor API does.
     */
    public Authentication authenticate(Tx tx, Credentials credentials) {
        String authCode = credentials.authCode();
        String cookieToken = credentials.cookieToken();
        if (credentials.apiToken() != null) {
            return byApiToken(tx, credentials.apiToken().trim());
        }
        if (authCode != null && !authCode.isBlank()) {
            return byAuthCode(tx, authCode.trim());
        }
        if (cookieToken != null && !cookieToken.isBlank()) {
            return byCookie(tx, cookieToken.trim());
        }
        return new Authentication.NotLoggedIn();
    }

    private Authentication byAuthCode(Tx tx, String authCode) {
        if (!SecureTokens.looksLikeToken(authCode)) {
            return new Authentication.InvalidAuthCode();
        }
        Optional<AuthCodeRepository.CodeCaller> found = authCodes.caller(tx, SecureTokens.hash(authCode));
        if (found.isEmpty()) {
            return new Authentication.InvalidAuthCode();
        }
        AuthCodeRepository.CodeCaller c = found.get();
        return new Authentication.Authenticated(new Caller(c.userId(), c.accountId(), c.status(), c.techNodeId(), null,
                c.administrator(), c.wholeAccount(), StoredIds.parse(c.folderGroupIds())));
    }

    /**
     * An account API token: valid while neither revoked nor expired. It acts as its user (whose status
     * still counts), as an administrator of the whole account, without a technician node or a web
     * session. An invalid one is refused like a wrong auth code.
     */
    private Authentication byApiToken(Tx tx, String token) {
        if (!token.startsWith(ApiTokenRepository.PREFIX)
                || !SecureTokens.looksLikeToken(token.substring(ApiTokenRepository.PREFIX.length()))) {
            return new Authentication.InvalidAuthCode();
        }
        String hash = SecureTokens.hash(token);
        Optional<ApiTokenRepository.TokenCaller> found = apiTokens.caller(tx, hash);
        Instant now = clock.instant();
        if (found.isEmpty() || !SecureTokens.sameHash(hash, found.get().tokenHash()) || found.get().revokedAt() != null
                || (found.get().expiresAt() != null && !now.isBefore(found.get().expiresAt()))) {
            return new Authentication.InvalidAuthCode();
        }
        ApiTokenRepository.TokenCaller t = found.get();
        return new Authentication.Authenticated(new Caller(t.userId(), t.accountId(), t.userStatus(), null, null,
                true, true, java.util.Set.of()));
    }

    private Authentication byCookie(Tx tx, String token) {
        if (!SecureTokens.looksLikeToken(token)) {
            return new Authentication.NotLoggedIn();
        }
        Optional<WebSessionRepository.CookieSession> found = webSessions.byCookie(tx, SecureTokens.hash(token));
        if (found.isEmpty() || found.get().status() != SessionStatus.ACTIVE) {
            return new Authentication.NotLoggedIn();
        }
        WebSessionRepository.CookieSession w = found.get();
        Instant now = clock.instant();
        if (IdleTimeout.isIdle(w.lastRequestAt(), w.timeout(), now)) {
            IdleTimeout.markTimedOut(tx, webSessions, events, w.id(), w.accountId(), w.userId());
            return new Authentication.NotLoggedIn();
        }
        webSessions.touch(tx, w.id(), now);
        if (w.userId() == null) {
            return new Authentication.NotLoggedIn(); // anonymous: no user has logged in on it yet
        }
        return new Authentication.Authenticated(new Caller(w.userId(), w.accountId(), w.userStatus(), w.techNodeId(),
                w.id(), w.administrator(), w.wholeAccount(), StoredIds.parse(w.folderGroupIds())));
    }
}
