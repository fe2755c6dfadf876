package io.sessiongate.api.rescue;

import java.util.Locale;
import java.util.Optional;

/**
 * The report areas {@code setReportArea_v8} selects that sessiongate produces, with the vendor's
 * numbers ({@code area=0}) and the names a SOAP caller may send ({@code eReportArea}). The vendor
 * has more areas (customer survey, login, performance, ...); they answer {@code INVALIDPARAM_AREA}.
 */
public enum ReportArea {
    /** One row per support session. */
    SESSION(0),
    /** One row per transfer. */
    TRANSFERRED_SESSIONS(7),
    /** One row per transfer, with the technician groups on both sides (what tap-logmeinrescue reads). */
    TRANSFERRED_SESSIONS_EXTENDED(16);

    private final int id;

    ReportArea(int id) {
        this.id = id;
    }

    /** The vendor's number of the area, as {@code setReportArea_v8.aspx?area=} takes it. */
    public int id() {
        return id;
    }

    /** The area of a number ({@code 16}) or a name in any case ({@code transferred_sessions_extended}). */
    public static Optional<ReportArea> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String v = raw.trim();
        for (ReportArea a : values()) {
            if (v.equals(Integer.toString(a.id)) || v.toUpperCase(Locale.ROOT).equals(a.name())) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** The area of a stored number. */
    public static ReportArea ofId(int id) {
        for (ReportArea a : values()) {
            if (a.id == id) {
                return a;
            }
        }
        throw new IllegalArgumentException("no report area " + id);
    }
}
