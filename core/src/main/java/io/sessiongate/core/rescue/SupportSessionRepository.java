package io.sessiongate.core.rescue;

import io.sessiongate.api.rescue.NodeRef;
import io.sessiongate.core.account.NodeKind;
import io.sessiongate.core.account.UserStatus;
import io.sessiongate.core.persistence.NativeSql;
import io.sessiongate.core.persistence.Tx;
import io.sessiongate.core.websession.Caller;
import io.sessiongate.core.websession.StoredIds;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Every statement on {@code support_session}, the hot table of transfers and session queries:
 * plain JDBC, reads mapped by column name into one record per read, writes under the row's version.
 */
public final class SupportSessionRepository {

    /** The most sessions one query returns. */
    public static final int MAX_ROWS = 1000;

    // One read for both the target node and the session, each with what the scope policy needs.
    private static final NativeSql TARGET_AND_SESSION = NativeSql.of("""
            SELECT n.kind AS node_kind, n.account_id AS node_account_id, n.parent_id AS node_parent_id,
                   n.name AS node_name,
                   (SELECT GROUP_CONCAT(ca.group_id) FROM channel_assignment ca WHERE ca.channel_id = n.id)
                       AS node_channel_groups,
                   tu.status AS technician_status, p.last_heartbeat,
                   s.id AS session_id, s.account_id AS session_account_id, s.status AS session_status,
                   s.technician_node_id, s.channel_node_id, s.version, st.parent_id AS technician_group_id,
                   s.picked_up_by_node_id, s.picked_up_at, s.before_transfer_status, s.before_transfer_technician_id,
                   s.before_transfer_channel_id, s.status_changed_at,
                   (SELECT GROUP_CONCAT(cs.group_id) FROM channel_assignment cs WHERE cs.channel_id = s.channel_node_id)
                       AS session_channel_groups
            FROM (SELECT :node AS nid, :session AS sid) k
            LEFT JOIN node n ON n.id = k.nid
            LEFT JOIN app_user tu ON tu.tech_node_id = n.id
            LEFT JOIN technician_presence p ON p.node_id = n.id
            LEFT JOIN support_session s ON s.id = k.sid
            LEFT JOIN node st ON st.id = s.technician_node_id""");

    // The time spent in the status a change leaves, added to that status's total (what the session report
    // shows): first in SET, so that it reads the status and status_changed_at before the change, whether
    // MariaDB assigns left to right (its default) or all at once (SIMULTANEOUS_ASSIGNMENT).
    private static final String TIME_IN_STATUS = "waiting_ms = waiting_ms + " + spent(SupportSessionStatus.WAITING)
            + ", transfer_ms = transfer_ms + " + spent(SupportSessionStatus.TRANSFERRING)
            + ", active_ms = active_ms + " + spent(SupportSessionStatus.ACTIVE)
            + ", hold_ms = hold_ms + " + spent(SupportSessionStatus.ON_HOLD);

    private static final NativeSql MOVE = NativeSql.of("""
            UPDATE support_session
            SET {timeInStatus},
                status = :status, status_changed_at = :now, technician_node_id = :tech, channel_node_id = :channel,
                transferred_to = :to, transferred_comment = :comment,
                before_transfer_status = :beforeStatus, before_transfer_technician_id = :beforeTech,
                before_transfer_channel_id = :beforeChannel, version = version + 1
            WHERE id = :id AND version = :version""".replace("{timeInStatus}", TIME_IN_STATUS));

    // A lifecycle change (start, hold, close, cancel, leave, time-out): no transfer stays pending after it.
    private static final NativeSql CHANGE = NativeSql.of("""
            UPDATE support_session
            SET {timeInStatus},
                status = :status, status_changed_at = :now, technician_node_id = :tech, channel_node_id = :channel,
                picked_up_by_node_id = :pickedUpBy, picked_up_at = :pickedUpAt, closed_at = :closedAt,
                transferred_to = CASE WHEN :clearTransfer THEN NULL ELSE transferred_to END,
                transferred_comment = CASE WHEN :clearTransfer THEN NULL ELSE transferred_comment END,
                before_transfer_status = NULL, before_transfer_technician_id = NULL, before_transfer_channel_id = NULL,
                version = version + 1
            WHERE id = :id AND version = :version""".replace("{timeInStatus}", TIME_IN_STATUS));

    private static final String SESSIONS = """
            SELECT s.id, s.status, s.channel_node_id, c.name AS channel_name, s.technician_node_id,
                   t.name AS technician_name, s.started_at, s.status_changed_at,
                   s.custom_field0, s.custom_field1, s.custom_field2, s.custom_field3, s.custom_field4,
                   s.custom_field5, s.language, s.transferred_to, s.transferred_comment, s.picked_up_at
            FROM support_session s
            LEFT JOIN node c ON c.id = s.channel_node_id
            LEFT JOIN node t ON t.id = s.technician_node_id
            WHERE s.account_id = :account AND {which} AND s.status NOT IN ({unlisted})
            ORDER BY s.id
            LIMIT {limit}""".replace("{limit}", Integer.toString(MAX_ROWS))
            .replace("{unlisted}", "'" + SupportSessionStatus.PIN_ISSUED.name() + "','"
                    + SupportSessionStatus.EXPIRED.name() + "'");

    private static final NativeSql OF_TECHNICIAN = NativeSql.of(
            SESSIONS.replace("{which}", "s.technician_node_id = :node"));
    private static final NativeSql IN_CHANNEL_QUEUE = NativeSql.of(
            SESSIONS.replace("{which}", "s.channel_node_id = :node AND s.technician_node_id IS NULL"));

    // The console's list: the technician's own live sessions and those waiting in the queues of the
    // channels that serve the technician's group.
    private static final NativeSql OF_CONSOLE = NativeSql.of(SESSIONS.replace("{which}", """
            (s.technician_node_id = :node
             OR (s.technician_node_id IS NULL AND s.channel_node_id IN (
                 SELECT ca.channel_id FROM channel_assignment ca JOIN node me ON me.parent_id = ca.group_id
                 WHERE me.id = :node)))
            AND s.status IN ({live})""".replace("{live}", "'" + SupportSessionStatus.WAITING.name() + "','"
            + SupportSessionStatus.TRANSFERRING.name() + "','" + SupportSessionStatus.ACTIVE.name() + "','"
            + SupportSessionStatus.ON_HOLD.name() + "'")));

    private static final NativeSql INSERT = NativeSql.of("""
            INSERT INTO support_session (id, account_id, status, technician_node_id, channel_node_id, custom_field0,
                                         language, started_at, status_changed_at, version)
            VALUES (:id, :account, :status, :tech, :channel, :field0, :language, :now, :now, 0)""");

    // A PIN code's session: the id from the sequence, the expiry from the account's PIN validity (0 = never);
    // no row when the PIN is live already (the unique key guards a concurrent twin).
    private static final NativeSql ISSUE_PIN = NativeSql.of("""
            INSERT INTO support_session (id, account_id, status, technician_node_id, custom_field0, custom_field1,
                                         custom_field2, custom_field3, custom_field4, custom_field5, tracking0,
                                         language, started_at, status_changed_at, pin_code, pin_expires_at,
                                         requested_by_user_id, version)
            SELECT :id, a.id, 'PIN_ISSUED', :tech, :f0, :f1, :f2, :f3, :f4, :f5, :tracking, :language, :now, :now, :pin,
                   CASE WHEN a.pin_validity_minutes = 0 THEN NULL
                        ELSE :now + INTERVAL a.pin_validity_minutes MINUTE END,
                   :user, 0
            FROM account a
            WHERE a.id = :account AND NOT EXISTS (SELECT 1 FROM support_session p WHERE p.pin_code = :pin)""");

    private static final NativeSql NEXT_ID = NativeSql.of("SELECT NEXTVAL(support_session_seq) AS id");

    /** The node a transfer names, with its technician's state (for a technician node). */
    public record Target(NodeInScope scope, String name, UserStatus technicianStatus, Instant lastHeartbeat) {
    }

    /**
     * The session a transfer or a lifecycle change moves, with what the scope policy needs of it, who
     * picked it up, and where it stood before a pending transfer ({@code beforeTransfer} null when none).
     */
    public record SessionToMove(long id, long accountId, SupportSessionStatus status, Long technicianNodeId,
                                Long channelNodeId, long version, Long technicianGroupId,
                                Set<Long> channelGroupIds, Long pickedUpByNodeId, Instant pickedUpAt,
                                SupportSessionStatus beforeTransfer, Long beforeTransferTechnicianId,
                                Long beforeTransferChannelId, Instant statusChangedAt) {
    }

    /** The one read of a transfer: the target (null when no such node) and the session (null when none). */
    public record TargetAndSession(Target target, SessionToMove session) {
    }

    /** The target node ({@code nodeId} null: none asked) and the session, in one read. */
    public TargetAndSession targetAndSession(Tx tx, Long nodeId, Long sessionId) {
        return TARGET_AND_SESSION.on(tx).set("node", nodeId).set("session", sessionId).one(TARGET_AND_SESSION_ROW)
                .orElseThrow(); // the derived table always yields one row
    }

    /**
     * {@link #targetAndSession}, asked ahead ({@link NativeSql.Run#ahead}), to travel behind the transaction's
     * next statement in its round trip (transferSession asks it before authenticating its caller).
     */
    public NativeSql.Ahead<TargetAndSession> targetAndSessionAhead(Tx tx, Long nodeId, Long sessionId) {
        return TARGET_AND_SESSION.on(tx).set("node", nodeId).set("session", sessionId).ahead(TARGET_AND_SESSION_ROW);
    }

    private static final NativeSql.RowMapper<TargetAndSession> TARGET_AND_SESSION_ROW = r -> {
        NodeKind kind = r.getEnum("node_kind", NodeKind.class);
        Target target = kind == null ? null : new Target(
                new NodeInScope(kind, r.getLong("node_account_id"), r.getLong("node_parent_id"),
                        StoredIds.parse(r.getString("node_channel_groups"))),
                r.getString("node_name"), r.getEnum("technician_status", UserStatus.class),
                r.getInstant("last_heartbeat"));
        Long id = r.getLong("session_id");
        SessionToMove session = id == null ? null : new SessionToMove(id, r.getLong("session_account_id"),
                r.getEnum("session_status", SupportSessionStatus.class), r.getLong("technician_node_id"),
                r.getLong("channel_node_id"), r.getLong("version"), r.getLong("technician_group_id"),
                StoredIds.parse(r.getString("session_channel_groups")), r.getLong("picked_up_by_node_id"),
                r.getInstant("picked_up_at"), r.getEnum("before_transfer_status", SupportSessionStatus.class),
                r.getLong("before_transfer_technician_id"), r.getLong("before_transfer_channel_id"),
                r.getInstant("status_changed_at"));
        return new TargetAndSession(target, session);
    };

    /** Where a move puts a session. */
    public record Move(SupportSessionStatus status, Long technicianNodeId, Long channelNodeId, String transferredTo,
                       String comment) {
    }

    /**
     * Moves the session under the version read, remembering where it stood ({@code before}) for
     * cancelAction; false when it changed since.
     */
    public boolean move(Tx tx, SessionToMove before, Move move, Instant now) {
        return MOVE.on(tx)
                .set("beforeStatus", before.status().name())
                .set("beforeTech", before.technicianNodeId())
                .set("beforeChannel", before.channelNodeId())
                .set("status", move.status().name())
                .set("now", now)
                .set("tech", move.technicianNodeId())
                .set("channel", move.channelNodeId())
                .set("to", move.transferredTo())
                .set("comment", move.comment())
                .set("id", before.id())
                .set("version", before.version())
                .update() == 1;
    }

    /** Where a lifecycle change puts a session. */
    public record Change(SupportSessionStatus status, Long technicianNodeId, Long channelNodeId,
                         Long pickedUpByNodeId, Instant pickedUpAt, Instant closedAt, boolean clearTransfer) {
    }

    /** Applies a lifecycle change under the version read; false when the session changed since. */
    public boolean change(Tx tx, long id, long version, Change change, Instant now) {
        return CHANGE.on(tx)
                .set("status", change.status().name())
                .set("now", now)
                .set("tech", change.technicianNodeId())
                .set("channel", change.channelNodeId())
                .set("pickedUpBy", change.pickedUpByNodeId())
                .set("pickedUpAt", change.pickedUpAt())
                .set("closedAt", change.closedAt())
                .set("clearTransfer", change.clearTransfer())
                .set("id", id)
                .set("version", version)
                .update() == 1;
    }

    /** A technician's sessions ({@code NODE}) or those waiting in a channel's queue ({@code CHANNEL}), by ID. */
    public List<SupportSessionView> sessions(Tx tx, long accountId, long nodeId, NodeRef ref, Instant now) {
        return list((ref == NodeRef.NODE ? OF_TECHNICIAN : IN_CHANNEL_QUEUE), tx, accountId, nodeId, now);
    }

    /** A technician's console list: their own live sessions and those waiting in their channels, by ID. */
    public List<SupportSessionView> consoleSessions(Tx tx, long accountId, long technicianNodeId, Instant now) {
        return list(OF_CONSOLE, tx, accountId, technicianNodeId, now);
    }

    private static List<SupportSessionView> list(NativeSql sql, Tx tx, long accountId, long nodeId, Instant now) {
        return sql.on(tx)
                .set("account", accountId)
                .set("node", nodeId)
                .list(r -> {
                    Duration inStatus = Duration.between(r.getInstant("status_changed_at"), now);
                    return new SupportSessionView(r.getLong("id"),
                            r.getEnum("status", SupportSessionStatus.class), r.getLong("channel_node_id"),
                            r.getString("channel_name"), r.getLong("technician_node_id"),
                            r.getString("technician_name"), r.getInstant("started_at"),
                            inStatus.isNegative() ? Duration.ZERO : inStatus,
                            Arrays.asList(r.getString("custom_field0"), r.getString("custom_field1"),
                                    r.getString("custom_field2"), r.getString("custom_field3"),
                                    r.getString("custom_field4"), r.getString("custom_field5")),
                            r.getString("language"), r.getString("transferred_to"),
                            r.getString("transferred_comment"), r.getInstant("picked_up_at"));
                });
    }

    /** Milliseconds since the last status change when the session is in {@code status}, else 0 (SQL). */
    private static String spent(SupportSessionStatus status) {
        return "IF(status = '" + status.name()
                + "', GREATEST(0, TIMESTAMPDIFF(MICROSECOND, status_changed_at, :now) DIV 1000), 0)";
    }

    /** A new session id from the sequence. */
    public long nextId(Tx tx) {
        return NEXT_ID.on(tx).one(r -> r.getLong("id")).orElseThrow();
    }

    /** A PIN code's session for {@code technicianNodeId}; false when {@code pin} is live already. */
    public boolean issuePin(Tx tx, long id, long accountId, long technicianNodeId, List<String> fields,
                            String tracking, String language, String pin, long byUserId, Instant now) {
        return ISSUE_PIN.on(tx)
                .set("id", id)
                .set("account", accountId)
                .set("tech", technicianNodeId)
                .set("f0", fields.get(0))
                .set("f1", fields.get(1))
                .set("f2", fields.get(2))
                .set("f3", fields.get(3))
                .set("f4", fields.get(4))
                .set("f5", fields.get(5))
                .set("tracking", tracking)
                .set("language", language)
                .set("now", now)
                .set("pin", pin)
                .set("user", byUserId)
                .update() == 1;
    }

    /** A new support session (what the customer side creates; here the demo data and tests). */
    public void insert(Tx tx, long id, long accountId, SupportSessionStatus status, Long technicianNodeId,
                       Long channelNodeId, String customField0, String language, Instant now) {
        INSERT.on(tx)
                .set("id", id)
                .set("account", accountId)
                .set("status", status.name())
                .set("tech", technicianNodeId)
                .set("channel", channelNodeId)
                .set("field0", customField0)
                .set("language", language)
                .set("now", now)
                .update();
    }

    // ---- The customer side (CustomerService) and the time-out sweeper (SessionSweeper) ----

    private static final NativeSql BY_PIN = NativeSql.of("""
            SELECT id, account_id, status, version, technician_node_id, pin_expires_at
            FROM support_session WHERE pin_code = :pin""");

    // The customer enters the PIN: the session waits in its technician's queue, the PIN is free again, the
    // customer's token is the only key to it from now on. The technician's cfield0 (the name) wins over the customer's.
    // (No time is added: the reports count no time in PIN_ISSUED.)
    private static final NativeSql JOIN_BY_PIN = NativeSql.of("""
            UPDATE support_session
            SET status = :status, status_changed_at = :now, waiting_since = :now, pin_code = NULL,
                customer_token_hash = :token,
                custom_field0 = CASE WHEN custom_field0 IS NULL OR custom_field0 = '' THEN :name ELSE custom_field0 END,
                version = version + 1
            WHERE id = :id AND version = :version AND status = :from""");

    // A new session waiting in a channel's queue: a customer entering the channel (with their token) or an
    // administrator queueing one (the administration API's POST .../support-sessions, by that user).
    private static final NativeSql INSERT_WAITING = NativeSql.of("""
            INSERT INTO support_session (id, account_id, status, channel_node_id, custom_field0, custom_field1,
                                         custom_field2, custom_field3, custom_field4, custom_field5, tracking0,
                                         language, started_at, status_changed_at, waiting_since, requested_by_user_id,
                                         customer_token_hash, version)
            VALUES (:id, :account, :status, :channel, :f0, :f1, :f2, :f3, :f4, :f5, :tracking, :language, :now, :now,
                    :now, :user, :token, 0)""");

    private static final NativeSql BY_CUSTOMER_TOKEN = NativeSql.of("""
            SELECT s.id, s.account_id, s.status, s.version, s.technician_node_id, s.channel_node_id,
                   s.picked_up_by_node_id, s.picked_up_at, s.status_changed_at, s.before_transfer_status,
                   t.name AS technician_name
            FROM support_session s LEFT JOIN node t ON t.id = s.technician_node_id
            WHERE s.customer_token_hash = :token""");

    /** How many sessions one read of the sweeper claims at most. */
    public static final int SWEEP_BATCH = 100;

    // PINs past their validity: a range of ix_support_session_pin_expiry.
    private static final NativeSql DUE_PINS = NativeSql.of("""
            SELECT id, account_id, status, version, technician_node_id, channel_node_id
            FROM support_session
            WHERE status = 'PIN_ISSUED' AND pin_expires_at <= :now
            ORDER BY pin_expires_at
            LIMIT {batch}""".replace("{batch}", Integer.toString(SWEEP_BATCH)));

    // Sessions longer in {statuses} than their account's {minutes} (0 = never): for each account that sets it, a
    // range of ix_support_session_account_status (account_id, status, status_changed_at).
    private static final String DUE_BY_ACCOUNT = """
            SELECT s.id, s.account_id, s.status, s.version, s.technician_node_id, s.channel_node_id
            FROM account a
            JOIN support_session s ON s.account_id = a.id AND s.status IN ({statuses})
                 AND s.status_changed_at <= :now - INTERVAL a.{minutes} MINUTE
            WHERE a.{minutes} > 0
            LIMIT {batch}""".replace("{batch}", Integer.toString(SWEEP_BATCH));

    private static final NativeSql DUE_WAITING = NativeSql.of(DUE_BY_ACCOUNT
            .replace("{statuses}", "'" + SupportSessionStatus.WAITING.name() + "','"
                    + SupportSessionStatus.TRANSFERRING.name() + "'")
            .replace("{minutes}", "waiting_timeout_minutes"));

    private static final NativeSql DUE_IDLE = NativeSql.of(DUE_BY_ACCOUNT
            .replace("{statuses}", "'" + SupportSessionStatus.ACTIVE.name() + "'")
            .replace("{minutes}", "idle_timeout_minutes"));

    // The claim: only the process whose UPDATE finds the row as it was read changes it, once. Like every change
    // of status, it adds the time spent in the status it leaves (the reports' times).
    private static final NativeSql END = NativeSql.of("""
            UPDATE support_session
            SET {timeInStatus},
                status = :to, status_changed_at = :now, closed_at = :now, pin_code = NULL,
                before_transfer_status = NULL, before_transfer_technician_id = NULL, before_transfer_channel_id = NULL,
                version = version + 1
            WHERE id = :id AND version = :version AND status = :from""".replace("{timeInStatus}", TIME_IN_STATUS));

    /** A PIN code's session as the customer's join finds it. */
    public record PinSession(long id, long accountId, SupportSessionStatus status, long version, Long technicianNodeId,
                             Instant pinExpiresAt) {
    }

    /** The session that has {@code pin} as its live code (or had it, until the sweeper clears it). */
    public Optional<PinSession> byPin(Tx tx, String pin) {
        return BY_PIN.on(tx).set("pin", pin).one(r -> new PinSession(r.getLong("id"), r.getLong("account_id"),
                r.getEnum("status", SupportSessionStatus.class), r.getLong("version"), r.getLong("technician_node_id"),
                r.getInstant("pin_expires_at")));
    }

    /** Moves a PIN_ISSUED session to {@code to} for the customer with {@code tokenHash}; false when it changed since. */
    public boolean joinByPin(Tx tx, PinSession session, SupportSessionStatus to, String tokenHash, String name,
                             Instant now) {
        return JOIN_BY_PIN.on(tx)
                .set("status", to.name())
                .set("now", now)
                .set("token", tokenHash)
                .set("name", name)
                .set("id", session.id())
                .set("version", session.version())
                .set("from", session.status().name())
                .update() == 1;
    }

    /**
     * A new session waiting in {@code channelId}'s queue, with its custom fields (six, null for none), tracking id
     * and language; queued by {@code byUserIdOrNull}, or entered by the customer with {@code customerTokenHashOrNull}.
     */
    public void insertWaiting(Tx tx, long id, long accountId, long channelId, List<String> fields, String tracking,
                              String language, Long byUserIdOrNull, String customerTokenHashOrNull, Instant now) {
        INSERT_WAITING.on(tx)
                .set("id", id)
                .set("account", accountId)
                .set("status", SupportSessionStatus.WAITING.name())
                .set("channel", channelId)
                .set("f0", fields.get(0))
                .set("f1", fields.get(1))
                .set("f2", fields.get(2))
                .set("f3", fields.get(3))
                .set("f4", fields.get(4))
                .set("f5", fields.get(5))
                .set("tracking", tracking)
                .set("language", language)
                .set("now", now)
                .set("user", byUserIdOrNull)
                .set("token", customerTokenHashOrNull)
                .update();
    }

    /** The one session a customer token opens, with its technician's name. */
    public record CustomerSession(long id, long accountId, SupportSessionStatus status, long version,
                                  Long technicianNodeId, Long channelNodeId, Long pickedUpByNodeId, Instant pickedUpAt,
                                  Instant statusChangedAt, SupportSessionStatus beforeTransfer, String technicianName) {
    }

    public Optional<CustomerSession> byCustomerToken(Tx tx, String tokenHash) {
        return BY_CUSTOMER_TOKEN.on(tx).set("token", tokenHash).one(r -> new CustomerSession(r.getLong("id"),
                r.getLong("account_id"), r.getEnum("status", SupportSessionStatus.class), r.getLong("version"),
                r.getLong("technician_node_id"), r.getLong("channel_node_id"), r.getLong("picked_up_by_node_id"),
                r.getInstant("picked_up_at"), r.getInstant("status_changed_at"),
                r.getEnum("before_transfer_status", SupportSessionStatus.class), r.getString("technician_name")));
    }

    /** A session a time-out or a PIN's validity has run out on, as read (without a lock) by the sweeper. */
    public record Due(long id, long accountId, SupportSessionStatus status, long version, Long technicianNodeId,
                      Long channelNodeId) {
    }

    private static final NativeSql.RowMapper<Due> DUE = r -> new Due(r.getLong("id"), r.getLong("account_id"),
            r.getEnum("status", SupportSessionStatus.class), r.getLong("version"), r.getLong("technician_node_id"),
            r.getLong("channel_node_id"));

    /** At most {@link #SWEEP_BATCH} PIN_ISSUED sessions whose PIN expired by {@code now}. */
    public List<Due> duePins(Tx tx, Instant now) {
        return DUE_PINS.on(tx).set("now", now).list(DUE);
    }

    /** At most {@link #SWEEP_BATCH} Waiting or Transferring sessions past their account's waiting time-out. */
    public List<Due> dueWaiting(Tx tx, Instant now) {
        return DUE_WAITING.on(tx).set("now", now).list(DUE);
    }

    /** At most {@link #SWEEP_BATCH} Active sessions without a status change for their account's idle time-out. */
    public List<Due> dueIdle(Tx tx, Instant now) {
        return DUE_IDLE.on(tx).set("now", now).list(DUE);
    }

    /**
     * Ends {@code due} in the final status {@code to} (its PIN, if any, cleared) if it is still as read:
     * same version, same status. False when another process (or anyone) changed it first.
     */
    public boolean end(Tx tx, Due due, SupportSessionStatus to, Instant now) {
        return END.on(tx)
                .set("to", to.name())
                .set("now", now)
                .set("id", due.id())
                .set("version", due.version())
                .set("from", due.status().name())
                .update() == 1;
    }

    // The administration API's reads: a session with what its scope needs, alone or a keyset page.

    private static final String LISTED = """
            SELECT s.id, s.account_id, s.status, s.technician_node_id, t.name AS technician_name,
                   t.parent_id AS technician_group_id, s.channel_node_id, c.name AS channel_name,
                   (SELECT GROUP_CONCAT(ca.group_id) FROM channel_assignment ca WHERE ca.channel_id = s.channel_node_id)
                       AS channel_groups,
                   s.custom_field0, s.custom_field1, s.custom_field2, s.custom_field3, s.custom_field4,
                   s.custom_field5, s.tracking0, s.language, s.started_at, s.status_changed_at
            FROM support_session s
            LEFT JOIN node t ON t.id = s.technician_node_id
            LEFT JOIN node c ON c.id = s.channel_node_id
            WHERE s.account_id = :account {which} ORDER BY s.id LIMIT :limit""";
    private static final NativeSql LISTED_ONE = NativeSql.of(LISTED.replace("{which}", "AND s.id = :id"));
    /** The page statement of each filter, indexed by {@link ListFilter#mask()}. */
    private static final List<NativeSql> LISTED_PAGES = IntStream.range(0, 8).mapToObj(mask ->
            NativeSql.of(LISTED.replace("{which}", "AND s.id > :after"
                    + ((mask & 1) != 0 ? " AND s.status = :status" : "")
                    + ((mask & 2) != 0 ? " AND s.technician_node_id = :technician" : "")
                    + ((mask & 4) != 0 ? " AND s.channel_node_id = :channel" : "")))).toList();

    /**
     * A session as the administration API shows it (the API model's view, not this package's), with what
     * {@link Scope} needs to decide who sees it.
     */
    public record Listed(io.sessiongate.api.admin.SupportSessionView view, long accountId, Long technicianGroupId,
                         Set<Long> channelGroups) {

        public boolean visibleTo(Caller caller) {
            return Scope.maySee(caller, accountId, technicianGroupId, channelGroups);
        }
    }

    /** What a list is narrowed to; a null member does not narrow it. */
    public record ListFilter(String status, Long technicianId, Long channelId) {

        int mask() {
            return (status != null ? 1 : 0) | (technicianId != null ? 2 : 0) | (channelId != null ? 4 : 0);
        }
    }

    /** Session {@code id} of the account, if it exists. */
    public Optional<Listed> listed(Tx tx, long accountId, long id) {
        return LISTED_ONE.on(tx).set("account", accountId).set("id", id).set("limit", 1)
                .one(SupportSessionRepository::listed);
    }

    /** Up to {@code limit} of the account's sessions after {@code afterId}, in id order, narrowed by {@code filter}. */
    public List<Listed> page(Tx tx, long accountId, ListFilter filter, long afterId, int limit) {
        NativeSql.Run run = pageStatement(filter).on(tx).set("account", accountId).set("after", afterId)
                .set("limit", limit);
        if (filter.status() != null) {
            run.set("status", filter.status());
        }
        if (filter.technicianId() != null) {
            run.set("technician", filter.technicianId());
        }
        if (filter.channelId() != null) {
            run.set("channel", filter.channelId());
        }
        return run.list(SupportSessionRepository::listed);
    }

    /** The statement {@link #page} runs for {@code filter} (the benchmark shows MariaDB's plan for it). */
    public static NativeSql pageStatement(ListFilter filter) {
        return LISTED_PAGES.get(filter.mask());
    }

    private static Listed listed(NativeSql.Row r) throws java.sql.SQLException {
        var view = new io.sessiongate.api.admin.SupportSessionView(r.getLong("id"), r.getString("status"),
                r.getLong("technician_node_id"), r.getString("technician_name"), r.getLong("channel_node_id"),
                r.getString("channel_name"), Arrays.asList(r.getString("custom_field0"), r.getString("custom_field1"),
                r.getString("custom_field2"), r.getString("custom_field3"), r.getString("custom_field4"),
                r.getString("custom_field5")), r.getString("tracking0"), r.getString("language"),
                r.getInstant("started_at"), r.getInstant("status_changed_at"), null);
        return new Listed(view, r.getLong("account_id"), r.getLong("technician_group_id"),
                StoredIds.parse(r.getString("channel_groups")));
    }
}
