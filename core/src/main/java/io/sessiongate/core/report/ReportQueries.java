package io.sessiongate.core.report;

import io.sessiongate.api.rescue.NodeRef;
import io.sessiongate.core.account.NodeKind;
import io.sessiongate.core.event.EventAction;
import io.sessiongate.core.event.ObjectType;
import io.sessiongate.core.persistence.NativeSql;
import io.sessiongate.core.persistence.Tx;
import io.sessiongate.core.rescue.SupportSessionStatus;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The reads of the reports: a node's subtree (to find the technicians beneath a group, at any depth),
 * and the session and transfer rows of a {@link ReportPlan}, each one indexed query whose result is
 * streamed ({@link NativeSql.Run#stream}) to a {@link RowSink}.
 */
public final class ReportQueries {

    /** Rows the driver holds at a time while a report streams. */
    static final int FETCH_SIZE = 500;

    private static final NativeSql SUBTREE = NativeSql.of("""
            WITH RECURSIVE sub (id, kind, parent_id) AS (
                SELECT id, kind, parent_id FROM node WHERE id = :node AND account_id = :account
                UNION ALL
                SELECT n.id, n.kind, n.parent_id FROM node n JOIN sub ON n.parent_id = sub.id)
            SELECT id, kind, parent_id FROM sub""");

    // Sessions never listed anywhere (a PIN not yet entered, or never used) are not reported either.
    private static final String SESSIONS = """
            SELECT s.id, s.status, s.started_at, s.closed_at, s.status_changed_at,
                   s.requested_by_user_id IS NOT NULL AS private_session, s.technician_node_id,
                   t.name AS technician_name, tu.email AS technician_email, g.name AS technician_group,
                   s.custom_field0, s.custom_field1, s.custom_field2, s.custom_field3, s.custom_field4,
                   s.custom_field5, s.tracking0, s.channel_node_id, c.name AS channel_name,
                   s.waiting_ms, s.transfer_ms, s.active_ms, s.hold_ms
            FROM support_session s FORCE INDEX ({index})
            LEFT JOIN node t ON t.id = s.technician_node_id
            LEFT JOIN app_user tu ON tu.tech_node_id = s.technician_node_id
            LEFT JOIN node g ON g.id = t.parent_id
            LEFT JOIN node c ON c.id = s.channel_node_id
            WHERE s.account_id = :account AND {which} AND s.started_at >= :begin AND s.started_at < :end
              AND s.status NOT IN ('{pin}', '{expired}'){timeOfDay}
            ORDER BY {order}"""
            .replace("{pin}", SupportSessionStatus.PIN_ISSUED.name())
            .replace("{expired}", SupportSessionStatus.EXPIRED.name());

    // A transfer to a technician lasts until the session's next change: the next transfer, or the first
    // other change recorded (an event whose state before was Transferring: picked up, cancelled, closed).
    // The indexes are named: right after a bulk load, stale statistics made MariaDB scan the whole
    // transfer table once per row (20 s for 10,000 rows in the benchmark, seconds per row at a million).
    private static final String TRANSFERS = """
            SELECT t.session_id, t.transferred_at, t.node_ref, t.comment, t.from_status, t.from_status_ms,
                   s.custom_field0 AS customer_name, s.status AS session_status,
                   bu.name AS by_name, COALESCE(bu.tech_node_id, bu.admin_node_id) AS by_node_id,
                   t.from_node_id, fn.name AS from_name, fg.id AS from_group_id, fg.name AS from_group_name,
                   t.to_node_id, tn.name AS to_name, tg.id AS to_group_id, tg.name AS to_group_name,
                   (SELECT MIN(t2.transferred_at) FROM transfer t2 FORCE INDEX (ix_transfer_session)
                    WHERE t2.session_id = t.session_id AND t2.id > t.id) AS next_transfer_at,
                   (SELECT MIN(e.occurred_at) FROM event e FORCE INDEX (ix_event_object)
                    WHERE e.object_type = '{sessionType}' AND e.object_id = t.session_id AND e.action <> '{transferred}'
                      AND e.occurred_at >= t.transferred_at
                      AND JSON_VALUE(e.before_state, '$.status') = '{transferring}') AS next_change_at
            FROM transfer t
            JOIN support_session s ON s.id = t.session_id
            LEFT JOIN app_user bu ON bu.id = t.by_user_id
            LEFT JOIN node fn ON fn.id = t.from_node_id
            LEFT JOIN node fg ON fg.id = fn.parent_id AND fn.kind = '{technician}'
            LEFT JOIN node tn ON tn.id = t.to_node_id
            LEFT JOIN node tg ON tg.id = tn.parent_id AND tn.kind = '{technician}'
            WHERE t.account_id = :account AND ({which}) AND t.transferred_at >= :begin AND t.transferred_at < :end
              {timeOfDay}
            ORDER BY t.transferred_at, t.id"""
            .replace("{sessionType}", ObjectType.SUPPORT_SESSION.name())
            .replace("{transferred}", EventAction.TRANSFERRED.name())
            .replace("{transferring}", SupportSessionStatus.TRANSFERRING.name())
            .replace("{technician}", NodeKind.TECHNICIAN.name());

    /** A node beneath (or at) the one a report names. */
    public record TreeNode(long id, NodeKind kind, Long parentId) {
    }

    /** The node and every node beneath it, at any depth; empty when it is not a node of {@code accountId}. */
    public List<TreeNode> subtree(Tx tx, long accountId, long nodeId) {
        return SUBTREE.on(tx).set("node", nodeId).set("account", accountId)
                .list(r -> new TreeNode(r.getLong("id"), r.getEnum("kind", NodeKind.class), r.getLong("parent_id")));
    }

    /** Streams the plan's sessions to {@code sink}, by technician then start time; the number of rows. */
    long sessions(Tx tx, ReportPlan plan, RowSink<SessionReportRow> sink) {
        if (plan.empty()) {
            return 0;
        }
        boolean byNode = plan.nodeType() == NodeRef.NODE;
        String sql = SESSIONS
                .replace("{which}", byNode ? "s.technician_node_id IN (" + ids(plan.technicianIds()) + ")"
                        : "s.channel_node_id = :channel")
                .replace("{order}", byNode ? "s.technician_node_id, s.started_at, s.id" : "s.started_at, s.id")
                // In index order whatever the statistics say: rows stream from the first, with no sort.
                .replace("{index}", byNode ? "ix_support_session_technician_started"
                        : "ix_support_session_channel_started")
                .replace("{timeOfDay}", timeOfDay("s.started_at", plan.settings()));
        Instant now = plan.now();
        return bind(NativeSql.of(sql).on(tx), plan).stream(FETCH_SIZE, r -> {
            SupportSessionStatus status = r.getEnum("status", SupportSessionStatus.class);
            Duration current = Duration.between(r.getInstant("status_changed_at"), now);
            if (current.isNegative() || status.isFinal()) {
                current = Duration.ZERO;
            }
            sink.accept(new SessionReportRow(r.getLong("id"), r.getInstant("started_at"), r.getInstant("closed_at"),
                    r.getInstant("status_changed_at"), r.getLong("technician_node_id"), r.getString("technician_name"),
                    r.getString("technician_email"), r.getString("technician_group"), r.getBoolean("private_session"),
                    status, Arrays.asList(r.getString("custom_field0"), r.getString("custom_field1"),
                            r.getString("custom_field2"), r.getString("custom_field3"), r.getString("custom_field4"),
                            r.getString("custom_field5")),
                    r.getString("tracking0"), r.getLong("channel_node_id"), r.getString("channel_name"),
                    spent(r, "waiting_ms", status == SupportSessionStatus.WAITING, current),
                    spent(r, "transfer_ms", status == SupportSessionStatus.TRANSFERRING, current),
                    spent(r, "active_ms", status == SupportSessionStatus.ACTIVE, current),
                    spent(r, "hold_ms", status == SupportSessionStatus.ON_HOLD, current)));
        });
    }

    /** Streams the plan's transfers (from or to its technicians, or its channel) to {@code sink}, by time. */
    long transfers(Tx tx, ReportPlan plan, RowSink<TransferReportRow> sink) {
        if (plan.empty()) {
            return 0;
        }
        String nodes = plan.nodeType() == NodeRef.NODE ? ids(plan.technicianIds()) : ":channel";
        String sql = TRANSFERS
                .replace("{which}", "t.from_node_id IN (" + nodes + ") OR t.to_node_id IN (" + nodes + ")")
                .replace("{timeOfDay}", timeOfDay("t.transferred_at", plan.settings()));
        Instant now = plan.now();
        return bind(NativeSql.of(sql).on(tx), plan).stream(FETCH_SIZE, r -> {
            Instant at = r.getInstant("transferred_at");
            String fromStatus = r.getString("from_status");
            Long fromStatusMs = r.getLong("from_status_ms");
            Duration waiting = fromStatus == null || fromStatusMs == null ? null
                    : SupportSessionStatus.WAITING.name().equals(fromStatus) ? Duration.ofMillis(fromStatusMs)
                    : Duration.ZERO;
            sink.accept(new TransferReportRow(r.getLong("session_id"), at, waiting, r.getString("customer_name"),
                    r.getLong("by_node_id"), r.getString("by_name"), r.getLong("from_node_id"), r.getString("from_name"),
                    r.getLong("to_node_id"), r.getString("to_name"), r.getString("comment"),
                    inTransfer(r, at, now), r.getLong("from_group_id"), r.getString("from_group_name"),
                    r.getLong("to_group_id"), r.getString("to_group_name")));
        });
    }

    private static Duration inTransfer(NativeSql.Row r, Instant at, Instant now) throws SQLException {
        if (!NodeRef.NODE.name().equals(r.getString("node_ref"))) {
            return Duration.ZERO; // into a channel's queue: Waiting at once
        }
        Instant nextTransfer = r.getInstant("next_transfer_at");
        Instant nextChange = r.getInstant("next_change_at");
        Instant end = nextTransfer == null ? nextChange
                : nextChange == null || nextTransfer.isBefore(nextChange) ? nextTransfer : nextChange;
        if (end == null) {
            boolean pending = SupportSessionStatus.TRANSFERRING.name().equals(r.getString("session_status"));
            if (!pending) {
                return null; // ended by nothing recorded: not known
            }
            end = now;
        }
        Duration d = Duration.between(at, end);
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static Duration spent(NativeSql.Row r, String column, boolean current, Duration sinceChange)
            throws SQLException {
        Duration recorded = Duration.ofMillis(r.getLong(column));
        return current ? recorded.plus(sinceChange) : recorded;
    }

    private static NativeSql.Run bind(NativeSql.Run run, ReportPlan plan) {
        run.set("account", plan.accountId()).set("begin", plan.period().begin()).set("end", plan.period().end());
        if (plan.nodeType() == NodeRef.CHANNEL) {
            run.set("channel", plan.channelId());
        }
        if (!plan.settings().wholeDay()) {
            run.set("tz", plan.settings().timezoneMinutes()).set("beginTime", plan.settings().beginTime())
                    .set("endTime", plan.settings().endTime());
        }
        return run;
    }

    /** The daily window in the report's time zone; one ending before it begins spans midnight. */
    private static String timeOfDay(String column, ReportSettings s) {
        if (s.wholeDay()) {
            return "";
        }
        String local = "TIME(" + column + " + INTERVAL :tz MINUTE)";
        String from = local + " >= :beginTime";
        String to = local + " < ADDTIME(:endTime, '00:00:01')"; // the end second is reported whole
        return s.beginTime().isAfter(s.endTime()) ? " AND (" + from + " OR " + to + ")"
                : " AND " + from + " AND " + to;
    }

    /** IDs written into the statement: they are longs, so nothing but digits and commas can reach the SQL. */
    private static String ids(List<Long> ids) {
        return ids.stream().map(id -> Long.toString(id)).collect(Collectors.joining(","));
    }
}
