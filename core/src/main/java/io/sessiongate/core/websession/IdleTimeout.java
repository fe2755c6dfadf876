package io.sessiongate.core.websession;

import io.sessiongate.api.apiserver.SessionStatus;
import io.sessiongate.core.event.EventAction;
import io.sessiongate.core.event.EventRecorder;
import io.sessiongate.core.event.ObjectType;
import io.sessiongate.core.persistence.Tx;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The one idle time-out rule of web sessions: a session whose last request is older than its
 * account's web-session time-out ({@code account.web_session_timeout_minutes}, {@link #AFTER} unless
 * the administration API changed it) is TimedOut, whether or not it has been marked yet, and never
 * authenticates again. Every reader (authentication, logout, login completing an anonymous session,
 * Session.Update's validation, Session.GetSessionData) reads the time-out in the same statement as
 * the session and asks here.
 */
public final class IdleTimeout {

    /** How long a web session may stay idle unless its account says otherwise (the column's default). */
    public static final Duration AFTER = Duration.ofMinutes(20);

    private IdleTimeout() {
    }

    /** True when a session last used at {@code lastRequestAt} has timed out by {@code now}, after {@code timeout}. */
    public static boolean isIdle(Instant lastRequestAt, Duration timeout, Instant now) {
        return lastRequestAt.isBefore(now.minus(timeout));
    }

    /** The time-out of an account whose column says {@code minutes} (null, as for a row not found: the default). */
    public static Duration of(Integer minutes) {
        return minutes == null ? AFTER : Duration.ofMinutes(minutes);
    }

    /** Marks an idle Active web session TimedOut, with its event (nothing when it is no longer Active). */
    static void markTimedOut(Tx tx, WebSessionRepository sessions, EventRecorder events, long webSessionId,
                             long accountId, Long userId) {
        if (sessions.timeOut(tx, webSessionId)) {
            events.record(tx, accountId, ObjectType.WEB_SESSION, webSessionId, EventAction.TIMED_OUT,
                    Map.of("status", SessionStatus.ACTIVE.code()), Map.of("status", SessionStatus.TIMED_OUT.code()),
                    userId);
        }
    }
}
