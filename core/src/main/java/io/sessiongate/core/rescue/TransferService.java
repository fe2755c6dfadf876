package io.sessiongate.core.rescue;

import static io.sessiongate.core.persistence.NativeRows.toBoolean;
import static io.sessiongate.core.persistence.NativeRows.toLong;

import io.sessiongate.api.rescue.NodeRef;
import io.sessiongate.api.rescue.TransferSessionResult;
import io.sessiongate.core.account.UserStatus;
import io.sessiongate.core.event.EventRecorder;
import io.sessiongate.core.persistence.Database;
import io.sessiongate.core.persistence.NativeSql;
import io.sessiongate.core.websession.Caller;
import io.sessiongate.core.websession.CallerAuthenticator;
import io.sessiongate.core.websession.Credentials;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.hibernate.Session;

/**
 * transferSession: an administrator moves a support session to an online technician or into a
 * channel's queue. One short transaction: authenticate (one read, one touch), read the target node
 * and the session together (one read), move the session under its version (one update), record the
 * transfer and its event (two inserts). A concurrent transfer of the same session makes the
 * version check fail; the transfer is then decided again on the new state, a bounded number of
 * times, so that both callers get an answer and the history shows both.
 */
public final class TransferService {

    /** The longest comment kept; a longer one is refused rather than cut. */
    public static final int MAX_COMMENT_LENGTH = 1000;

    private static final int ATTEMPTS = 5;

    private static final RescueCaller.Refusals<TransferSessionResult> REFUSALS = new RescueCaller.Refusals<>(
            TransferSessionResult.INVALID_SECRET_AUTH_CODE, TransferSessionResult.NOT_LOGGED_IN_AS_ADMIN,
            TransferSessionResult.USER_DELETED_OR_DISABLED, true);

    // One read for both the target node and the session, each with what its scope check needs.
    /** Public so that the benchmark's database ceiling issues exactly this statement. */
    public static final NativeSql TARGET_AND_SESSION = NativeSql.of("""
            SELECT n.kind, n.account_id, n.parent_id, n.name,
                   (SELECT GROUP_CONCAT(ca.group_id) FROM channel_assignment ca WHERE ca.channel_id = n.id),
                   tu.status, p.last_heartbeat > :cutoff,
                   s.id, s.account_id, s.status, s.technician_node_id, s.channel_node_id, s.version, st.parent_id,
                   (SELECT GROUP_CONCAT(cs.group_id) FROM channel_assignment cs WHERE cs.channel_id = s.channel_node_id)
            FROM (SELECT :node AS nid, :session AS sid) k
            LEFT JOIN node n ON n.id = k.nid
            LEFT JOIN app_user tu ON tu.tech_node_id = n.id
            LEFT JOIN technician_presence p ON p.node_id = n.id
            LEFT JOIN support_session s ON s.id = k.sid
            LEFT JOIN node st ON st.id = s.technician_node_id""");

    /** Public so that the benchmark's database ceiling issues exactly this statement. */
    public static final NativeSql MOVE = NativeSql.of("""
            UPDATE support_session
            SET status = :status, status_changed_at = :now, technician_node_id = :tech, channel_node_id = :channel,
                transferred_to = :to, transferred_comment = :comment, version = version + 1
            WHERE id = :id AND version = :version""");

    /** Public so that the benchmark's database ceiling issues exactly this statement. */
    public static final NativeSql INSERT_TRANSFER = NativeSql.of("""
            INSERT INTO transfer (account_id, session_id, from_node_id, to_node_id, node_ref, comment, by_user_id,
                                  transferred_at)
            VALUES (:account, :session, :from, :to, :ref, :comment, :by, :at)""");

    private final Database db;
    private final CallerAuthenticator authenticator;
    private final EventRecorder events;
    private final Clock clock;

    public TransferService(Database db, CallerAuthenticator authenticator, EventRecorder events, Clock clock) {
        this.db = db;
        this.authenticator = authenticator;
        this.events = events;
        this.clock = clock;
    }

    /** Transfers as the vendor documents it; every outcome is a return code, never an exception but a fault. */
    public TransferSessionResult transfer(Credentials credentials, TransferRequest request) {
        return db.inTransaction(s -> {
            RescueCaller<TransferSessionResult> checked =
                    RescueCaller.check(authenticator.authenticate(s, credentials), REFUSALS);
            if (checked.refused().isPresent()) {
                return checked.refusal();
            }
            OptionalLong node = RescueParams.id(request.node());
            Optional<NodeRef> nodeRef = request.nodeRef() == null || request.nodeRef().isBlank()
                    ? Optional.of(NodeRef.NODE) : NodeRef.parse(request.nodeRef());
            if (node.isEmpty() || nodeRef.isEmpty()) {
                return TransferSessionResult.INVALID_PARAM_NODE;
            }
            OptionalLong session = RescueParams.id(request.session());
            String comment = request.comment() == null ? "" : request.comment();
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                Optional<TransferSessionResult> done = attempt(s, checked.caller(), node.getAsLong(), nodeRef.get(),
                        session.isPresent() ? session.getAsLong() : null, comment);
                if (done.isPresent()) {
                    return done.get();
                }
            }
            return TransferSessionResult.ERROR; // the session kept changing under us: ERROR, "such as timeout"
        });
    }

    /** One decision on the current state; empty when the session changed between the read and the update. */
    private Optional<TransferSessionResult> attempt(Session s, Caller caller, long nodeId, NodeRef nodeRef,
                                                    Long sessionId, String comment) {
        Instant now = clock.instant();
        Object[] row = TARGET_AND_SESSION.on(s)
                .set("cutoff", now.minus(TechnicianPresence.OFFLINE_AFTER))
                .set("node", nodeId)
                .set("session", sessionId)
                .one();
        Target target = Target.of(row);
        if (!target.isValidFor(caller, nodeRef)) {
            return Optional.of(TransferSessionResult.INVALID_PARAM_NODE);
        }
        Long sessionAccount = toLong(row[8]);
        boolean sessionVisible = row[7] != null && caller.accountId().equals(sessionAccount)
                && (caller.mayActIn(toLong(row[13])) || RescueParams.anyIn((String) row[14], caller.folderGroupIds()));
        if (!sessionVisible || comment.length() > MAX_COMMENT_LENGTH) {
            return Optional.of(TransferSessionResult.ERROR);
        }
        SupportSessionStatus status = SupportSessionStatus.valueOf((String) row[9]);
        if (status == SupportSessionStatus.CLOSED || (nodeRef == NodeRef.NODE && !target.canTakeSessions())) {
            return Optional.of(TransferSessionResult.ACTION_FAILED);
        }
        Long fromTech = toLong(row[10]);
        Long fromChannel = toLong(row[11]);
        boolean toTechnician = nodeRef == NodeRef.NODE;
        SupportSessionStatus newStatus = toTechnician ? SupportSessionStatus.TRANSFERRING : SupportSessionStatus.WAITING;
        Long newTech = toTechnician ? nodeId : null;
        Long newChannel = toTechnician ? fromChannel : Long.valueOf(nodeId);
        String storedComment = comment.isEmpty() ? null : comment;
        int moved = MOVE.on(s)
                .set("status", newStatus.name())
                .set("now", now)
                .set("tech", newTech)
                .set("channel", newChannel)
                .set("to", target.name())
                .set("comment", storedComment)
                .set("id", sessionId)
                .set("version", toLong(row[12]))
                .update();
        if (moved == 0) {
            return Optional.empty();
        }
        Long from = fromTech != null ? fromTech : fromChannel;
        INSERT_TRANSFER.on(s)
                .set("account", caller.accountId())
                .set("session", sessionId)
                .set("from", from)
                .set("to", nodeId)
                .set("ref", nodeRef.name())
                .set("comment", storedComment)
                .set("by", caller.userId())
                .set("at", now)
                .update();
        Map<String, Object> before = new HashMap<>();
        before.put("status", status.name());
        before.put("technicianNodeId", fromTech);
        before.put("channelNodeId", fromChannel);
        Map<String, Object> after = new HashMap<>();
        after.put("status", newStatus.name());
        after.put("technicianNodeId", newTech);
        after.put("channelNodeId", newChannel);
        after.put("transferredTo", target.name());
        after.put("transferredComment", storedComment);
        events.record(s, caller.accountId(), "SUPPORT_SESSION", sessionId, "TRANSFERRED", before, after,
                caller.userId());
        return Optional.of(TransferSessionResult.OK);
    }

    /** The node a transfer names, as the combined read found it. */
    private record Target(String kind, Long accountId, Long parentId, String name, String channelGroups,
                          String userStatus, boolean consoleRunning) {

        static Target of(Object[] row) {
            return new Target((String) row[0], toLong(row[1]), toLong(row[2]), (String) row[3], (String) row[4],
                    (String) row[5], toBoolean(row[6]));
        }

        /**
         * The vendor's INVALIDPARAM_NODE cases: a technician with CHANNEL, a channel with NODE, a node of another
         * account; and, as scoping requires, any other kind of node or one outside the caller's folder list.
         */
        boolean isValidFor(Caller caller, NodeRef ref) {
            if (kind == null || !caller.accountId().equals(accountId)) {
                return false;
            }
            return switch (ref) {
                case NODE -> "TECHNICIAN".equals(kind) && caller.mayActIn(parentId);
                case CHANNEL -> "CHANNEL".equals(kind) && RescueParams.anyIn(channelGroups, caller.folderGroupIds());
            };
        }

        /** An enabled technician whose console is running. */
        boolean canTakeSessions() {
            return UserStatus.ENABLED.name().equals(userStatus) && consoleRunning;
        }
    }
}
