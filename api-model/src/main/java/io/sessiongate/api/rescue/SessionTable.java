package io.sessiongate.api.rescue;

import java.util.ArrayList;
import java.util.List;

/**
 * The text table of {@code getSession_v3.aspx}, as the vendor sends it: the header line, then one
 * line per session; every cell, the last one included, ends with {@code |} and every line with
 * {@code \n}. A {@code |} or line break inside a value would break the table, so it is written
 * as {@code /} or a space: the only lossy step, and the vendor's callers cannot parse it otherwise.
 */
public final class SessionTable {

    /** The header line, without its line break. */
    public static final String HEADER = "ID|Status|Entry ID|Entry|Technician ID|Technician|Start Time|Waiting Time|"
            + "Custom Field 0|Custom Field 1|Custom Field 2|Custom Field 3|Custom Field 4|Custom Field 5|Language|"
            + "Transferred To|Transferred Comment|Is Lead Technician|HandingOff|";

    private static final int COLUMNS = 19;

    private SessionTable() {
    }

    /** The table: header and rows, each line ending in {@code \n}. */
    public static String render(List<SessionRow> rows) {
        StringBuilder out = new StringBuilder(HEADER.length() + 1 + rows.size() * 160);
        out.append(HEADER).append('\n');
        for (SessionRow r : rows) {
            cell(out, Long.toString(r.id()));
            cell(out, r.status());
            cell(out, r.entryId() == null ? "" : r.entryId().toString());
            cell(out, r.entry());
            cell(out, r.technicianId() == null ? "" : r.technicianId().toString());
            cell(out, r.technician());
            cell(out, r.startTime());
            cell(out, Long.toString(r.waitingTimeSeconds()));
            r.customFields().forEach(f -> cell(out, f));
            cell(out, r.language());
            cell(out, r.transferredTo());
            cell(out, r.transferredComment());
            cell(out, yesNo(r.lead()));
            cell(out, yesNo(r.handingOff()));
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * Reads a table that {@link #render} wrote (or the vendor sent).
     *
     * @throws IllegalArgumentException when the text is not such a table
     */
    public static List<SessionRow> parse(String table) {
        String[] lines = table.split("\n", -1);
        if (lines.length == 0 || !lines[0].equals(HEADER)) {
            throw new IllegalArgumentException("not a getSession_v3 table: the header line is missing");
        }
        List<SessionRow> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            String[] c = lines[i].split("\\|", -1);
            if (c.length != COLUMNS + 1 || !c[COLUMNS].isEmpty()) {
                throw new IllegalArgumentException("line " + (i + 1) + " has not " + COLUMNS + " cells");
            }
            try {
                rows.add(new SessionRow(Long.parseLong(c[0]), c[1], optionalLong(c[2]), c[3], optionalLong(c[4]), c[5],
                        c[6], Long.parseLong(c[7]), List.of(c[8], c[9], c[10], c[11], c[12], c[13]), c[14], c[15],
                        c[16], "Yes".equalsIgnoreCase(c[17]), "Yes".equalsIgnoreCase(c[18])));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("line " + (i + 1) + " has a number that is not one", e);
            }
        }
        return List.copyOf(rows);
    }

    private static void cell(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            out.append(switch (ch) {
                case '|' -> '/';
                case '\n', '\r' -> ' ';
                default -> ch;
            });
        }
        out.append('|');
    }

    private static String yesNo(boolean b) {
        return b ? "Yes" : "No";
    }

    private static Long optionalLong(String s) {
        return s.isEmpty() ? null : Long.valueOf(s);
    }
}
