/**
 * Reports (the Rescue API's {@code setReportArea_v8} ... {@code getReport_v2}): the settings each web
 * session or auth code keeps in the database ({@link io.sessiongate.core.report.ReportSettingsRepository}),
 * the poll limit ({@link io.sessiongate.core.report.ReportRequestRepository}), the service that decides
 * who may have which report ({@link io.sessiongate.core.report.ReportService}), and the report itself
 * ({@link io.sessiongate.core.report.PreparedReport}): rows read from {@code support_session},
 * {@code transfer} and {@code event} by one indexed query, streamed in a read-only transaction to a
 * {@link io.sessiongate.core.report.RowSink} one row at a time, so that a report of any size passes
 * through in bounded memory. The rows are domain values (instants, durations, statuses); each API
 * renders them (the Rescue API in {@code server.rescue.ReportWriter}).
 */
package io.sessiongate.core.report;
