package io.sessiongate.server.rescue;

import io.sessiongate.api.rescue.AccountInfo;
import io.sessiongate.api.rescue.GroupInfo;
import io.sessiongate.api.rescue.HierarchyEntry;
import io.sessiongate.api.rescue.NodeType;
import io.sessiongate.api.rescue.SessionRow;
import io.sessiongate.api.rescue.UserInfo;
import io.sessiongate.core.account.CallerAccount;
import io.sessiongate.core.account.DirectoryNode;
import io.sessiongate.core.account.NodeKind;
import io.sessiongate.core.account.NodeStatus;
import io.sessiongate.core.account.UserStatus;
import io.sessiongate.core.rescue.PresenceStatus;
import io.sessiongate.core.rescue.SessionQueryService;
import io.sessiongate.core.rescue.SupportSessionStatus;
import io.sessiongate.core.rescue.SupportSessionView;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The Rescue API's presentation of core's answers, shared by the {@code .aspx} and SOAP encodings:
 * the vendor's status texts, its date format, its user and node types, the hierarchy's statuses.
 */
public final class RescueViews {

    /** The vendor's start time, e.g. {@code 2/19/2024 2:36:37 PM} (UTC). */
    static final DateTimeFormatter START_TIME = DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US);

    private RescueViews() {
    }

    /** A session status as the vendor's session tables show it. */
    public static String statusText(SupportSessionStatus status) {
        return switch (status) {
            case WAITING -> "Waiting";
            case ACTIVE -> "Active";
            case ON_HOLD -> "On Hold";
            case TRANSFERRING -> "Transferring";
            case CLOSED_BY_TECHNICIAN -> "Closed by technician";
            case CLOSED_BY_CUSTOMER -> "Closed by customer";
            case CLOSED_BY_WAITING_CUSTOMER -> "Closed by waiting customer";
            case TIMED_OUT -> "Timed out";
            // Never listed (a PIN not yet entered, or never used); the vendor's text for what is not shown.
            case PIN_ISSUED, EXPIRED -> "Not available";
        };
    }

    public static List<SessionRow> rows(List<SupportSessionView> sessions) {
        return sessions.stream().map(RescueViews::row).toList();
    }

    public static SessionRow row(SupportSessionView s) {
        return new SessionRow(s.id(), statusText(s.status()), s.channelNodeId(), s.channelName(),
                s.technicianNodeId(), s.technicianName(),
                LocalDateTime.ofInstant(s.startedAt(), ZoneOffset.UTC).format(START_TIME), s.inStatus().getSeconds(),
                s.customFields(), s.language(), s.transferredTo(), s.transferredComment(),
                s.technicianNodeId() != null, false);
    }

    /** getUser_v3's user: type Administrator or Technician; status Online, Away, Busy, Offline or Disabled. */
    public static UserInfo user(SessionQueryService.UserView u) {
        String status;
        if (u.status() != UserStatus.ENABLED) {
            status = "Disabled";
        } else if (u.presence() != null) {
            status = presenceText(u.presence());
        } else {
            status = "Offline";
        }
        return new UserInfo(u.nodeId(), u.name(), "", u.email(), "", "",
                u.asAdministrator() ? NodeType.ADMINISTRATOR : NodeType.TECHNICIAN, status, false);
    }

    /** getUser_v2's user, from the directory: the node's type, and its status as the hierarchy shows it. */
    public static UserInfo user(DirectoryNode n) {
        DirectoryNode.Person p = n.person();
        return new UserInfo(n.id(), n.name(), p.nick(), p.email(), p.ssoId(), n.description(), type(n.kind()),
                status(n), false);
    }

    /** getGroup_v2's group. */
    public static GroupInfo group(DirectoryNode n) {
        return new GroupInfo(n.id(), n.parentId(), n.name(), n.description(), type(n.kind()),
                n.status() == NodeStatus.ENABLED);
    }

    /** getAccount's answer: the ids the caller lacks are 0, as the vendor documents. */
    public static AccountInfo account(CallerAccount a) {
        return new AccountInfo(a.accountId(), a.organization(), a.adminNodeId() == null ? 0 : a.adminNodeId(),
                a.techNodeId() == null ? 0 : a.techNodeId(), a.email());
    }

    /** getHierarchy(_v2)'s nodes, in the directory's order. */
    public static List<HierarchyEntry> hierarchy(List<DirectoryNode> nodes) {
        return nodes.stream().map(n -> new HierarchyEntry(n.id(), n.parentId(), n.name(),
                n.person() == null ? "" : n.person().email(), n.description(), status(n), type(n.kind()))).toList();
    }

    /** The vendor's type of a node. */
    public static NodeType type(NodeKind kind) {
        return switch (kind) {
            case ROOT -> NodeType.ROOT;
            case MASTER_ADMINISTRATORS -> NodeType.MASTER_ADMINISTRATORS;
            case ADMINISTRATORS -> NodeType.ADMINISTRATORS;
            case TECHNICIANS -> NodeType.TECHNICIANS;
            case ADMINISTRATOR_GROUP -> NodeType.ADMINISTRATOR_GROUP;
            case TECHNICIAN_GROUP -> NodeType.TECHNICIAN_GROUP;
            case MASTER_ADMINISTRATOR -> NodeType.MASTER_ADMINISTRATOR;
            case ADMINISTRATOR -> NodeType.ADMINISTRATOR;
            case TECHNICIAN -> NodeType.TECHNICIAN;
            case CHANNEL -> NodeType.CHANNEL;
        };
    }

    /**
     * A node's status as the vendor's hierarchy shows it: a person Disabled when their user is not enabled,
     * else Online, Away or Busy while their console runs, else Offline; a group, channel, the root or an
     * organisation node Disabled when disabled, else Offline (the vendor's sample shows an enabled technician
     * group as {@code Status:Offline}).
     */
    public static String status(DirectoryNode n) {
        if (n.kind().isPerson()) {
            DirectoryNode.Person p = n.person();
            if (p != null && p.status() != UserStatus.ENABLED) {
                return "Disabled";
            }
            return p != null && p.presence() != null ? presenceText(p.presence()) : "Offline";
        }
        return n.status() == NodeStatus.DISABLED ? "Disabled" : "Offline";
    }

    public static String presenceText(PresenceStatus status) {
        return status.displayName();
    }
}
