package io.sessiongate.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sessiongate.api.rescue.GetReportResult;
import io.sessiongate.api.rescue.ReportArea;
import io.sessiongate.api.rescue.ReportOutput;
import io.sessiongate.api.rescue.ReportSettingResult;
import io.sessiongate.core.CoreServices;
import io.sessiongate.core.account.Node;
import io.sessiongate.core.account.NodeKind;
import io.sessiongate.core.account.UserStatus;
import io.sessiongate.core.persistence.Database;
import io.sessiongate.core.persistence.Tx;
import io.sessiongate.core.rescue.SupportSessionRepository;
import io.sessiongate.core.rescue.SupportSessionStatus;
import io.sessiongate.core.testing.CoreFixture;
import io.sessiongate.core.testing.MutableClock;
import io.sessiongate.core.testing.ScriptedDay;
import io.sessiongate.core.testing.TestAccounts;
import io.sessiongate.core.testing.TestAccounts.TestAccount;
import io.sessiongate.core.websession.Credentials;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The report settings, scope, poll limit and rows against MariaDB, on a clock the test moves. */
class ReportServiceTest {

    private static final MutableClock clock = new MutableClock();
    private static final CoreFixture FIXTURE = CoreFixture.on(clock);
    private static final Database db = FIXTURE.db();
    private static final CoreServices core = FIXTURE.core();
    private static final TestAccounts accounts = FIXTURE.accounts();
    private static final ReportService reports = core.reports();

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static Credentials admin(TestAccount a) {
        return FIXTURE.cookieOf(a.adminEmail(), TestAccounts.ADMIN_PASSWORD);
    }

    private static List<SessionReportRow> sessionRows(Credentials who, long node) {
        ReportService.ReportRequest asked = reports.report(who, Long.toString(node), "NODE");
        assertThat(asked.result()).isEqualTo(GetReportResult.OK);
        List<SessionReportRow> rows = new ArrayList<>();
        asked.report().sessions(rows::add);
        return rows;
    }

    private static List<TransferReportRow> transferRows(Credentials who, long node, String type) {
        ReportService.ReportRequest asked = reports.report(who, Long.toString(node), type);
        assertThat(asked.result()).isEqualTo(GetReportResult.OK);
        List<TransferReportRow> rows = new ArrayList<>();
        asked.report().transfers(rows::add);
        return rows;
    }

    private static Instant at(int minutes) {
        return ScriptedDay.START.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void aScriptedDaysRowsCarryEveryStatusSpellToTheSecond() {
        ScriptedDay day = ScriptedDay.run(core, accounts, clock);
        TestAccount a = day.account();
        Credentials admin = day.admin();
        assertThat(reports.setDates(admin, "3/5/2024 0:00:00", "3/5/2024 23:59:59")).isEqualTo(ReportSettingResult.OK);

        List<SessionReportRow> rows = sessionRows(admin, a.techGroupId());
        assertThat(rows).hasSize(2);
        SessionReportRow closed = rows.get(0);
        assertThat(closed).isEqualTo(new SessionReportRow(day.sessionId(), at(0), at(40), at(40),
                a.onlineTechNodeId(), "Online Tech", a.onlineTechEmail(), "Technicians", true,
                SupportSessionStatus.CLOSED_BY_TECHNICIAN, Arrays.asList("Ann", null, null, null, null, null), "T-42",
                a.channelId(), "Channel", Duration.ofMinutes(6), Duration.ofMinutes(1), Duration.ofMinutes(27),
                Duration.ofMinutes(4)));
        assertThat(closed.active()).isEqualTo(Duration.ofMinutes(31));
        assertThat(closed.total()).as("13:02 to 13:40").isEqualTo(Duration.ofMinutes(38));
        SessionReportRow live = rows.get(1);
        assertThat(live.sessionId()).isEqualTo(day.liveSessionId());
        assertThat(live.status()).isEqualTo(SupportSessionStatus.WAITING);
        assertThat(live.closedAt()).isNull();
        assertThat(live.lastActionAt()).isEqualTo(at(51));
        assertThat(live.waiting()).as("its current spell runs to the report").isEqualTo(Duration.ofMinutes(4));
        assertThat(live.total()).isEqualTo(Duration.ofMinutes(4));
        assertThat(sessionRows(admin, a.offlineTechNodeId())).as("B handed it on: the session is A's").isEmpty();

        assertThat(reports.setArea(admin, "7")).isEqualTo(ReportSettingResult.OK);
        List<TransferReportRow> transfers = transferRows(admin, a.techGroupId(), "NODE");
        assertThat(transfers).containsExactly(
                new TransferReportRow(day.sessionId(), at(5), Duration.ofMinutes(3), "Ann", a.adminNodeId(), "Admin",
                        a.onlineTechNodeId(), "Online Tech", a.offlineTechNodeId(), "Offline Tech", ScriptedDay.COMMENT,
                        Duration.ofMinutes(1), a.techGroupId(), "Technicians", a.techGroupId(), "Technicians"),
                new TransferReportRow(day.sessionId(), at(30), Duration.ZERO, "Ann", a.adminNodeId(), "Admin",
                        a.offlineTechNodeId(), "Offline Tech", a.channelId(), "Channel", null, Duration.ZERO,
                        a.techGroupId(), "Technicians", null, null));
        assertThat(transferRows(admin, a.channelId(), "CHANNEL")).as("the channel's: the one into it")
                .extracting(TransferReportRow::transferredAt).containsExactly(at(30));
        assertThat(reports.setArea(admin, "0")).isEqualTo(ReportSettingResult.OK);
        assertThat(sessionRowsOfChannel(admin, a.channelId())).extracting(SessionReportRow::sessionId)
                .containsExactly(day.sessionId());
    }

    private static List<SessionReportRow> sessionRowsOfChannel(Credentials who, long channel) {
        ReportService.ReportRequest asked = reports.report(who, Long.toString(channel), "channel");
        assertThat(asked.result()).isEqualTo(GetReportResult.OK);
        List<SessionReportRow> rows = new ArrayList<>();
        asked.report().sessions(rows::add);
        return rows;
    }

    @Test
    void aTransferStillPendingCountsItsTimeUpToTheReport() {
        clock.freezeAt(ScriptedDay.START);
        TestAccount a = accounts.create(1);
        Credentials admin = admin(a);
        long session = a.sessionIds().get(0);
        clock.freezeAt(at(3));
        accounts.online(a.onlineTechNodeId());
        assertThat(core.transfers().transfer(admin, new io.sessiongate.core.rescue.TransferRequest(
                Long.toString(session), Long.toString(a.onlineTechNodeId()), null, null)))
                .isEqualTo(io.sessiongate.api.rescue.TransferSessionResult.OK);
        clock.freezeAt(at(10));
        assertThat(reports.setArea(admin, "16")).isEqualTo(ReportSettingResult.OK);
        assertThat(reports.setDates(admin, "3/5/2024", "3/5/2024")).isEqualTo(ReportSettingResult.OK);
        TransferReportRow row = transferRows(admin, a.onlineTechNodeId(), null).get(0);
        assertThat(row.waiting()).as("waiting in the channel since 13:00").isEqualTo(Duration.ofMinutes(3));
        assertThat(row.inTransfer()).as("not yet picked up at 13:10").isEqualTo(Duration.ofMinutes(7));
        assertThat(row.fromId()).isEqualTo(a.channelId());
        assertThat(row.fromGroupId()).as("a channel has no technician group").isNull();
        assertThat(reports.setArea(admin, "0")).isEqualTo(ReportSettingResult.OK);
        SessionReportRow s = sessionRows(admin, a.onlineTechNodeId()).get(0);
        assertThat(s.waiting()).isEqualTo(Duration.ofMinutes(3));
        assertThat(s.inTransfer()).isEqualTo(Duration.ofMinutes(7));
        assertThat(s.privateSession()).as("it came in through the channel").isFalse();
    }

    @Test
    void aSessionTheSweeperTimesOutKeepsItsLastSpell() {
        clock.freezeAt(ScriptedDay.START);
        TestAccount a = accounts.create(1);
        db.doInTransaction(s -> s.createNativeQuery("UPDATE account SET waiting_timeout_minutes = 5 WHERE id = :a")
                .setParameter("a", a.accountId()).executeUpdate());
        clock.freezeAt(at(6));
        assertThat(core.sweeper().sweep().waitingTimedOut()).isPositive();
        clock.freezeAt(at(9));
        Credentials admin = admin(a);
        SessionReportRow row = sessionRowsOfChannel(admin, a.channelId()).get(0);
        assertThat(row.status()).isEqualTo(SupportSessionStatus.TIMED_OUT);
        assertThat(row.closedAt()).isEqualTo(at(6));
        assertThat(row.waiting()).as("13:00 to the time-out, not to the report").isEqualTo(Duration.ofMinutes(6));
    }

    @Test
    void settingsBelongToOneWebSessionOrOneAuthCodeAndEachChangeIsOneEvent() {
        TestAccount a = accounts.create(0);
        Credentials first = admin(a);
        Credentials second = admin(a);
        Credentials code = Credentials.authCode(core.logins().requestAuthCode(a.adminEmail(),
                TestAccounts.ADMIN_PASSWORD, "192.0.2.9").code());
        assertThat(reports.setTimezone(first, "60")).isEqualTo(ReportSettingResult.OK);
        assertThat(reports.setTimezone(first, "60")).as("the same again changes nothing").isEqualTo(ReportSettingResult.OK);
        assertThat(reports.setOutput(code, "xml")).isEqualTo(ReportSettingResult.OK);
        assertThat(reports.setDelimiter(code, ";")).isEqualTo(ReportSettingResult.OK);
        assertThat(reports.settings(first)).get().extracting(ReportSettings::timezoneMinutes, ReportSettings::output)
                .containsExactly(60, ReportOutput.TEXT);
        assertThat(reports.settings(second)).contains(ReportSettings.DEFAULTS);
        assertThat(reports.settings(code)).get().extracting(ReportSettings::timezoneMinutes, ReportSettings::output,
                ReportSettings::delimiter).containsExactly(0, ReportOutput.XML, ";");
        List<String> events = db.inTransaction(s -> s.createNativeQuery("SELECT CONCAT(object_type, ' ', before_state,"
                + " ' ', after_state) FROM event WHERE account_id = :a AND action = 'REPORT_SETTINGS_CHANGED' ORDER BY id",
                String.class).setParameter("a", a.accountId()).getResultList());
        assertThat(events).containsExactly(
                "WEB_SESSION {\"timezoneMinutes\":\"0\"} {\"timezoneMinutes\":\"60\"}",
                "USER {\"output\":\"TEXT\"} {\"output\":\"XML\"}",
                "USER {\"delimiter\":\"|\"} {\"delimiter\":\";\"}");

        Credentials newCode = Credentials.authCode(core.logins().requestAuthCode(a.adminEmail(),
                TestAccounts.ADMIN_PASSWORD, "192.0.2.9").code());
        assertThat(reports.settings(newCode)).as("a new auth code starts afresh").contains(ReportSettings.DEFAULTS);
        assertThat(core.logins().logout(first.cookieToken())).isNotNull();
        reports.purge();
        long left = db.inTransaction(s -> s.createNativeQuery("SELECT COUNT(*) FROM report_settings WHERE account_id = :a",
                Long.class).setParameter("a", a.accountId()).getSingleResult());
        assertThat(left).as("the ended login's and the replaced code's settings are gone").isZero();
    }

    @Test
    void eachSetterAnswersItsCodes() {
        TestAccount a = accounts.create(0);
        Credentials admin = admin(a);
        assertThat(reports.setArea(admin, "0")).isEqualTo(ReportSettingResult.OK);
        assertThat(reports.setArea(admin, "transferred_sessions_extended")).isEqualTo(ReportSettingResult.OK);
        for (String area : new String[] {"1", "8", "x", "", null, "-7"}) {
            assertThat(reports.setArea(admin, area)).as(String.valueOf(area))
                    .isEqualTo(ReportSettingResult.INVALID_PARAM_AREA);
        }
        assertThat(reports.setDates(admin, "10/1/2018 00:00:00", "10/8/2018 00:00:00")).isEqualTo(ReportSettingResult.OK);
        assertThat(reports.setDates(admin, "10/8/2018 0:00:00", "10/1/2018 0:00:00"))
                .isEqualTo(ReportSettingResult.INVALID_DATE_RANGE);
        assertThat(reports.setDates(admin, "10/1/2018", null)).isEqualTo(ReportSettingResult.INVALID_FORMAT);
        assertThat(reports.setDates(admin, "2018/10/01", "10/8/2018")).isEqualTo(ReportSettingResult.INVALID_FORMAT);
        assertThat(reports.settings(admin).orElseThrow().beginDate()).as("a refusal keeps what was set")
                .isEqualTo(LocalDateTime.of(2018, 10, 1, 0, 0));
        assertThat(reports.setTimes(admin, "8:00", "17:30")).isEqualTo(ReportSettingResult.OK);
        assertThat(reports.setTimes(admin, "8:00", "nine")).isEqualTo(ReportSettingResult.INVALID_FORMAT);
        assertThat(reports.setTimezone(admin, "-240")).isEqualTo(ReportSettingResult.OK);
        assertThat(reports.setTimezone(admin, "9999")).isEqualTo(ReportSettingResult.INVALID_FORMAT);
        assertThat(reports.setOutput(admin, "Xml")).isEqualTo(ReportSettingResult.OK);
        assertThat(reports.setOutput(admin, "PDF")).isEqualTo(ReportSettingResult.INVALID_FORMAT);
        assertThat(reports.setDelimiter(admin, ",")).isEqualTo(ReportSettingResult.OK);
        assertThat(reports.setDelimiter(admin, "")).isEqualTo(ReportSettingResult.INVALID_FORMAT);
        assertThat(reports.settings(admin)).contains(new ReportSettings(ReportArea.TRANSFERRED_SESSIONS_EXTENDED,
                LocalDateTime.of(2018, 10, 1, 0, 0), LocalDateTime.of(2018, 10, 8, 0, 0), LocalTime.of(8, 0),
                LocalTime.of(17, 30), -240, ReportOutput.XML, ","));

        assertThat(reports.setOutput(Credentials.NONE, "XML")).isEqualTo(ReportSettingResult.NOT_LOGGED_IN);
        assertThat(reports.setOutput(Credentials.authCode("x".repeat(80)), "XML"))
                .isEqualTo(ReportSettingResult.INVALID_SECRET_AUTH_CODE);
        assertThat(reports.report(Credentials.NONE, "1", null).result()).isEqualTo(GetReportResult.NOT_LOGGED_IN);
        accounts.accounts().setUserStatus(a.adminUserId(), UserStatus.DISABLED);
        assertThat(reports.setOutput(admin, "XML")).isEqualTo(ReportSettingResult.USER_DELETED_OR_DISABLED);
        assertThat(reports.report(admin, Long.toString(a.techGroupId()), null).result())
                .isEqualTo(GetReportResult.USER_DELETED_OR_DISABLED);
    }

    @Test
    void theSameReportWithinTheWindowIsRefusedWhileOtherNodesAndAreasAreServed() {
        clock.freezeAt(ScriptedDay.START);
        TestAccount a = accounts.create(0);
        Credentials admin = admin(a);
        String techA = Long.toString(a.onlineTechNodeId());
        String techB = Long.toString(a.offlineTechNodeId());
        assertThat(reports.repeatWindow()).isEqualTo(Duration.ofSeconds(60));
        assertThat(reports.report(admin, techA, "NODE").result()).isEqualTo(GetReportResult.OK);
        assertThat(reports.report(admin, techA, null).result()).isEqualTo(GetReportResult.POLL_RATE_EXCEEDED);
        assertThat(reports.report(admin(a), techA, null).result()).as("the user's limit, not the login's")
                .isEqualTo(GetReportResult.POLL_RATE_EXCEEDED);
        assertThat(reports.report(admin, techB, "NODE").result()).as("another node").isEqualTo(GetReportResult.OK);
        assertThat(reports.report(admin, Long.toString(a.techGroupId()), "NODE").result()).isEqualTo(GetReportResult.OK);
        assertThat(reports.setArea(admin, "16")).isEqualTo(ReportSettingResult.OK);
        assertThat(reports.report(admin, techA, "NODE").result()).as("another area").isEqualTo(GetReportResult.OK);
        assertThat(reports.setArea(admin, "0")).isEqualTo(ReportSettingResult.OK);
        assertThat(reports.setDates(admin, "3/4/2024", "3/4/2024")).isEqualTo(ReportSettingResult.OK);
        assertThat(reports.report(admin, techA, "NODE").result()).as("other dates").isEqualTo(GetReportResult.OK);
        assertThat(reports.setDates(admin, "3/5/2024", "3/5/2024")).isEqualTo(ReportSettingResult.OK);
        assertThat(reports.report(admin, techA, "NODE").result()).as("today's, named")
                .isEqualTo(GetReportResult.POLL_RATE_EXCEEDED);
        assertThat(reports.report(admin, "x", "NODE").result()).as("a bad node is not counted")
                .isEqualTo(GetReportResult.INVALID_PARAM_NODE);
        clock.advance(Duration.ofSeconds(59));
        assertThat(reports.report(admin, techA, "NODE").result()).isEqualTo(GetReportResult.POLL_RATE_EXCEEDED);
        clock.advance(Duration.ofSeconds(1));
        assertThat(reports.report(admin, techA, "NODE").result()).isEqualTo(GetReportResult.OK);
        assertThat(reports.report(admin, techA, "NODE").result()).isEqualTo(GetReportResult.POLL_RATE_EXCEEDED);
    }

    @Test
    void aNodeReportCoversTheTechniciansBeneathAtAnyDepthWithinTheFolderList() {
        clock.freezeAt(ScriptedDay.START);
        TestAccount a = accounts.create(0);
        TestAccount other = accounts.create(0);
        Node inner = accounts.accounts().createNode(null, a.accountId(), NodeKind.TECHNICIAN_GROUP, a.techGroupId(),
                "Inner");
        Node deeper = accounts.accounts().createNode(null, a.accountId(), NodeKind.TECHNICIAN_GROUP, inner.getId(),
                "Deeper");
        Node deepTech = accounts.accounts().createNode(null, a.accountId(), NodeKind.TECHNICIAN, deeper.getId(),
                "Deep Tech");
        Node outside = accounts.accounts().createNode(null, a.accountId(), NodeKind.TECHNICIAN_GROUP, a.techGroupId(),
                "Outside");
        Node outsideTech = accounts.accounts().createNode(null, a.accountId(), NodeKind.TECHNICIAN, outside.getId(),
                "Outside Tech");
        long mine = session(a, a.onlineTechNodeId());
        long deep = session(a, deepTech.getId());
        session(a, outsideTech.getId());
        accounts.accounts().setFolderListGroups(a.folderListId(), Set.of(a.techGroupId(), deeper.getId()));
        Credentials admin = admin(a); // the folder list is read at login
        assertThat(sessionRows(admin, a.techGroupId())).extracting(SessionReportRow::sessionId)
                .as("the group's own technicians and those of Deeper, two levels down; not those of Outside")
                .containsExactly(mine, deep);
        assertThat(sessionRows(admin, inner.getId())).as("a group outside the list holding one inside it")
                .extracting(SessionReportRow::sessionId).containsExactly(deep);
        for (Object[] refused : new Object[][] {{outside.getId(), "NODE"}, {outsideTech.getId(), "NODE"},
                {a.channelId(), "NODE"}, {a.onlineTechNodeId(), "CHANNEL"}, {a.techGroupId(), "CHANNEL"},
                {other.techGroupId(), "NODE"}, {other.onlineTechNodeId(), "NODE"}, {other.channelId(), "CHANNEL"},
                {999_999_999L, "NODE"}, {a.techGroupId(), "GROUP"}}) {
            assertThat(reports.report(admin, refused[0].toString(), (String) refused[1]).result())
                    .as(Arrays.toString(refused)).isEqualTo(GetReportResult.INVALID_PARAM_NODE);
        }
        assertThat(reports.report(admin, Long.toString(a.channelId()), "CHANNEL").result())
                .isEqualTo(GetReportResult.OK);
    }

    private static long session(TestAccount a, long technician) {
        return db.inTransaction(s -> {
            SupportSessionRepository sessions = new SupportSessionRepository();
            long id = sessions.nextId(Tx.of(s));
            sessions.insert(Tx.of(s), id, a.accountId(), SupportSessionStatus.ACTIVE, technician, null, "C" + id, "en",
                    clock.instant());
            return id;
        });
    }

    /**
     * A report is never held whole: when its first row reaches the writer, the database is still
     * sending the rest (the query is still running in MariaDB's process list). A driver that read
     * the whole result first would only hand over the first row once the query had finished.
     */
    @Test
    void aReportStreamsItsRowsWhileTheDatabaseIsStillSendingThem() throws SQLException {
        clock.freezeAt(ScriptedDay.START);
        TestAccount a = accounts.create(0);
        int count = 40_000;
        String wide = "w".repeat(500);
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            long first;
            try (ResultSet rs = st.executeQuery("SELECT NEXTVAL(support_session_seq)")) {
                rs.next();
                first = rs.getLong(1);
            }
            st.executeQuery("SELECT SETVAL(support_session_seq, " + (first + count) + ")").close();
            for (int from = 0; from < count; from += 2000) {
                StringBuilder sql = new StringBuilder("INSERT INTO support_session (id, account_id, status,"
                        + " technician_node_id, custom_field1, language, started_at, status_changed_at) VALUES ");
                for (int i = from; i < from + 2000; i++) {
                    sql.append(i == from ? "" : ",").append('(').append(first + i).append(',').append(a.accountId())
                            .append(",'ACTIVE',").append(a.onlineTechNodeId()).append(",'").append(wide)
                            .append("','en','2024-03-05 13:00:00','2024-03-05 13:00:00')");
                }
                st.executeUpdate(sql.toString());
            }
            c.commit();
        }
        Credentials admin = admin(a);
        ReportService.ReportRequest asked = reports.report(admin, Long.toString(a.onlineTechNodeId()), "NODE");
        AtomicBoolean checked = new AtomicBoolean();
        long[] seen = new long[1];
        long rows = asked.report().sessions(row -> {
            if (!checked.getAndSet(true)) {
                assertThat(reportStillRunning()).as("the query is still sending when the first row is written").isTrue();
            }
            seen[0]++;
        });
        assertThat(rows).isEqualTo(count);
        assertThat(seen[0]).isEqualTo(count);
    }

    @Test
    void aReportIsReadInAReadOnlyTransaction() {
        assertThatThrownBy(() -> db.readOnly(tx -> io.sessiongate.core.persistence.NativeSql
                .of("INSERT INTO report_request (user_id, report_key, last_request_at) VALUES (1, 'x', NOW())")
                .on(tx).update())).isInstanceOf(io.sessiongate.core.persistence.DataAccessException.class)
                .hasStackTraceContaining("READ ONLY");
    }

    private static boolean reportStillRunning() {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM information_schema.PROCESSLIST"
                     + " WHERE DB = DATABASE() AND COMMAND = 'Query' AND INFO LIKE 'SELECT s.id, s.status, s.started_at%'")) {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
