package io.sessiongate.server.rescue;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessiongate.core.testing.ScriptedDay;
import io.sessiongate.core.testing.TestAccounts;
import io.sessiongate.core.testing.TestAccounts.TestAccount;
import io.sessiongate.server.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The reports as singer-io's tap-logmeinrescue pulls them ({@code client.py}, {@code streams/base.py}),
 * replayed with the JDK's HTTP client sending what python-requests sends: a GET login whose
 * {@code ASP.NET_SessionId} cookie goes back on every call; then per stream (session report, area 0;
 * transferred sessions extended, area 16), per 7-day window and per technician, one after another:
 * POST {@code setReportArea_v8}, {@code setTimezone}, {@code setReportDate_v2} ({@code %-m/%-d/%Y
 * %H:%M:%S}), {@code setOutput} with the parameters in the query string and an empty body, then GET
 * {@code getReport_v2?node=<id>&nodetype=NODE}. And its parsing: each setter's
 * {@code split("\n\n", 1)[0] == "OK"}; the report's {@code status, data = raw.split("\n\n", 1)}
 * ({@code OK} alone would not unpack); ElementTree: {@code find('header')} a direct child of the root,
 * rows under {@code data/row}, each field's {@code id} found in the header by
 * {@code field[@id='X']}; keys from the titles (en dash removed, {@code /} and spaces to {@code _},
 * lower case); {@code session_id} an integer. The technicians' ids, which the tap reads from
 * getHierarchy_v2 (not on this branch), are the account's.
 */
class TapLogMeInRescueTest {

    private static final String SESSION_KEYS = "session_id, start_time, end_time, last_action_time, technician_name, "
            + "technician_id, session_type, status, tracking_id, customer_ip, device_id, incident_tools_used, "
            + "resolved_unresolved, channel_id, channel_name, calling_card, connecting_time, waiting_time, total_time, "
            + "active_time, work_time, hold_time, time_in_transfer, rebooting_time, reconnecting_time, platform, "
            + "technician_email, browser_type";
    private static final String TRANSFER_KEYS = "session_id, time_of_transfer, waiting_time, "
            + "transferred_by__technician_id, transferred_by, transferred_from__technician_channel_id, transferred_from, "
            + "transferred_to__technician_channel_id, transferred_to, transfer_comment, time_in_transfer, "
            + "transferred_from__technician_group_id, transferred_from__technician_group, "
            + "transferred_to__technician_group_id, transferred_to__technician_group, chatlog";

    private final TestServer server = TestServer.get();
    private final HttpClient http = HttpClient.newHttpClient();
    private String cookie;

    @AfterEach
    void realTime() {
        server.clock().reset();
    }

    private HttpResponse<String> send(String method, String path, Map<String, Object> params) throws Exception {
        String query = params.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue().toString(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUri() + "API/" + path
                        + (query.isEmpty() ? "" : "?" + query)))
                .header("User-Agent", "python-requests/2.19.1").header("Accept", "*/*")
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (cookie != null) {
            request.header("Cookie", "ASP.NET_SessionId=" + cookie);
        }
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200); // the tap raises on anything else
        return r;
    }

    private void login(String email, String password) throws Exception {
        HttpResponse<String> r = send("GET", "login.aspx", Map.of("email", email, "pwd", password));
        assertThat(r.body()).contains("OK").doesNotContain("INVALID");
        cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("ASP.NET_SessionId="))
                .map(c -> c.substring("ASP.NET_SessionId=".length(), c.indexOf(';'))).findFirst().orElseThrow();
    }

    /** execute_request(parent_id, start_date, end_date) of streams/base.py, and parse_data. */
    private List<Map<String, String>> executeRequest(int area, long technician, LocalDateTime start,
                                                     LocalDateTime end) throws Exception {
        DateTimeFormatter tapFormat = DateTimeFormatter.ofPattern("M/d/yyyy HH:mm:ss", Locale.ROOT);
        for (HttpResponse<String> r : List.of(
                send("POST", "setReportArea_v8.aspx", Map.of("area", area)),
                send("POST", "setTimezone.aspx", Map.of("timezone", 0)),
                send("POST", "setReportDate_v2.aspx", linked("bdate", start.format(tapFormat), "edate",
                        end.format(tapFormat))),
                send("POST", "setOutput.aspx", Map.of("output", "XML")))) {
            assertThat(r.body().split("\n\n", 2)[0]).isEqualTo("OK");
        }
        String raw = send("GET", "getReport_v2.aspx", linked("node", technician, "nodetype", "NODE")).body();
        int blank = raw.indexOf("\n\n");
        assertThat(blank).as("status, data = raw.split(\"\\n\\n\", 1) needs two parts: " + raw).isPositive();
        assertThat(raw.substring(0, blank)).isEqualTo("OK");
        return parseData(raw.substring(blank + 2));
    }

    private static Map<String, Object> linked(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /** parse_data: ElementTree's find/findall as the tap calls them, and convert_keys. */
    private static List<Map<String, String>> parseData(String data) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(data.getBytes(StandardCharsets.UTF_8)));
        Element tree = doc.getDocumentElement();
        Element headers = children(tree, "header").stream().findFirst().orElseThrow(
                () -> new AssertionError("tree.find('header') is None"));
        List<Map<String, String>> rows = new ArrayList<>();
        for (Element data1 : children(tree, "data")) {
            for (Element row : children(data1, "row")) {
                Map<String, String> toAdd = new LinkedHashMap<>();
                for (Element field : children(row, "field")) {
                    assertThat(field.hasAttribute("id")).as("field.attrib['id']").isTrue();
                    String id = field.getAttribute("id");
                    Element title = children(headers, "field").stream().filter(h -> h.getAttribute("id").equals(id))
                            .findFirst().orElseThrow(() -> new AssertionError("headers.find(\"field[@id='" + id
                                    + "']\") is None"));
                    toAdd.put(convertKey(title.getTextContent()), field.getTextContent().isEmpty() ? null
                            : field.getTextContent());
                }
                rows.add(toAdd);
            }
        }
        return rows;
    }

    private static String convertKey(String k) {
        return k.replace("\u2013", "").replace("/", "_").replace(" ", "_").toLowerCase(Locale.ROOT);
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

    @Test
    void theTapsCallsAndParsingReadTheDaysSessionsAndTransfersPerTechnician() throws Exception {
        ScriptedDay day = ScriptedDay.run(server.core(), server.accounts(), server.clock());
        TestAccount a = day.account();
        login(a.adminEmail(), TestAccounts.ADMIN_PASSWORD);
        List<Long> technicians = List.of(a.onlineTechNodeId(), a.offlineTechNodeId());
        LocalDateTime start = LocalDateTime.of(2024, 3, 1, 0, 0);
        Map<Long, List<Map<String, String>>> sessions = new LinkedHashMap<>();
        Map<Long, List<Map<String, String>>> transfers = new LinkedHashMap<>();
        for (LocalDateTime from = start; from.isBefore(LocalDateTime.of(2024, 3, 15, 0, 0)); from = from.plusDays(7)) {
            for (long technician : technicians) {
                sessions.computeIfAbsent(technician, t -> new ArrayList<>())
                        .addAll(executeRequest(0, technician, from, from.plusDays(7)));
            }
        }
        for (LocalDateTime from = start; from.isBefore(LocalDateTime.of(2024, 3, 15, 0, 0)); from = from.plusDays(7)) {
            for (long technician : technicians) {
                transfers.computeIfAbsent(technician, t -> new ArrayList<>())
                        .addAll(executeRequest(16, technician, from, from.plusDays(7)));
            }
        }
        List<Map<String, String>> mine = sessions.get(a.onlineTechNodeId());
        assertThat(mine).extracting(r -> Long.parseLong(r.get("session_id"))).as("session_id is an integer")
                .containsExactly(day.sessionId(), day.liveSessionId());
        assertThat(mine.get(0).keySet()).containsAll(keys(SESSION_KEYS));
        assertThat(mine.get(0)).containsEntry("start_time", "3/5/2024 1:00:00 PM")
                .containsEntry("technician_id", a.onlineTechNodeId().toString())
                .containsEntry("status", "Closed by technician").containsEntry("total_time", "00:38:00")
                .containsEntry("customer_ip", null);
        assertThat(sessions.get(a.offlineTechNodeId())).as("B handed the session on").isEmpty();
        assertThat(transfers.get(a.onlineTechNodeId())).as("from A to B").hasSize(1);
        List<Map<String, String>> fromB = transfers.get(a.offlineTechNodeId());
        assertThat(fromB).as("to B, then from B into the channel").hasSize(2);
        assertThat(fromB.get(0).keySet()).containsAll(keys(TRANSFER_KEYS));
        assertThat(fromB.get(0)).containsEntry("transferred_by__technician_id", a.adminNodeId().toString())
                .containsEntry("transferred_to__technician_channel_id", a.offlineTechNodeId().toString())
                .containsEntry("time_in_transfer", "00:01:00").containsEntry("chatlog", null);
        assertThat(fromB.get(1)).containsEntry("transferred_to", "Channel")
                .containsEntry("transferred_to__technician_group_id", null);
        for (Map<String, String> t : fromB) {
            Long.parseLong(t.get("session_id"));
        }
    }

    private static Set<String> keys(String list) {
        return Set.of(list.split(", "));
    }
}
