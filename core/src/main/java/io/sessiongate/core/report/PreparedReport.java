package io.sessiongate.core.report;

import io.sessiongate.api.rescue.ReportArea;
import io.sessiongate.api.rescue.ReportOutput;
import io.sessiongate.core.persistence.Database;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A report the caller may have, not yet read: getReport_v2 decided who asked, for what, and counted
 * the request; reading happens when the reply is written, in its own read-only transaction, row by
 * row ({@link #sessions} or {@link #transfers}, as {@link #area()} says). Nothing is read until then,
 * so a reply that is never written costs nothing.
 */
public final class PreparedReport {

    private final Database db;
    private final ReportQueries queries;
    private final ReportPlan plan;

    PreparedReport(Database db, ReportQueries queries, ReportPlan plan) {
        this.db = db;
        this.queries = queries;
        this.plan = plan;
    }

    public ReportArea area() {
        return plan.settings().area();
    }

    public ReportOutput output() {
        return plan.settings().output();
    }

    /** The TEXT output's delimiter. */
    public String delimiter() {
        return plan.settings().delimiter();
    }

    /** The time zone the report's times are shown in. */
    public ZoneOffset zone() {
        return plan.settings().zone();
    }

    /** When the report was asked for: the live sessions' times run to here. */
    public Instant madeAt() {
        return plan.now();
    }

    /** The session report's rows ({@link ReportArea#SESSION}); the number written. */
    public long sessions(RowSink<SessionReportRow> sink) {
        if (area() != ReportArea.SESSION) {
            throw new IllegalStateException("a " + area() + " report has no session rows");
        }
        return db.readOnly(tx -> queries.sessions(tx, plan, sink));
    }

    /** The transferred-sessions reports' rows; the number written. */
    public long transfers(RowSink<TransferReportRow> sink) {
        if (area() == ReportArea.SESSION) {
            throw new IllegalStateException("a session report has no transfer rows");
        }
        return db.readOnly(tx -> queries.transfers(tx, plan, sink));
    }
}
