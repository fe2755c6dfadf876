package io.sessiongate.core.rescue;

import io.sessiongate.api.rescue.NodeRef;
import io.sessiongate.api.rescue.TransferSessionResult;
import io.sessiongate.core.account.UserStatus;
import io.sessiongate.core.event.EventAction;
import io.sessiongate.core.event.EventRecorder;
import io.sessiongate.core.event.ObjectType;
import io.sessiongate.core.persistence.Database;
import io.sessiongate.core.persistence.NativeSql;
import io.sessiongate.core.persistence.Tx;
import io.sessiongate.core.websession.Admission;
import io.sessiongate.core.websession.Caller;
import io.sessiongate.core.websession.CallerAuthenticator;
import io.sessiongate.core.websession.Credentials;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * transferSession: an administrator moves a support session to an online technician or into a
 * channel's queue. One short transaction: authenticate (one read, one touch), read the target node
 * and the session together (one read, asked ahead so that it travels with the authentication's), move
 * the session under its version (one update), record the transfer and its event (two inserts). A
 * concurrent transfer of the same session makes the version check fail; the transfer is then decided
 * again on the new state, a bounded number of times, so that both callers get an answer and the
 * history shows both.
 */
public final class TransferService {

    /** The longest comment kept; a longer one is refused rather than cut. */
    public static final int MAX_COMMENT_LENGTH = 1000;

    private static final int ATTEMPTS = 5;

    private final Database db;
    private final CallerAuthenticator authenticator;
    private final EventRecorder events;
    private final Clock clock;
    private final SupportSessionRepository sessions;
    private final TransferRepository transfers;

    public TransferService(Database db, CallerAuthenticator authenticator, EventRecorder events, Clock clock,
                           SupportSessionRepository sessions, TransferRepository transfers) {
        this.db = db;
        this.authenticator = authenticator;
        this.events = events;
        this.clock = clock;
        this.sessions = sessions;
        this.transfers = transfers;
    }

    /** Transfers as the vendor documents it; every outcome is a return code, never an exception but a fault. */
    public TransferSessionResult transfer(Credentials credentials, TransferRequest request) {
        OptionalLong node = RescueParams.id(request.node());
        Optional<NodeRef> nodeRef = RescueParams.nodeRef(request.nodeRef());
        OptionalLong session = RescueParams.id(request.session());
        Long sessionId = session.isPresent() ? session.getAsLong() : null;
        String comment = request.comment() == null ? "" : request.comment();
        return db.inTransaction(s -> {
            Tx tx = Tx.of(s);
            // The target and the session are asked for before the caller is known, so that the read travels
            // behind the authentication's, in its round trip; nothing of it is used unless the caller is admitted.
            NativeSql.Ahead<SupportSessionRepository.TargetAndSession> firstRead = node.isEmpty() || nodeRef.isEmpty()
                    ? null : sessions.targetAndSessionAhead(tx, node.getAsLong(), sessionId);
            Admission admission = authenticator.admit(s, credentials, Admission.Policy.ADMINISTRATOR);
            if (admission instanceof Admission.Refused refused) {
                return refused.refusal().rescueCode(TransferSessionResult.INVALID_SECRET_AUTH_CODE,
                        TransferSessionResult.NOT_LOGGED_IN_AS_ADMIN, TransferSessionResult.USER_DELETED_OR_DISABLED);
            }
            if (firstRead == null) {
                return TransferSessionResult.INVALID_PARAM_NODE;
            }
            Caller caller = ((Admission.Admitted) admission).caller();
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                SupportSessionRepository.TargetAndSession read = attempt == 0 ? firstRead.get().orElseThrow()
                        : sessions.targetAndSession(tx, node.getAsLong(), sessionId);
                Optional<TransferSessionResult> done = attempt(tx, caller, read, node.getAsLong(), nodeRef.get(),
                        comment);
                if (done.isPresent()) {
                    return done.get();
                }
            }
            return TransferSessionResult.ERROR; // the session kept changing under us: ERROR, "such as timeout"
        });
    }

    /** One decision on the state {@code read}; empty when the session changed between the read and the update. */
    private Optional<TransferSessionResult> attempt(Tx tx, Caller caller, SupportSessionRepository.TargetAndSession read,
                                                    long nodeId, NodeRef nodeRef, String comment) {
        Instant now = clock.instant();
        SupportSessionRepository.Target target = read.target();
        if (!Scope.mayTarget(caller, target == null ? null : target.scope(), nodeRef)) {
            return Optional.of(TransferSessionResult.INVALID_PARAM_NODE);
        }
        SupportSessionRepository.SessionToMove session = read.session();
        if (session == null
                || !Scope.maySee(caller, session.accountId(), session.technicianGroupId(), session.channelGroupIds())
                || comment.length() > MAX_COMMENT_LENGTH) {
            return Optional.of(TransferSessionResult.ERROR);
        }
        boolean toTechnician = nodeRef == NodeRef.NODE;
        if (SessionLifecycle.next(session.status(), toTechnician ? SessionLifecycle.Change.TRANSFER_TO_TECHNICIAN
                : SessionLifecycle.Change.TRANSFER_TO_CHANNEL, null).isEmpty()
                || (toTechnician && !canTakeSessions(target, now))) {
            return Optional.of(TransferSessionResult.ACTION_FAILED);
        }
        String storedComment = comment.isEmpty() ? null : comment;
        SupportSessionRepository.Move move = toTechnician
                ? new SupportSessionRepository.Move(SupportSessionStatus.TRANSFERRING, nodeId, session.channelNodeId(),
                        target.name(), storedComment)
                : new SupportSessionRepository.Move(SupportSessionStatus.WAITING, null, nodeId, target.name(),
                        storedComment);
        if (!sessions.move(tx, session, move, now)) {
            return Optional.empty();
        }
        Long from = session.technicianNodeId() != null ? session.technicianNodeId() : session.channelNodeId();
        transfers.insert(tx, caller.accountId(), session.id(), from, nodeId, nodeRef, storedComment, caller.userId(),
                now, session.status(), Duration.between(session.statusChangedAt(), now));
        Map<String, Object> before = new HashMap<>();
        before.put("status", session.status().name());
        before.put("technicianNodeId", session.technicianNodeId());
        before.put("channelNodeId", session.channelNodeId());
        Map<String, Object> after = new HashMap<>();
        after.put("status", move.status().name());
        after.put("technicianNodeId", move.technicianNodeId());
        after.put("channelNodeId", move.channelNodeId());
        after.put("transferredTo", move.transferredTo());
        after.put("transferredComment", move.comment());
        events.record(tx, caller.accountId(), ObjectType.SUPPORT_SESSION, session.id(), EventAction.TRANSFERRED,
                before, after, caller.userId());
        return Optional.of(TransferSessionResult.OK);
    }

    /** An enabled technician whose console is running. */
    static boolean canTakeSessions(SupportSessionRepository.Target target, Instant now) {
        return target.technicianStatus() == UserStatus.ENABLED
                && ConsoleHeartbeat.isRunning(target.lastHeartbeat(), now);
    }
}
