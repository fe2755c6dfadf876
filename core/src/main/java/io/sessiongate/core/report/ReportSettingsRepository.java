package io.sessiongate.core.report;

import io.sessiongate.api.rescue.ReportArea;
import io.sessiongate.api.rescue.ReportOutput;
import io.sessiongate.core.persistence.NativeSql;
import io.sessiongate.core.persistence.Tx;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;

/**
 * The {@code report_settings} table: one row per web session or auth code that set anything, read and
 * written whole. A row of an ended web session or of a replaced auth code can never be used again and
 * is purged.
 */
public final class ReportSettingsRepository {

    private static final String COLUMNS = """
            SELECT area, begin_date, end_date, begin_time, end_time, timezone_minutes, output, field_delimiter
            FROM report_settings WHERE""";

    private static final NativeSql OF_WEB_SESSION = NativeSql.of(COLUMNS + " web_session_id = :owner");
    private static final NativeSql OF_AUTH_CODE = NativeSql.of(COLUMNS + " auth_code_hash = :owner");

    private static final NativeSql SAVE = NativeSql.of("""
            INSERT INTO report_settings (web_session_id, auth_code_hash, account_id, user_id, area, begin_date,
                                         end_date, begin_time, end_time, timezone_minutes, output, field_delimiter,
                                         updated_at)
            VALUES (:web, :code, :account, :user, :area, :begin, :end, :beginTime, :endTime, :tz, :output,
                    :delimiter, :now)
            ON DUPLICATE KEY UPDATE area = VALUES(area), begin_date = VALUES(begin_date), end_date = VALUES(end_date),
                begin_time = VALUES(begin_time), end_time = VALUES(end_time),
                timezone_minutes = VALUES(timezone_minutes), output = VALUES(output),
                field_delimiter = VALUES(field_delimiter), updated_at = VALUES(updated_at)""");

    private static final NativeSql PURGE_WEB_SESSIONS = NativeSql.of("""
            DELETE r FROM report_settings r JOIN web_session w ON w.id = r.web_session_id
            WHERE w.status <> 'A' OR w.last_request_at < :idleBefore""");

    private static final NativeSql PURGE_AUTH_CODES = NativeSql.of("""
            DELETE r FROM report_settings r LEFT JOIN auth_code a ON a.code_hash = r.auth_code_hash
            WHERE r.auth_code_hash IS NOT NULL AND a.code_hash IS NULL""");

    /** Whose settings: a web session (the login cookie's), or an auth code (by its hash). */
    public record Owner(Long webSessionId, String authCodeHash) {
        public Owner {
            if ((webSessionId == null) == (authCodeHash == null)) {
                throw new IllegalArgumentException("settings belong to a web session or an auth code");
            }
        }
    }

    /** The owner's settings, if it ever set any. */
    public Optional<ReportSettings> find(Tx tx, Owner owner) {
        NativeSql.Run run = owner.webSessionId() != null ? OF_WEB_SESSION.on(tx).set("owner", owner.webSessionId())
                : OF_AUTH_CODE.on(tx).set("owner", owner.authCodeHash());
        return run.one(r -> new ReportSettings(ReportArea.ofId(r.getInt("area")),
                r.getObject("begin_date", LocalDateTime.class), r.getObject("end_date", LocalDateTime.class),
                r.getObject("begin_time", LocalTime.class), r.getObject("end_time", LocalTime.class),
                r.getInt("timezone_minutes"), r.getEnum("output", ReportOutput.class), r.getString("field_delimiter")));
    }

    /** Makes {@code settings} the owner's (one statement, insert or update). */
    public void save(Tx tx, Owner owner, long accountId, long userId, ReportSettings settings, Instant now) {
        SAVE.on(tx)
                .set("web", owner.webSessionId())
                .set("code", owner.authCodeHash())
                .set("account", accountId)
                .set("user", userId)
                .set("area", settings.area().id())
                .set("begin", settings.beginDate())
                .set("end", settings.endDate())
                .set("beginTime", settings.beginTime())
                .set("endTime", settings.endTime())
                .set("tz", settings.timezoneMinutes())
                .set("output", settings.output().name())
                .set("delimiter", settings.delimiter())
                .set("now", now)
                .update();
    }

    /**
     * Deletes the settings nobody can use any more: of web sessions ended, timed out or idle for longer
     * than {@code idle} (far past the web session's own time-out), and of auth codes since replaced.
     */
    public int purge(Tx tx, Instant now, Duration idle) {
        return PURGE_WEB_SESSIONS.on(tx).set("idleBefore", now.minus(idle)).update() + PURGE_AUTH_CODES.on(tx).update();
    }
}
