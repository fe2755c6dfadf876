package io.sessiongate.server.rescue;

import io.sessiongate.core.report.SessionReportRow;
import io.sessiongate.core.report.TransferReportRow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The Rescue API's presentation of report rows, the one place for it (both encodings, TEXT and XML,
 * {@code .aspx} and SOAP, write what is made here): the column titles of each report area, and each
 * row's cells, with times in the report's time zone and the vendor's date format
 * ({@code 10/1/2018 9:05:00 AM}) and durations as {@code HH:MM:SS}. Columns sessiongate records
 * nothing for (customer IP, platform, ...) are present and empty, so that callers find every column
 * they expect; times of stages it has no status for (connecting, rebooting, reconnecting) are zero.
 */
public final class ReportViews {

    /** The Session report's columns, as the vendor's documented header and a real one name them. */
    public static final List<String> SESSION_COLUMNS = List.of("Start Time", "End Time", "Last Action Time",
            "Technician Name", "Technician ID", "Technician Email", "Technician Group", "Session ID", "Session Type",
            "Status", "Name", "Custom field 1", "Custom field 2", "Custom field 3", "Custom field 4", "Custom field 5",
            "Tracking ID", "Customer IP", "Device ID", "Incident Tools Used", "Resolved Unresolved", "Channel ID",
            "Channel Name", "Calling Card", "Connecting Time", "Waiting Time", "Total Time", "Active Time",
            "Work Time", "Hold Time", "Time in Transfer", "Rebooting Time", "Reconnecting Time", "Platform",
            "Browser Type", "Host Name");

    /**
     * The Transferred sessions report's columns. Titles with an en dash, as tap-logmeinrescue's keys
     * imply ({@code transferred_by__technician_id} is "Transferred By – Technician ID" with the dash
     * removed and spaces made underscores).
     */
    public static final List<String> TRANSFER_COLUMNS = List.of("Session ID", "Time of Transfer", "Waiting Time",
            "Name", "Transferred By \u2013 Technician ID", "Transferred By",
            "Transferred From \u2013 Technician/Channel ID", "Transferred From",
            "Transferred To \u2013 Technician/Channel ID", "Transferred To", "Transfer Comment", "Time in Transfer");

    /** The Transferred sessions extended report's columns: the above, the groups on both sides, the chat log. */
    public static final List<String> TRANSFER_EXTENDED_COLUMNS = extended();

    private static final String NO_TIME = "00:00:00";

    private ReportViews() {
    }

    private static List<String> extended() {
        List<String> c = new ArrayList<>(TRANSFER_COLUMNS);
        c.addAll(List.of("Transferred From \u2013 Technician Group ID", "Transferred From \u2013 Technician Group",
                "Transferred To \u2013 Technician Group ID", "Transferred To \u2013 Technician Group", "Chatlog"));
        return List.copyOf(c);
    }

    /** A session report row's cells, in {@link #SESSION_COLUMNS}' order. */
    public static String[] session(SessionReportRow r, ZoneOffset zone) {
        List<String> f = r.customFields();
        return new String[] {time(r.startedAt(), zone), time(r.closedAt(), zone), time(r.lastActionAt(), zone),
                text(r.technicianName()), id(r.technicianId()), text(r.technicianEmail()), text(r.technicianGroup()),
                Long.toString(r.sessionId()), r.privateSession() ? "Private" : "Channel",
                RescueViews.statusText(r.status()), text(f.get(0)), text(f.get(1)), text(f.get(2)), text(f.get(3)),
                text(f.get(4)), text(f.get(5)), text(r.trackingId()), "", "", "", "", id(r.channelId()),
                text(r.channelName()), "", NO_TIME, duration(r.waiting()), duration(r.total()),
                duration(r.active()), duration(r.work()), duration(r.hold()), duration(r.inTransfer()), NO_TIME,
                NO_TIME, "", "", ""};
    }

    /** A transfer's cells, in {@link #TRANSFER_COLUMNS}' order, or {@link #TRANSFER_EXTENDED_COLUMNS}'. */
    public static String[] transfer(TransferReportRow r, ZoneOffset zone, boolean extended) {
        String[] basic = {Long.toString(r.sessionId()), time(r.transferredAt(), zone), duration(r.waiting()),
                text(r.customerName()), id(r.byNodeId()), text(r.byName()), id(r.fromId()), text(r.fromName()),
                id(r.toId()), text(r.toName()), text(r.comment()), duration(r.inTransfer())};
        if (!extended) {
            return basic;
        }
        String[] all = java.util.Arrays.copyOf(basic, basic.length + 5);
        all[basic.length] = id(r.fromGroupId());
        all[basic.length + 1] = text(r.fromGroupName());
        all[basic.length + 2] = id(r.toGroupId());
        all[basic.length + 3] = text(r.toGroupName());
        all[basic.length + 4] = "";
        return all;
    }

    /** An instant in the report's time zone, in the vendor's format; empty for none. */
    static String time(Instant t, ZoneOffset zone) {
        return t == null ? "" : LocalDateTime.ofInstant(t, zone).format(RescueViews.START_TIME);
    }

    /** {@code HH:MM:SS} (hours may exceed 99), whole seconds; empty for an unknown duration. */
    static String duration(Duration d) {
        if (d == null) {
            return "";
        }
        long s = Math.max(0, d.getSeconds());
        StringBuilder out = new StringBuilder(8);
        two(out, s / 3600).append(':');
        two(out, s / 60 % 60).append(':');
        return two(out, s % 60).toString();
    }

    private static StringBuilder two(StringBuilder out, long n) {
        return (n < 10 ? out.append('0') : out).append(n);
    }

    private static String id(Long id) {
        return id == null ? "" : id.toString();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
