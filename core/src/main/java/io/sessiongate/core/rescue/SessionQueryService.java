package io.sessiongate.core.rescue;

import static io.sessiongate.core.persistence.NativeRows.toBoolean;
import static io.sessiongate.core.persistence.NativeRows.toLong;

import io.sessiongate.api.rescue.ChannelAvailabilityResult;
import io.sessiongate.api.rescue.GetSessionResult;
import io.sessiongate.api.rescue.GetUserResult;
import io.sessiongate.api.rescue.NodeRef;
import io.sessiongate.api.rescue.SessionRow;
import io.sessiongate.api.rescue.UserInfo;
import io.sessiongate.core.persistence.Database;
import io.sessiongate.core.websession.Caller;
import io.sessiongate.core.websession.CallerAuthenticator;
import io.sessiongate.core.websession.Credentials;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.hibernate.Session;

/**
 * The Rescue API's read methods around a transfer: getSession_v3, isAnyTechAvailableOnChannel and
 * getUser_v3. Each reads only the caller's account, and only nodes inside the caller's folder list.
 */
public final class SessionQueryService {

    /** The most sessions one getSession_v3 reply lists. */
    public static final int MAX_ROWS = 1000;

    private static final String NODE = """
            SELECT n.kind, n.account_id, n.parent_id,
                   (SELECT GROUP_CONCAT(ca.group_id) FROM channel_assignment ca WHERE ca.channel_id = n.id)
            FROM node n WHERE n.id = :node""";

    private static final String SESSIONS = """
            SELECT s.id, s.status, s.channel_node_id, c.name, s.technician_node_id, t.name,
                   DATE_FORMAT(s.started_at, '%c/%e/%Y %l:%i:%s %p'),
                   GREATEST(0, TIMESTAMPDIFF(SECOND, s.status_changed_at, :now)),
                   s.custom_field0, s.custom_field1, s.custom_field2, s.custom_field3, s.custom_field4,
                   s.custom_field5, s.language, s.transferred_to, s.transferred_comment
            FROM support_session s
            LEFT JOIN node c ON c.id = s.channel_node_id
            LEFT JOIN node t ON t.id = s.technician_node_id
            WHERE s.account_id = :account AND {which}
            ORDER BY s.id
            LIMIT {limit}""".replace("{limit}", Integer.toString(MAX_ROWS));

    private static final String BY_TECHNICIAN = SESSIONS.replace("{which}", "s.technician_node_id = :node");
    private static final String IN_CHANNEL_QUEUE =
            SESSIONS.replace("{which}", "s.channel_node_id = :node AND s.technician_node_id IS NULL");

    private static final String ANY_TECH_AVAILABLE = """
            SELECT EXISTS (
                SELECT 1 FROM channel_assignment ca
                JOIN node t ON t.parent_id = ca.group_id AND t.kind = 'TECHNICIAN'
                JOIN app_user u ON u.tech_node_id = t.id AND u.status = 'ENABLED'
                JOIN technician_presence p ON p.node_id = t.id
                WHERE ca.channel_id = :channel AND p.last_heartbeat > :cutoff AND p.status IN (:statuses))""";

    private static final String USER = """
            SELECT u.name, u.email, u.status, u.admin_node_id, u.tech_node_id, p.status, p.last_heartbeat > :cutoff
            FROM app_user u LEFT JOIN technician_presence p ON p.node_id = u.tech_node_id
            WHERE u.account_id = :account AND u.status <> 'DELETED' AND {which}""";

    private static final RescueCaller.Refusals<GetSessionResult> SESSION_REFUSALS = new RescueCaller.Refusals<>(
            GetSessionResult.INVALID_SECRET_AUTH_CODE, GetSessionResult.NOT_LOGGED_IN,
            GetSessionResult.USER_DELETED_OR_DISABLED, false);
    private static final RescueCaller.Refusals<ChannelAvailabilityResult> CHANNEL_REFUSALS =
            new RescueCaller.Refusals<>(ChannelAvailabilityResult.INVALID_SECRET_AUTH_CODE,
                    ChannelAvailabilityResult.NOT_LOGGED_IN, ChannelAvailabilityResult.USER_DELETED_OR_DISABLED,
                    false);
    private static final RescueCaller.Refusals<GetUserResult> USER_REFUSALS = new RescueCaller.Refusals<>(
            GetUserResult.INVALID_SECRET_AUTH_CODE, GetUserResult.NOT_LOGGED_IN,
            GetUserResult.USER_DELETED_OR_DISABLED, false);

    private final Database db;
    private final CallerAuthenticator authenticator;
    private final Clock clock;

    public SessionQueryService(Database db, CallerAuthenticator authenticator, Clock clock) {
        this.db = db;
        this.authenticator = authenticator;
        this.clock = clock;
    }

    /** getSession_v3's answer: its code, and the rows when the code is OK. */
    public record Sessions(GetSessionResult result, List<SessionRow> rows) {
        public Sessions {
            rows = List.copyOf(rows);
        }
    }

    /** getUser_v3's answer: its code, and the user when the code is OK. */
    public record UserLookup(GetUserResult result, UserInfo user) {
    }

    /** The sessions a technician owns ({@code NODE}), or that wait in a channel's queue ({@code CHANNEL}). */
    public Sessions sessions(Credentials credentials, String nodeRaw, String nodeRefRaw) {
        return db.inTransaction(s -> {
            RescueCaller<GetSessionResult> checked =
                    RescueCaller.check(authenticator.authenticate(s, credentials), SESSION_REFUSALS);
            if (checked.refused().isPresent()) {
                return new Sessions(checked.refusal(), List.of());
            }
            OptionalLong node = RescueParams.id(nodeRaw);
            Optional<NodeRef> ref = nodeRefRaw == null || nodeRefRaw.isBlank()
                    ? Optional.of(NodeRef.NODE) : NodeRef.parse(nodeRefRaw);
            if (node.isEmpty() || ref.isEmpty() || !visible(s, checked.caller(), node.getAsLong(), ref.get())) {
                return new Sessions(GetSessionResult.INVALID_PARAM_NODE, List.of());
            }
            List<Object[]> found = s.createNativeQuery(ref.get() == NodeRef.NODE ? BY_TECHNICIAN : IN_CHANNEL_QUEUE,
                            Object[].class)
                    .setParameter("now", clock.instant())
                    .setParameter("account", checked.caller().accountId())
                    .setParameter("node", node.getAsLong())
                    .getResultList();
            List<SessionRow> rows = new ArrayList<>(found.size());
            for (Object[] r : found) {
                rows.add(new SessionRow(toLong(r[0]), SupportSessionStatus.valueOf((String) r[1]).displayName(),
                        toLong(r[2]), (String) r[3], toLong(r[4]), (String) r[5], (String) r[6], toLong(r[7]),
                        java.util.Arrays.asList((String) r[8], (String) r[9], (String) r[10], (String) r[11],
                                (String) r[12], (String) r[13]),
                        (String) r[14], (String) r[15], (String) r[16], r[4] != null, false));
            }
            return new Sessions(GetSessionResult.OK, rows);
        });
    }

    /** Whether an enabled technician of a group the channel serves has a running console (and is Online, if asked). */
    public ChannelAvailabilityResult isAnyTechAvailableOnChannel(Credentials credentials, String channelRaw,
                                                                 String excludingAwayAndBusyRaw) {
        return db.inTransaction(s -> {
            RescueCaller<ChannelAvailabilityResult> checked =
                    RescueCaller.check(authenticator.authenticate(s, credentials), CHANNEL_REFUSALS);
            if (checked.refused().isPresent()) {
                return checked.refusal();
            }
            OptionalLong channel = RescueParams.id(channelRaw);
            if (channel.isEmpty() || !visible(s, checked.caller(), channel.getAsLong(), NodeRef.CHANNEL)) {
                return ChannelAvailabilityResult.INVALID_PARAM_CHANNEL;
            }
            Boolean excluding = RescueParams.bool(excludingAwayAndBusyRaw, false);
            if (excluding == null) {
                return ChannelAvailabilityResult.ERROR;
            }
            List<String> statuses = excluding
                    ? List.of(PresenceStatus.ONLINE.name())
                    : List.of(PresenceStatus.ONLINE.name(), PresenceStatus.AWAY.name(), PresenceStatus.BUSY.name());
            boolean available = toBoolean(s.createNativeQuery(ANY_TECH_AVAILABLE, Object.class)
                    .setParameter("channel", channel.getAsLong())
                    .setParameter("cutoff", clock.instant().minus(TechnicianPresence.OFFLINE_AFTER))
                    .setParameterList("statuses", statuses)
                    .getSingleResult());
            return available ? ChannelAvailabilityResult.TRUE : ChannelAvailabilityResult.FALSE;
        });
    }

    /** A user of the caller's account, by node (technician or administrator node) or by email, never both. */
    public UserLookup user(Credentials credentials, String nodeRaw, String emailRaw) {
        return db.inTransaction(s -> {
            RescueCaller<GetUserResult> checked =
                    RescueCaller.check(authenticator.authenticate(s, credentials), USER_REFUSALS);
            if (checked.refused().isPresent()) {
                return new UserLookup(checked.refusal(), null);
            }
            boolean byNode = nodeRaw != null && !nodeRaw.isBlank();
            boolean byEmail = emailRaw != null && !emailRaw.isBlank();
            if (byNode && byEmail) {
                return new UserLookup(GetUserResult.EMAIL_AND_NODE_BOTH_SPECIFIED, null);
            }
            OptionalLong node = RescueParams.id(nodeRaw);
            if (!byEmail && node.isEmpty()) {
                return new UserLookup(GetUserResult.INVALID_PARAM_NODE, null);
            }
            var query = s.createNativeQuery(USER.replace("{which}",
                            byEmail ? "u.email = :key" : "(u.tech_node_id = :key OR u.admin_node_id = :key)"),
                            Object[].class)
                    .setParameter("cutoff", clock.instant().minus(TechnicianPresence.OFFLINE_AFTER))
                    .setParameter("account", checked.caller().accountId());
            query.setParameter("key", byEmail ? (Object) emailRaw.trim() : (Object) node.getAsLong());
            Object[] u = query.uniqueResult();
            if (u == null) {
                return new UserLookup(byEmail ? GetUserResult.INVALID_PARAM_EMAIL : GetUserResult.INVALID_PARAM_NODE,
                        null);
            }
            Long adminNode = toLong(u[3]);
            Long techNode = toLong(u[4]);
            boolean asAdministrator = byEmail ? techNode == null : Long.valueOf(node.getAsLong()).equals(adminNode);
            String status;
            if (!"ENABLED".equals(u[2])) {
                status = "Disabled";
            } else if (u[5] != null && toBoolean(u[6])) {
                status = PresenceStatus.valueOf((String) u[5]).displayName();
            } else {
                status = "Offline";
            }
            return new UserLookup(GetUserResult.OK, new UserInfo(asAdministrator ? adminNode : techNode,
                    (String) u[0], (String) u[1], asAdministrator ? "Administrator" : "Technician", status, false));
        });
    }

    /** Whether {@code nodeId} is a node of kind {@code ref} in the caller's account and folder list. */
    private static boolean visible(Session s, Caller caller, long nodeId, NodeRef ref) {
        Object[] n = s.createNativeQuery(NODE, Object[].class).setParameter("node", nodeId).uniqueResult();
        if (n == null || !caller.accountId().equals(toLong(n[1]))) {
            return false;
        }
        return switch (ref) {
            case NODE -> "TECHNICIAN".equals(n[0]) && caller.mayActIn(toLong(n[2]));
            case CHANNEL -> "CHANNEL".equals(n[0]) && RescueParams.anyIn((String) n[3], caller.folderGroupIds());
        };
    }
}
