package io.sessiongate.server.rescue;

import io.sessiongate.api.rescue.SessionRow;
import io.sessiongate.api.rescue.UserInfo;
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
 * the vendor's status texts, its date format, its user types.
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
        return new UserInfo(u.nodeId(), u.name(), u.email(), u.asAdministrator() ? "Administrator" : "Technician",
                status, false);
    }

    public static String presenceText(PresenceStatus status) {
        return status.displayName();
    }
}
