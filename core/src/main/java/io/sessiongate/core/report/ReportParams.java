package io.sessiongate.core.report;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the report setters read their raw values, leniently where the vendor's callers differ: the
 * documented {@code M/D/YYYY H:MM:SS}, with one- or two-digit month, day and hour (tap-logmeinrescue
 * sends {@code 10/1/2018 00:00:00}), seconds optional, an optional AM/PM, or a date alone; and the
 * {@code xsd:dateTime} a SOAP caller sends ({@code 2018-10-01T00:00:00}, with an optional offset).
 */
final class ReportParams {

    /** The widest offsets in use: UTC-12 to UTC+14. */
    static final int MIN_TIMEZONE = -12 * 60;
    static final int MAX_TIMEZONE = 14 * 60;
    /** The longest delimiter taken. */
    static final int MAX_DELIMITER = 8;

    private static final Pattern US_DATE = Pattern.compile(
            "(\\d{1,2})/(\\d{1,2})/(\\d{4})(?:[ T]+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\s*([AaPp])[Mm])?)?");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\s*([AaPp])[Mm])?");

    private ReportParams() {
    }

    /**
     * A report date as a wall-clock time in the report's time zone {@code zone}; a date alone is its
     * first second ({@code endOfDay} false) or its last ({@code endOfDay} true); a SOAP date-time with
     * an offset names an instant, shown in {@code zone}. Empty when it cannot be read.
     */
    static Optional<LocalDateTime> dateTime(String raw, boolean endOfDay, ZoneOffset zone) {
        if (raw == null || hasControl(raw)) {
            return Optional.empty();
        }
        String v = raw.trim();
        Matcher m = US_DATE.matcher(v);
        try {
            if (m.matches()) {
                LocalDate date = LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1)),
                        Integer.parseInt(m.group(2)));
                if (m.group(4) == null) {
                    return Optional.of(endOfDay ? date.atTime(ReportSettings.END_OF_DAY) : date.atStartOfDay());
                }
                return time(m.group(4), m.group(5), m.group(6), m.group(7)).map(date::atTime);
            }
            if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
                LocalDate date = LocalDate.parse(v);
                return Optional.of(endOfDay ? date.atTime(ReportSettings.END_OF_DAY) : date.atStartOfDay());
            }
            if (v.matches("\\d{4}-\\d{2}-\\d{2}T.*(Z|[+-]\\d{2}:\\d{2})")) {
                return Optional.of(OffsetDateTime.parse(v).atZoneSameInstant(zone).toLocalDateTime()
                        .truncatedTo(ChronoUnit.SECONDS));
            }
            if (v.matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
                return Optional.of(LocalDateTime.parse(v).truncatedTo(ChronoUnit.SECONDS));
            }
        } catch (DateTimeException | NumberFormatException e) { // a parse failure is a DateTimeException
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** A time of day, {@code H:MM} or {@code H:MM:SS}, 24-hour or with AM/PM; empty when it cannot be read. */
    static Optional<LocalTime> timeOfDay(String raw) {
        if (raw == null || hasControl(raw)) {
            return Optional.empty();
        }
        Matcher m = TIME.matcher(raw.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        return time(m.group(1), m.group(2), m.group(3), m.group(4));
    }

    private static Optional<LocalTime> time(String hours, String minutes, String seconds, String amPm) {
        try {
            int h = Integer.parseInt(hours);
            if (amPm != null) {
                if (h < 1 || h > 12) {
                    return Optional.empty();
                }
                h = h % 12 + (amPm.equalsIgnoreCase("p") ? 12 : 0);
            }
            return Optional.of(LocalTime.of(h, Integer.parseInt(minutes), seconds == null ? 0 : Integer.parseInt(seconds)));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Minutes from UTC, a whole number from -720 to 840 ({@code +60} and {@code -240} alike). */
    static OptionalInt timezone(String raw) {
        if (raw == null || hasControl(raw) || !raw.trim().matches("[+-]?\\d{1,4}")) {
            return OptionalInt.empty();
        }
        int minutes = Integer.parseInt(raw.trim());
        return minutes < MIN_TIMEZONE || minutes > MAX_TIMEZONE ? OptionalInt.empty() : OptionalInt.of(minutes);
    }

    /**
     * A TEXT delimiter: 1 to 8 characters, taken as sent (a space or a tab is a delimiter too), with no
     * line break or other control character but the tab.
     */
    static Optional<String> delimiter(String raw) {
        if (raw == null || raw.isEmpty() || raw.codePointCount(0, raw.length()) > MAX_DELIMITER) {
            return Optional.empty();
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if ((Character.isISOControl(c) && c != '\t') || c == '\u2028' || c == '\u2029') {
                return Optional.empty();
            }
        }
        return Optional.of(raw);
    }

    private static boolean hasControl(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            if (Character.isISOControl(raw.charAt(i)) && raw.charAt(i) != '\t') {
                return true;
            }
        }
        return false;
    }
}
