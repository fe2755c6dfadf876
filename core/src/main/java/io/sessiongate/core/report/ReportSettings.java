package io.sessiongate.core.report;

import io.sessiongate.api.rescue.ReportArea;
import io.sessiongate.api.rescue.ReportOutput;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the report setters chose for one web session or auth code, and what a report is made of.
 *
 * @param beginDate       the first instant reported, as a wall-clock time in the report's time zone;
 *                        null (with {@code endDate}) for today
 * @param endDate         the last second reported, inclusive
 * @param beginTime       with {@code endTime}, the part of each day reported (setReportTime); the whole
 *                        day by default; an end before the beginning spans midnight
 * @param timezoneMinutes the report's offset from UTC in minutes ({@code -240}: UTC-4)
 * @param delimiter       the TEXT output's cell delimiter
 */
public record ReportSettings(ReportArea area, LocalDateTime beginDate, LocalDateTime endDate, LocalTime beginTime,
                             LocalTime endTime, int timezoneMinutes, ReportOutput output, String delimiter) {

    /** The last second of a day, the default end of the daily window and of a date-only end date. */
    public static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    /** What a caller who set nothing gets: the session report of today, in UTC, as TEXT delimited by {@code |}. */
    public static final ReportSettings DEFAULTS = new ReportSettings(ReportArea.SESSION, null, null, LocalTime.MIDNIGHT,
            END_OF_DAY, 0, ReportOutput.TEXT, "|");

    /** The instants a report covers: from {@code begin}, up to but not including {@code end}. */
    public record Period(Instant begin, Instant end) {
    }

    public ZoneOffset zone() {
        return ZoneOffset.ofTotalSeconds(timezoneMinutes * 60);
    }

    /** The period the dates name in the report's time zone; today's when no dates were set. */
    public Period period(Instant now) {
        ZoneOffset zone = zone();
        LocalDate today = now.atOffset(zone).toLocalDate();
        LocalDateTime begin = beginDate != null ? beginDate : today.atStartOfDay();
        LocalDateTime end = endDate != null ? endDate : today.atTime(END_OF_DAY);
        return new Period(begin.toInstant(zone), end.plusSeconds(1).toInstant(zone));
    }

    /** Whether the daily window is the whole day (no time-of-day filter). */
    public boolean wholeDay() {
        return beginTime.equals(LocalTime.MIDNIGHT) && endTime.equals(END_OF_DAY);
    }

    public ReportSettings withArea(ReportArea a) {
        return new ReportSettings(a, beginDate, endDate, beginTime, endTime, timezoneMinutes, output, delimiter);
    }

    public ReportSettings withDates(LocalDateTime begin, LocalDateTime end) {
        return new ReportSettings(area, begin, end, beginTime, endTime, timezoneMinutes, output, delimiter);
    }

    public ReportSettings withTimes(LocalTime begin, LocalTime end) {
        return new ReportSettings(area, beginDate, endDate, begin, end, timezoneMinutes, output, delimiter);
    }

    public ReportSettings withTimezone(int minutes) {
        return new ReportSettings(area, beginDate, endDate, beginTime, endTime, minutes, output, delimiter);
    }

    public ReportSettings withOutput(ReportOutput o) {
        return new ReportSettings(area, beginDate, endDate, beginTime, endTime, timezoneMinutes, o, delimiter);
    }

    public ReportSettings withDelimiter(String d) {
        return new ReportSettings(area, beginDate, endDate, beginTime, endTime, timezoneMinutes, output, d);
    }

    /** The settings as an event records them (strings: the event's JSON needs no date support). */
    Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("area", Integer.toString(area.id()));
        m.put("beginDate", beginDate == null ? null : beginDate.toString());
        m.put("endDate", endDate == null ? null : endDate.toString());
        m.put("beginTime", beginTime.toString());
        m.put("endTime", endTime.toString());
        m.put("timezoneMinutes", Integer.toString(timezoneMinutes));
        m.put("output", output.name());
        m.put("delimiter", delimiter);
        return m;
    }
}
