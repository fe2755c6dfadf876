package io.sessiongate.server.rescue;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessiongate.core.testing.ScriptedDay;
import io.sessiongate.core.testing.TestAccounts;
import io.sessiongate.core.testing.TestAccounts.TestAccount;
import io.sessiongate.server.testing.RescueCalls;
import io.sessiongate.server.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The reports of {@link ScriptedDay} (a PIN code's session: waiting, transferred, picked up, held,
 * resumed, transferred into a channel, picked up again, closed; and a second still waiting), read
 * through {@code getReport_v2.aspx} as TEXT and as XML, in UTC and in UTC-5, checked cell by cell.
 * Between two reports that differ only in their output the clock moves a minute: the same report is
 * served once a minute, and the waiting session's times grow with it.
 */
class ScriptedDayReportTest {

    private final TestServer server = TestServer.get();

    @AfterEach
    void realTime() {
        server.clock().reset();
    }

    private static String ok(String method, String cookie, Object... params) {
        String body = RescueCalls.get(method, cookie, params).then().statusCode(200).extract().asString();
        assertThat(body).as(method).isEqualTo("OK");
        return body;
    }

    @Test
    void theDaysSessionsAndTransfersReadCellByCellAsTextAndXmlInTwoTimeZones() {
        ScriptedDay day = ScriptedDay.run(server.core(), server.accounts(), server.clock());
        TestAccount a = day.account();
        String admin = RescueCalls.login(a.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        int minute = 55;
        for (int offset : new int[] {0, -300}) {
            ok("setTimezone.aspx", admin, "timezone", offset);
            ok("setReportDate_v2.aspx", admin, "bdate", "3/5/2024 0:00:00", "edate", "3/5/2024 23:59:59");
            for (String output : new String[] {"TEXT", "XML"}) {
                ok("setOutput.aspx", admin, "output", output);
                ok("setReportArea_v8.aspx", admin, "area", 0);
                assertThat(rows(report(admin, a.techGroupId()), output)).as("sessions, %s, UTC%+d min", output, offset)
                        .containsExactly(closedSession(day, offset), liveSession(day, offset, minute));
                ok("setReportArea_v8.aspx", admin, "area", 16);
                assertThat(rows(report(admin, a.techGroupId()), output)).as("transfers, %s, UTC%+d min", output, offset)
                        .containsExactly(transfer(day, offset, true, output), intoChannel(day, offset, true));
                server.clock().advance(Duration.ofMinutes(1));
                minute++;
            }
        }
        ok("setReportArea_v8.aspx", admin, "area", 7);
        ok("setOutput.aspx", admin, "output", "TEXT");
        assertThat(rows(report(admin, a.techGroupId()), "TEXT")).as("transferred sessions (area 7)")
                .containsExactly(transfer(day, -300, false, "TEXT"), intoChannel(day, -300, false));
        ok("setReportArea_v8.aspx", admin, "area", 0);
        ok("setDelimiter.aspx", admin, "delimiter", ";");
        String text = report(admin, a.onlineTechNodeId());
        assertThat(text.split("\n")[2]).as("another delimiter").startsWith("Start Time;End Time;Last Action Time;");
        assertThat(text.split("\n")[3]).startsWith(ScriptedDay.shown(0, -300) + ";" + ScriptedDay.shown(40, -300) + ";");
    }

    private static String report(String cookie, long node) {
        String body = RescueCalls.get("getReport_v2.aspx", cookie, "node", node, "nodetype", "NODE").then()
                .statusCode(200).contentType("text/plain; charset=utf-8").extract().asString();
        assertThat(body).startsWith("OK\n\n");
        return body;
    }

    /** Each row as title to cell, whatever the encoding; checks the encoding's layout on the way. */
    static List<Map<String, String>> rows(String body, String output) {
        String data = body.substring("OK\n\n".length());
        return "XML".equals(output) ? xmlRows(data) : textRows(data, "|");
    }

    static List<Map<String, String>> textRows(String data, String delimiter) {
        assertThat(data).endsWith("\n");
        List<String[]> lines = new ArrayList<>();
        for (String line : data.substring(0, data.length() - 1).split("\n", -1)) {
            assertThat(line).as("every line ends with the delimiter").endsWith(delimiter);
            lines.add(line.substring(0, line.length() - delimiter.length()).split(java.util.regex.Pattern.quote(delimiter), -1));
        }
        String[] header = lines.get(0);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String[] cells : lines.subList(1, lines.size())) {
            assertThat(cells).as("a cell per column").hasSameSizeAs(header);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    static List<Map<String, String>> xmlRows(String data) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(data.getBytes(StandardCharsets.UTF_8)));
            Element root = doc.getDocumentElement();
            Element header = child(root, "header");
            Element rowsElement = child(root, "data");
            assertThat(header).as("header, a direct child of the root").isNotNull();
            Map<String, String> titles = new LinkedHashMap<>();
            for (Element field : children(header, "field")) {
                titles.put(field.getAttribute("id"), field.getTextContent());
            }
            List<Map<String, String>> rows = new ArrayList<>();
            for (Element row : children(rowsElement, "row")) {
                Map<String, String> cells = new LinkedHashMap<>();
                for (Element field : children(row, "field")) {
                    assertThat(titles).as("every field's id is in the header").containsKey(field.getAttribute("id"));
                    cells.put(titles.get(field.getAttribute("id")), field.getTextContent());
                }
                assertThat(cells.keySet()).as("every row holds every field").containsExactlyElementsOf(titles.values());
                rows.add(cells);
            }
            return rows;
        } catch (Exception e) {
            throw new AssertionError("not the report's XML: " + data, e);
        }
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    private static Map<String, String> cells(List<String> titles, String... values) {
        assertThat(values).hasSameSizeAs(titles);
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(titles.get(i), values[i]);
        }
        return m;
    }

    private static Map<String, String> closedSession(ScriptedDay day, int offset) {
        TestAccount a = day.account();
        return cells(ReportViews.SESSION_COLUMNS, ScriptedDay.shown(0, offset), ScriptedDay.shown(40, offset),
                ScriptedDay.shown(40, offset), "Online Tech", a.onlineTechNodeId().toString(), a.onlineTechEmail(),
                "Technicians", Long.toString(day.sessionId()), "Private", "Closed by technician", "Ann", "", "", "", "",
                "", "T-42", "", "", "", "", a.channelId().toString(), "Channel", "", "00:00:00", "00:06:00",
                "00:38:00", "00:31:00", "00:27:00", "00:04:00", "00:01:00", "00:00:00", "00:00:00", "", "", "");
    }

    /** The second session, Waiting since 13:51, reported at 13:{@code minute}. */
    private static Map<String, String> liveSession(ScriptedDay day, int offset, int minute) {
        TestAccount a = day.account();
        String waiting = String.format("00:%02d:00", minute - 51);
        return cells(ReportViews.SESSION_COLUMNS, ScriptedDay.shown(50, offset), "", ScriptedDay.shown(51, offset),
                "Online Tech", a.onlineTechNodeId().toString(), a.onlineTechEmail(), "Technicians",
                Long.toString(day.liveSessionId()), "Private", "Waiting", "Bea", "", "", "", "", "", "", "", "", "", "",
                "", "", "", "00:00:00", waiting, waiting, "00:00:00", "00:00:00", "00:00:00", "00:00:00", "00:00:00",
                "00:00:00", "", "", "");
    }

    private static Map<String, String> transfer(ScriptedDay day, int offset, boolean extended, String output) {
        TestAccount a = day.account();
        // TEXT replaces the delimiter and line breaks inside a value; XML carries the value as it is.
        String comment = "XML".equals(output) ? ScriptedDay.COMMENT
                : ScriptedDay.COMMENT.replace('|', '/').replace('\n', ' ');
        List<String> cells = new ArrayList<>(List.of(Long.toString(day.sessionId()), ScriptedDay.shown(5, offset),
                "00:03:00", "Ann", a.adminNodeId().toString(), "Admin", a.onlineTechNodeId().toString(), "Online Tech",
                a.offlineTechNodeId().toString(), "Offline Tech", comment, "00:01:00"));
        if (extended) {
            cells.addAll(List.of(a.techGroupId().toString(), "Technicians", a.techGroupId().toString(), "Technicians",
                    ""));
        }
        return cells(extended ? ReportViews.TRANSFER_EXTENDED_COLUMNS : ReportViews.TRANSFER_COLUMNS,
                cells.toArray(String[]::new));
    }

    private static Map<String, String> intoChannel(ScriptedDay day, int offset, boolean extended) {
        TestAccount a = day.account();
        List<String> cells = new ArrayList<>(List.of(Long.toString(day.sessionId()), ScriptedDay.shown(30, offset),
                "00:00:00", "Ann", a.adminNodeId().toString(), "Admin", a.offlineTechNodeId().toString(),
                "Offline Tech", a.channelId().toString(), "Channel", "", "00:00:00"));
        if (extended) {
            cells.addAll(List.of(a.techGroupId().toString(), "Technicians", "", "", ""));
        }
        return cells(extended ? ReportViews.TRANSFER_EXTENDED_COLUMNS : ReportViews.TRANSFER_COLUMNS,
                cells.toArray(String[]::new));
    }
}
