package io.sessiongate.core.websession;

import io.sessiongate.api.apiserver.SessionStatus;
import io.sessiongate.api.rescue.LoginResult;
import io.sessiongate.api.rescue.LogoutResult;
import io.sessiongate.api.rescue.RequestAuthCodeResult;
import io.sessiongate.core.account.PasswordHasher;
import io.sessiongate.core.account.User;
import io.sessiongate.core.account.UserStatus;
import io.sessiongate.core.event.EventAction;
import io.sessiongate.core.event.EventRecorder;
import io.sessiongate.core.event.ObjectType;
import io.sessiongate.core.persistence.Database;
import io.sessiongate.core.persistence.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * login, logout and requestAuthCode: the ways a user proves who they are. Passwords are checked
 * with bcrypt; the cookie token and the auth code are random and stored only as hashes.
 */
public final class LoginService {

    private final Database db;
    private final PasswordHasher passwords;
    private final EventRecorder events;
    private final Clock clock;
    private final WebSessionRepository webSessions;
    private final AuthCodeRepository authCodes;
    private final PasswordAttempts attempts;

    public LoginService(Database db, PasswordHasher passwords, EventRecorder events, Clock clock,
                        WebSessionRepository webSessions, AuthCodeRepository authCodes) {
        this.db = db;
        this.webSessions = webSessions;
        this.authCodes = authCodes;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
        this.attempts = new PasswordAttempts(db, clock);
    }

    /** What checking a password found; {@code LIMITED} when {@link PasswordAttempts} said wait. */
    public sealed interface Verified {
        record Match(User user) implements Verified {
        }

        record NoMatch() implements Verified {
        }

        record Limited() implements Verified {
        }
    }

    /**
     * The one way to check a password (login, requestAuthCode, over HTTP and SOAP; the admin page
     * is to use it too): through the shared limit of {@link PasswordAttempts}.
     */
    public Verified verifyPassword(String email, String password, String ipAddress) {
        if (email == null || email.isBlank() || email.length() > 254 || password == null) {
            return new Verified.NoMatch();
        }
        Optional<PasswordAttempts.Permit> permit = attempts.begin(email, ipAddress);
        if (permit.isEmpty()) {
            return new Verified.Limited();
        }
        Optional<User> user = verify(email.trim().toLowerCase(Locale.ROOT), password);
        if (user.isEmpty()) {
            return new Verified.NoMatch();
        }
        permit.get().succeeded();
        return new Verified.Match(user.get());
    }

    /** The outcome of requestAuthCode: the code when {@code result} is OK, else null. */
    public record AuthCodeOutcome(RequestAuthCodeResult result, String code) {
    }

    /**
     * The outcome of a login.
     *
     * @param cookieToken the new value of the login cookie when {@code result} is OK, else null
     */
    public record LoginOutcome(LoginResult result, String cookieToken, Long webSessionId) {
        static LoginOutcome of(LoginResult result) {
            return new LoginOutcome(result, null, null);
        }
    }

    /**
     * Logs a user in: counts the call against the email's limit (in the database, so that it holds
     * across server processes), checks the password, and creates a web session, or completes the
     * anonymous one that {@code currentCookieToken} names. The cookie value changes at every login.
     */
    public LoginOutcome login(String email, String password, String currentCookieToken, String ipAddress) {
        Verified verified = verifyPassword(email, password, ipAddress);
        if (verified instanceof Verified.Limited) {
            return LoginOutcome.of(LoginResult.LIMIT_REACHED);
        }
        if (!(verified instanceof Verified.Match match)) {
            return LoginOutcome.of(LoginResult.INVALID);
        }
        User u = match.user();
        String token = SecureTokens.random(SecureTokens.COOKIE_TOKEN_LENGTH);
        String tokenHash = SecureTokens.hash(token);
        return db.inTransaction(s -> {
            Tx tx = Tx.of(s);
            Optional<Access> access = AccessDerivation.derive(tx, u.getAccountId(), u.getId());
            if (access.isEmpty()) {
                // A user with no folder list at all cannot be given a session (WSE0103).
                return LoginOutcome.of(LoginResult.INVALID);
            }
            WebSessionRepository.Snapshot snapshot = WebSessionRepository.Snapshot.of(u.getId(), access.get());
            Instant now = clock.instant();
            Optional<WebSessionRepository.TokenSession> anonymous = anonymousSessionToComplete(tx, currentCookieToken,
                    u.getAccountId(), now);
            if (anonymous.isPresent() && webSessions.completeLogin(tx, anonymous.get().id(), tokenHash, ipAddress, now,
                    snapshot)) {
                WebSessionRepository.TokenSession before = anonymous.get();
                events.record(tx, u.getAccountId(), ObjectType.WEB_SESSION, before.id(), EventAction.LOGIN_COMPLETED,
                        state(SessionStatus.ACTIVE, before.userId(), before.ipAddress(), before.roleIds(),
                                before.folderListId()),
                        state(SessionStatus.ACTIVE, u.getId(), ipAddress != null ? ipAddress : before.ipAddress(),
                                snapshot.roleIds(), snapshot.folderListId()), u.getId());
                return new LoginOutcome(LoginResult.OK, token, before.id());
            }
            long id = webSessions.insert(tx, u.getAccountId(), tokenHash, ipAddress, now, snapshot);
            events.record(tx, u.getAccountId(), ObjectType.WEB_SESSION, id, EventAction.LOGGED_IN, null,
                    state(SessionStatus.ACTIVE, u.getId(), ipAddress, snapshot.roleIds(), snapshot.folderListId()),
                    u.getId());
            return new LoginOutcome(LoginResult.OK, token, id);
        });
    }

    /** Ends the web session the cookie names (status E). */
    public LogoutResult logout(String cookieToken) {
        if (!SecureTokens.looksLikeToken(cookieToken)) {
            return LogoutResult.NOT_LOGGED_IN;
        }
        return db.inTransaction(s -> {
            Tx tx = Tx.of(s);
            Optional<WebSessionRepository.TokenSession> found = webSessions.byToken(tx, SecureTokens.hash(cookieToken));
            if (found.isEmpty() || found.get().status() != SessionStatus.ACTIVE || found.get().userId() == null) {
                return LogoutResult.NOT_LOGGED_IN;
            }
            WebSessionRepository.TokenSession w = found.get();
            Instant now = clock.instant();
            if (IdleTimeout.isIdle(w.lastRequestAt(), w.timeout(), now)) {
                IdleTimeout.markTimedOut(tx, webSessions, events, w.id(), w.accountId(), w.userId());
                return LogoutResult.NOT_LOGGED_IN;
            }
            if (!webSessions.end(tx, w.id(), now)) {
                return LogoutResult.NOT_LOGGED_IN; // ended or timed out by a concurrent request
            }
            events.record(tx, w.accountId(), ObjectType.WEB_SESSION, w.id(), EventAction.LOGGED_OUT,
                    state(SessionStatus.ACTIVE, w.userId(), w.ipAddress(), w.roleIds(), w.folderListId()),
                    state(SessionStatus.ENDED, w.userId(), w.ipAddress(), w.roleIds(), w.folderListId()), w.userId());
            return LogoutResult.OK;
        });
    }

    /**
     * Issues a new auth code for the user, replacing (and so invalidating) the previous one.
     *
     * {@code POLLRATEEXCEEDED} when the password limit says wait (the code the vendor's SOAP type
     * has for requestAuthCode), {@code INVALID} when email and password do not identify an enabled user.
     */
    public AuthCodeOutcome requestAuthCode(String email, String password, String ipAddress) {
        Verified verified = verifyPassword(email, password, ipAddress);
        if (verified instanceof Verified.Limited) {
            return new AuthCodeOutcome(RequestAuthCodeResult.POLL_RATE_EXCEEDED, null);
        }
        if (!(verified instanceof Verified.Match match)) {
            return new AuthCodeOutcome(RequestAuthCodeResult.INVALID, null);
        }
        User user = match.user();
        String code = SecureTokens.random(SecureTokens.AUTH_CODE_LENGTH);
        String hash = SecureTokens.hash(code);
        db.doInTransaction(s -> {
            Tx tx = Tx.of(s);
            authCodes.replace(tx, user.getId(), hash, clock.instant());
            events.record(tx, user.getAccountId(), ObjectType.USER, user.getId(), EventAction.AUTH_CODE_ISSUED, null,
                    null, user.getId());
        });
        return new AuthCodeOutcome(RequestAuthCodeResult.OK, code);
    }

    /** Forgets password failures past their forgetting time; run periodically. */
    public int purgeExpiredAttempts() {
        return attempts.purge();
    }

    /** The enabled user with this email whose password matches; the same time is spent when none does. */
    private Optional<User> verify(String email, String password) {
        List<User> candidates = db.inTransaction(s -> s.createSelectionQuery(
                        "from User where email = :e and status = :st order by id", User.class)
                .setParameter("e", email)
                .setParameter("st", UserStatus.ENABLED)
                .getResultList());
        if (candidates.isEmpty()) {
            passwords.matchNothing(password);
            return Optional.empty();
        }
        return candidates.stream().filter(u -> passwords.matches(password, u.getPasswordHash())).findFirst();
    }

    private Optional<WebSessionRepository.TokenSession> anonymousSessionToComplete(Tx tx, String cookieToken,
                                                                                 Long accountId, Instant now) {
        if (!SecureTokens.looksLikeToken(cookieToken)) {
            return Optional.empty();
        }
        return webSessions.byToken(tx, SecureTokens.hash(cookieToken))
                .filter(w -> w.userId() == null && w.status() == SessionStatus.ACTIVE
                        && w.accountId() == accountId && !IdleTimeout.isIdle(w.lastRequestAt(), w.timeout(), now));
    }

    /** The fields of a web session an event records; never the token. */
    static Map<String, Object> state(SessionStatus status, Long userId, String ipAddress, String roleIds,
                                     Long folderListId) {
        Map<String, Object> m = new HashMap<>();
        m.put("status", status.code());
        m.put("userId", userId);
        m.put("ipAddress", ipAddress);
        m.put("roleIds", roleIds);
        m.put("folderListId", folderListId);
        return m;
    }
}
