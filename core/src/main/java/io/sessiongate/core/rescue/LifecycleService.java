package io.sessiongate.core.rescue;

import io.sessiongate.api.rescue.CancelActionResult;
import io.sessiongate.api.rescue.CloseSessionResult;
import io.sessiongate.api.rescue.HoldSessionResult;
import io.sessiongate.api.rescue.NodeRef;
import io.sessiongate.api.rescue.StartSessionResult;
import io.sessiongate.core.event.EventAction;
import io.sessiongate.core.event.EventRecorder;
import io.sessiongate.core.event.ObjectType;
import io.sessiongate.core.persistence.Database;
import io.sessiongate.core.persistence.Tx;
import io.sessiongate.core.websession.Admission;
import io.sessiongate.core.websession.Caller;
import io.sessiongate.core.websession.CallerAuthenticator;
import io.sessiongate.core.websession.Credentials;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * startSession, holdSession, closeSession and cancelAction: an administrator changes a support
 * session's status. Each call is one transaction: authenticate, read the session (and for a start
 * the technician) in one statement, ask {@link SessionLifecycle} whether the change is allowed,
 * apply it under the row's version, record one event with the state before and after and who did
 * it. A concurrent change of the same session fails the version check and the call decides again
 * on the new state, a bounded number of times.
 */
public final class LifecycleService {

    private static final int ATTEMPTS = 5;

    /** One decision's outcome; its names are the constants of each method's result enum. */
    private enum Outcome {
        OK, ERROR, NOT_LOGGED_IN_AS_ADMIN, ACTION_FAILED, INVALID_PARAM_SESSION, INVALID_PARAM_NODE,
        INVALID_SECRET_AUTH_CODE, USER_DELETED_OR_DISABLED
    }

    private final Database db;
    private final CallerAuthenticator authenticator;
    private final EventRecorder events;
    private final Clock clock;
    private final SupportSessionRepository sessions;

    public LifecycleService(Database db, CallerAuthenticator authenticator, EventRecorder events, Clock clock,
                            SupportSessionRepository sessions) {
        this.db = db;
        this.authenticator = authenticator;
        this.events = events;
        this.clock = clock;
        this.sessions = sessions;
    }

    /** startSession: {@code node}, a technician the administrator may act on, picks the session up. */
    public StartSessionResult start(Credentials credentials, String session, String node) {
        return StartSessionResult.valueOf(run(credentials, session, node, SessionLifecycle.Change.START).name());
    }

    public HoldSessionResult hold(Credentials credentials, String session) {
        return HoldSessionResult.valueOf(run(credentials, session, null, SessionLifecycle.Change.HOLD).name());
    }

    public CloseSessionResult close(Credentials credentials, String session) {
        return CloseSessionResult.valueOf(run(credentials, session, null, SessionLifecycle.Change.CLOSE).name());
    }

    /** cancelAction: undoes a transfer not yet picked up; ACTIONFAILED when nothing is pending. */
    public CancelActionResult cancelAction(Credentials credentials, String session) {
        return CancelActionResult.valueOf(
                run(credentials, session, null, SessionLifecycle.Change.CANCEL_TRANSFER).name());
    }

    /** What the console's start answered. */
    public enum ConsoleStart {
        OK, NOT_LOGGED_IN, NOT_A_TECHNICIAN, USER_DELETED_OR_DISABLED,
        /** No such session, or not the technician's to start (alike). */
        NOT_FOUND,
        /** The technician's, but not startable from its status (already active, closed). */
        NOT_STARTABLE
    }

    /**
     * The technician's console picks a session up: one Waiting in their own queue or in a channel
     * serving their group, one Transferring to them, or their own session on hold.
     */
    public ConsoleStart startFromConsole(Credentials credentials, long sessionId) {
        return db.inTransaction(s -> {
            Admission admission = authenticator.admit(s, credentials, Admission.Policy.TECHNICIAN);
            if (admission instanceof Admission.Refused refused) {
                return switch (refused.refusal()) {
                    case INVALID_AUTH_CODE, NOT_LOGGED_IN -> ConsoleStart.NOT_LOGGED_IN;
                    case NOT_A_TECHNICIAN, NOT_AN_ADMINISTRATOR -> ConsoleStart.NOT_A_TECHNICIAN;
                    case USER_DISABLED -> ConsoleStart.USER_DELETED_OR_DISABLED;
                };
            }
            Caller caller = ((Admission.Admitted) admission).caller();
            Tx tx = Tx.of(s);
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                Instant now = clock.instant();
                SupportSessionRepository.TargetAndSession read =
                        sessions.targetAndSession(tx, caller.techNodeId(), sessionId);
                SupportSessionRepository.SessionToMove session = read.session();
                if (session == null || read.target() == null || !isTheirs(caller, read.target(), session)) {
                    return ConsoleStart.NOT_FOUND;
                }
                Optional<Outcome> done = apply(tx, caller, session, caller.techNodeId(), SessionLifecycle.Change.START,
                        now);
                if (done.isPresent()) {
                    return done.get() == Outcome.OK ? ConsoleStart.OK : ConsoleStart.NOT_STARTABLE;
                }
            }
            return ConsoleStart.NOT_STARTABLE;
        });
    }

    /** The session is the technician's, or waits in a channel serving the technician's group. */
    private static boolean isTheirs(Caller caller, SupportSessionRepository.Target me,
                                    SupportSessionRepository.SessionToMove session) {
        if (session.accountId() != caller.accountId()) {
            return false;
        }
        if (caller.techNodeId().equals(session.technicianNodeId())) {
            return true;
        }
        return session.technicianNodeId() == null && session.status() == SupportSessionStatus.WAITING
                && session.channelGroupIds().contains(me.scope().parentId());
    }

    private Outcome run(Credentials credentials, String rawSession, String rawNode, SessionLifecycle.Change change) {
        return db.inTransaction(s -> {
            Admission admission = authenticator.admit(s, credentials, Admission.Policy.ADMINISTRATOR);
            if (admission instanceof Admission.Refused refused) {
                return refused.refusal().rescueCode(Outcome.INVALID_SECRET_AUTH_CODE, Outcome.NOT_LOGGED_IN_AS_ADMIN,
                        Outcome.USER_DELETED_OR_DISABLED);
            }
            Caller caller = ((Admission.Admitted) admission).caller();
            OptionalLong session = RescueParams.id(rawSession);
            if (session.isEmpty()) {
                return Outcome.INVALID_PARAM_SESSION;
            }
            Long node = null;
            if (change == SessionLifecycle.Change.START) {
                OptionalLong n = RescueParams.id(rawNode);
                if (n.isEmpty()) {
                    return Outcome.INVALID_PARAM_NODE;
                }
                node = n.getAsLong();
            }
            Tx tx = Tx.of(s);
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                Optional<Outcome> done = attempt(tx, caller, session.getAsLong(), node, change);
                if (done.isPresent()) {
                    return done.get();
                }
            }
            return Outcome.ERROR;
        });
    }

    private Optional<Outcome> attempt(Tx tx, Caller caller, long sessionId, Long nodeId,
                                      SessionLifecycle.Change change) {
        Instant now = clock.instant();
        SupportSessionRepository.TargetAndSession read = sessions.targetAndSession(tx, nodeId, sessionId);
        SupportSessionRepository.Target target = read.target();
        if (nodeId != null && (target == null || !Scope.mayTarget(caller, target.scope(), NodeRef.NODE))) {
            return Optional.of(Outcome.INVALID_PARAM_NODE);
        }
        SupportSessionRepository.SessionToMove session = read.session();
        if (session == null
                || !Scope.maySee(caller, session.accountId(), session.technicianGroupId(), session.channelGroupIds())) {
            return Optional.of(Outcome.ERROR);
        }
        if (nodeId != null && SessionLifecycle.next(session.status(), change, session.beforeTransfer()).isPresent()
                && !TransferService.canTakeSessions(target, now)) {
            return Optional.of(Outcome.ACTION_FAILED);
        }
        return apply(tx, caller, session, nodeId, change, now);
    }

    /** Applies {@code change} if the lifecycle allows it; empty when the session changed since it was read. */
    private Optional<Outcome> apply(Tx tx, Caller caller, SupportSessionRepository.SessionToMove session, Long nodeId,
                                    SessionLifecycle.Change change, Instant now) {
        Optional<SupportSessionStatus> next = SessionLifecycle.next(session.status(), change, session.beforeTransfer());
        if (next.isEmpty()) {
            return Optional.of(Outcome.ACTION_FAILED);
        }
        SupportSessionRepository.Change apply = switch (change) {
            case START -> new SupportSessionRepository.Change(next.get(), nodeId, session.channelNodeId(), nodeId,
                    session.status() == SupportSessionStatus.ON_HOLD && session.pickedUpAt() != null
                            ? session.pickedUpAt() : now, null, false);
            case CANCEL_TRANSFER -> new SupportSessionRepository.Change(next.get(),
                    session.beforeTransferTechnicianId(), session.beforeTransferChannelId(),
                    session.pickedUpByNodeId(), session.pickedUpAt(), null, true);
            default -> new SupportSessionRepository.Change(next.get(), session.technicianNodeId(),
                    session.channelNodeId(), session.pickedUpByNodeId(), session.pickedUpAt(),
                    next.get().isFinal() ? now : null, false);
        };
        if (!sessions.change(tx, session.id(), session.version(), apply, now)) {
            return Optional.empty();
        }
        Map<String, Object> before = new HashMap<>();
        before.put("status", session.status().name());
        before.put("technicianNodeId", session.technicianNodeId());
        before.put("channelNodeId", session.channelNodeId());
        Map<String, Object> after = new HashMap<>();
        after.put("status", apply.status().name());
        after.put("technicianNodeId", apply.technicianNodeId());
        after.put("channelNodeId", apply.channelNodeId());
        events.record(tx, caller.accountId(), ObjectType.SUPPORT_SESSION, session.id(), action(change), before, after,
                caller.userId());
        return Optional.of(Outcome.OK);
    }

    private static EventAction action(SessionLifecycle.Change change) {
        return switch (change) {
            case START -> EventAction.STARTED;
            case HOLD -> EventAction.HELD;
            case CANCEL_TRANSFER -> EventAction.ACTION_CANCELLED;
            default -> EventAction.CLOSED;
        };
    }
}
