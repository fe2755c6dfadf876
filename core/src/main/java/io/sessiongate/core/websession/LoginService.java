package io.sessiongate.core.websession;

import io.sessiongate.api.apiserver.SessionStatus;
import io.sessiongate.api.rescue.LoginResult;
import io.sessiongate.api.rescue.LogoutResult;
import io.sessiongate.api.rescue.RequestAuthCodeResult;
import io.sessiongate.core.account.PasswordHasher;
import io.sessiongate.core.account.User;
import io.sessiongate.core.account.UserStatus;
import io.sessiongate.core.event.EventRecorder;
import io.sessiongate.core.persistence.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;

/**
 * login, logout and requestAuthCode: the ways a user proves who they are. Passwords are checked
 * with bcrypt; the cookie token and the auth code are random and stored only as hashes.
 */
public final class LoginService {

    private final Database db;
    private final PasswordHasher passwords;
    private final EventRecorder events;
    private final Clock clock;
    private final PasswordAttempts attempts;

    public LoginService(Database db, PasswordHasher passwords, EventRecorder events, Clock clock) {
        this.db = db;
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
        Optional<User> user = Optional.of(match.user());
        String token = SecureTokens.random(SecureTokens.COOKIE_TOKEN_LENGTH);
        return db.inTransaction(s -> {
            User u = s.get(User.class, user.get().getId());
            Optional<Access> access = AccessDerivation.derive(s, u.getAccountId(), u);
            if (access.isEmpty()) {
                // A user with no folder list at all cannot be given a session (WSE0103).
                return LoginOutcome.of(LoginResult.INVALID);
            }
            WebSession session = anonymousSessionToComplete(s, currentCookieToken, u.getAccountId());
            String action = session == null ? "LOGGED_IN" : "LOGIN_COMPLETED";
            Map<String, Object> before = session == null ? null : state(session);
            if (session == null) {
                session = new WebSession(u.getAccountId(), SecureTokens.hash(token), ipAddress, clock.instant());
            } else {
                session.setTokenHash(SecureTokens.hash(token));
                if (ipAddress != null) {
                    session.setIpAddress(ipAddress);
                }
                session.touch(clock.instant());
            }
            session.setUserId(u.getId());
            Access a = access.get();
            session.setAccess(a.roleIds(), a.administrator(), a.folderListId(), a.folderGroupIds());
            s.persist(session);
            s.flush();
            events.record(s, u.getAccountId(), "WEB_SESSION", session.getId(), action, before, state(session), u.getId());
            return new LoginOutcome(LoginResult.OK, token, session.getId());
        });
    }

    /** Ends the web session the cookie names (status E). */
    public LogoutResult logout(String cookieToken) {
        if (!SecureTokens.looksLikeToken(cookieToken)) {
            return LogoutResult.NOT_LOGGED_IN;
        }
        return db.inTransaction(s -> {
            WebSession session = byToken(s, cookieToken);
            if (session == null || session.getStatus() != SessionStatus.ACTIVE || session.getUserId() == null) {
                return LogoutResult.NOT_LOGGED_IN;
            }
            if (isIdle(session)) {
                session.setStatus(SessionStatus.TIMED_OUT);
                events.record(s, session.getAccountId(), "WEB_SESSION", session.getId(), "TIMED_OUT",
                        Map.of("status", "A"), Map.of("status", "T"), session.getUserId());
                return LogoutResult.NOT_LOGGED_IN;
            }
            Map<String, Object> before = state(session);
            session.setStatus(SessionStatus.ENDED);
            session.touch(clock.instant());
            events.record(s, session.getAccountId(), "WEB_SESSION", session.getId(), "LOGGED_OUT", before,
                    state(session), session.getUserId());
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
        Optional<User> user = Optional.of(match.user());
        String code = SecureTokens.random(SecureTokens.AUTH_CODE_LENGTH);
        String hash = SecureTokens.hash(code);
        db.doInTransaction(s -> {
            AuthCode existing = s.get(AuthCode.class, user.get().getId());
            if (existing == null) {
                s.persist(new AuthCode(user.get().getId(), hash, clock.instant()));
            } else {
                existing.replace(hash, clock.instant());
            }
            events.record(s, user.get().getAccountId(), "USER", user.get().getId(), "AUTH_CODE_ISSUED", null, null,
                    user.get().getId());
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

    private WebSession anonymousSessionToComplete(Session s, String cookieToken, Long accountId) {
        if (!SecureTokens.looksLikeToken(cookieToken)) {
            return null;
        }
        WebSession session = byToken(s, cookieToken);
        boolean completable = session != null && session.getUserId() == null
                && session.getStatus() == SessionStatus.ACTIVE && session.getAccountId().equals(accountId)
                && !isIdle(session);
        return completable ? session : null;
    }

    private static WebSession byToken(Session s, String token) {
        return s.createSelectionQuery("from WebSession where tokenHash = :h", WebSession.class)
                .setParameter("h", SecureTokens.hash(token))
                .uniqueResult();
    }

    private boolean isIdle(WebSession session) {
        return session.getLastRequestAt().isBefore(clock.instant().minus(CallerAuthenticator.IDLE_TIMEOUT));
    }

    /** The fields of a web session an event records; never the token. */
    public static Map<String, Object> state(WebSession w) {
        Map<String, Object> m = new HashMap<>();
        m.put("status", w.getStatus().code());
        m.put("userId", w.getUserId());
        m.put("ipAddress", w.getIpAddress());
        m.put("roleIds", WebSession.joinIds(w.getRoleIds()));
        m.put("folderListId", w.getFolderListId());
        return m;
    }
}
