package io.sessiongate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessiongate.core.testing.TestAccounts.TestAccount;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * At least 100,000 generated requests across every endpoint, from a seeded generator (the seed is
 * printed; {@code -Dfuzz.seed} replays a run, {@code -Dfuzz.requests} sets the count): random and
 * boundary values, wrong types, huge values, invalid UTF-8, bad escapes, duplicate parameters, wrong
 * content types, truncated and oversized bodies, malformed SOAP and JSON, malformed request lines.
 * No credentials are ever valid, so every request is one the server must reject: not one answer
 * may be a stack trace, an HTML page, a fault, an undocumented code or a hang, and afterwards the
 * server is healthy and its data unchanged.
 */
class FuzzTest {

    private static final Pattern RESCUE_BODY = Pattern.compile("(OK|ERROR|INVALID|LIMITREACHED|POLLRATEEXCEEDED|NOTLOGGEDIN|"
            + "NOTLOGGEDINASADMIN|ACTIONFAILED|INVALIDPARAM_NODE|INVALID_SECRETAUTHCODE|USER_DELETED_OR_DISABLED|"
            + "INVALIDPARAM_CHANNELID|INVALIDPARAM_EMAIL|INVALID_EMAILANDNODEIDBOTHSPECIFIED|TRUE|FALSE)");
    private static final String[] RESCUE_METHODS = {"login", "logout", "requestAuthCode", "transferSession",
            "getSession_v3", "isAnyTechAvailableOnChannel", "getUser_v3", "getSession", "deleteNode", "x"};
    private static final String[] PARAMS = {"email", "pwd", "session", "node", "noderef", "comment", "authcode",
            "ChannelID", "ExcludingAwayAndBusy", "SESSION", "Node", "nodeRef", "x", ""};
    private static final String[] SOAP_OPS = {"login", "logout", "requestAuthCode", "transferSession", "getSession_V3",
            "nothing"};
    private static final String[] SOAP_FIELDS = {"sEmail", "sPassword", "iSessionID", "iNodeID", "eNodeRef",
            "sComment", "sAuthCode", "x"};
    private static final String[] API_FIELDS = {"SessionSurrogate", "SessionSiteKey", "SessionUserSurrogate",
            "IpAddress", "SessionStatus", "RefreshRolesAndFolderList", "authcode", "x"};
    private static final String[] TYPES = {"application/x-www-form-urlencoded", "application/json", "text/xml",
            "application/soap+xml", "text/plain", "multipart/form-data; boundary=x", "application/xml", "",
            "application/json; charset=latin1", "garbage/\u00ff", "text/xml; charset=utf-16"};

    private List<String> values;
    private String siteKey;

    @Test
    void ahundredThousandGeneratedRequestsGetOnlyDocumentedAnswers() throws Exception {
        SuiteDatabase db = SuiteDatabase.get();
        TestAccount account = db.accounts().create(3);
        values = valuePool(account);
        siteKey = account.siteKey();
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        int total = Integer.getInteger("fuzz.requests", 100_000);
        try (ServerProcess server = ServerProcess.start(db.jdbcUrl())) {
            Map<String, String> before = checksums(db);
            URI uri = URI.create(server.base());
            AtomicInteger next = new AtomicInteger();
            Map<String, AtomicLong> seen = new ConcurrentHashMap<>();
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            List<Thread> workers = new ArrayList<>();
            long started = System.nanoTime();
            for (int w = 0; w < 8; w++) {
                SplittableRandom random = new SplittableRandom(seed + w);
                Thread t = new Thread(() -> {
                    try (RawHttp http = new RawHttp(uri.getHost(), uri.getPort(), 10_000)) {
                        int n;
                        while ((n = next.getAndIncrement()) < total && failures.size() < 20) {
                            Generated g = generate(random);
                            String verdict;
                            try {
                                verdict = judge(g, http.send(g.bytes()));
                            } catch (java.net.SocketTimeoutException e) {
                                verdict = "FAIL hang (no reply in 10 s)";
                            } catch (Exception e) {
                                verdict = "FAIL " + e;
                            }
                            if (verdict.startsWith("FAIL")) {
                                failures.add("request " + n + " (" + g.family() + "): " + verdict + "\n    "
                                        + abbreviate(new String(g.bytes(), StandardCharsets.ISO_8859_1)));
                            }
                            seen.computeIfAbsent(g.family() + " " + verdict, k -> new AtomicLong()).incrementAndGet();
                        }
                    }
                });
                t.start();
                workers.add(t);
            }
            for (Thread t : workers) {
                t.join();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(failures).as("requests answered outside the contract (seed " + seed + ")").isEmpty();
            var health = Http.send(java.net.http.HttpRequest.newBuilder(URI.create(server.base() + "health")).build());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(checksums(db)).as("tables changed by rejected requests").isEqualTo(before);
            long sent = seen.values().stream().mapToLong(AtomicLong::get).sum();
            assertThat(sent).isGreaterThanOrEqualTo(total);
            Map<String, Long> byVerdict = new TreeMap<>();
            seen.forEach((k, v) -> byVerdict.put(k, v.get()));
            System.out.printf("[fuzz] seed %d: %d requests in %.1f s (%.0f/s); server healthy after; %d tables "
                    + "unchanged (password_attempt excluded: every wrong password is counted by design); answers:%n", seed,
                    sent, seconds, sent / seconds, before.size());
            byVerdict.forEach((k, v) -> System.out.printf("    %7d  %s%n", v, k));
        }
    }

    private record Generated(String family, byte[] bytes) {
    }

    /** The verdict: a short class of the answer, or FAIL with the reason. */
    private static String judge(Generated g, RawHttp.Reply r) {
        String body = r.body();
        if (g.family().startsWith("v1 ")) {
            return judgeV1(g, r, body); // its browser is HTML and JavaScript by design
        }
        String lower = body.toLowerCase(Locale.ROOT);
        if (lower.contains("<html") || lower.contains("exception") || lower.contains("\tat ")
                || lower.contains("stacktrace") || lower.contains("hibernate") || lower.contains("sql")) {
            return "FAIL body shows internals or HTML: " + abbreviate(body);
        }
        switch (g.family()) {
            case "rescue" -> {
                if (r.status() == 200 && (RESCUE_BODY.matcher(body).matches() || body.startsWith("OK\n"))) {
                    return "200 " + (body.contains("\n") ? "OK+data" : body);
                }
                // 415: an .aspx POST body that is not a form (what a cross-origin page could send)
                if ((r.status() == 404 || r.status() == 405 || r.status() == 413 || r.status() == 400
                        || r.status() == 415) && (body.equals("ERROR") || body.isEmpty())) {
                    return r.status() + " " + body;
                }
                return "FAIL rescue " + r.status() + " " + abbreviate(body);
            }
            case "soap" -> {
                if (r.status() == 200 && (body.contains("Response xmlns=") || r.contentType().startsWith("text/")
                        && (body.contains("wsdl:definitions") || body.startsWith("The Rescue API")))) {
                    return "200 " + (body.contains("wsdl:definitions") ? "wsdl" : body.startsWith("The") ? "help"
                            : "response");
                }
                if ((r.status() == 500 || r.status() == 400) && body.contains(":Fault>")
                        && !body.contains("soap:Server") && !body.contains("soap:Receiver")) {
                    return r.status() + " fault";
                }
                if ((r.status() == 400 || r.status() == 405 || r.status() == 413) && (body.equals("ERROR")
                        || body.isEmpty())) {
                    return r.status() + " " + body;
                }
                return "FAIL soap " + r.status() + " " + abbreviate(body);
            }
            case "apiserver" -> {
                if (List.of(400, 401, 404, 405, 413, 422).contains(r.status())
                        && (body.contains("\"ReturnedStatus\":\"*Error\"") || body.isEmpty() && r.status() == 400)) {
                    return r.status() + " error array";
                }
                return "FAIL apiserver " + r.status() + " " + abbreviate(body);
            }
            default -> {
                if (r.status() >= 500 && r.status() != 505) {
                    return "FAIL other " + r.status() + " " + abbreviate(body);
                }
                return r.status() + (r.contentType().isEmpty() ? "" : " " + r.contentType().split(";")[0]);
            }
        }
    }

    /**
     * The JSON API answers a problem of one of its documented types for anything it refuses, never a
     * fault; only its document, its browser and OPTIONS answer 2xx without credentials.
     */
    private static String judgeV1(Generated g, RawHttp.Reply r, String body) {
        String method = g.family().substring(3);
        String target = new String(g.bytes(), StandardCharsets.ISO_8859_1).split(" ", 3)[1];
        boolean publicPath = target.startsWith("/api/v1/openapi.json") || target.startsWith("/api/v1/docs");
        String lower = body.toLowerCase(Locale.ROOT);
        if (!publicPath && (lower.contains("<html") || lower.contains("exception") || lower.contains("\tat ")
                || lower.contains("hibernate") || lower.contains("sql"))) {
            return "FAIL v1 body shows internals or HTML: " + abbreviate(body);
        }
        if (r.status() / 100 == 2 || r.status() == 301) {
            return publicPath || method.equals("OPTIONS") ? r.status() + " public" : "FAIL v1 " + r.status()
                    + " without credentials: " + abbreviate(body);
        }
        if (!java.util.Set.of(400, 401, 403, 404, 405, 406, 409, 412, 413, 415, 422, 428).contains(r.status())) {
            return "FAIL v1 " + r.status() + " " + abbreviate(body);
        }
        if (body.contains("\"type\":\"tag:sessiongate.io,2026:problems/") && r.contentType()
                .startsWith("application/problem+json")) {
            return r.status() + " problem";
        }
        if ((method.equals("HEAD") || r.status() == 400) && body.isEmpty()) {
            return r.status() + " empty";
        }
        return "FAIL v1 " + r.status() + " not a problem: " + abbreviate(body);
    }

    private Generated generate(SplittableRandom r) {
        int pick = r.nextInt(100);
        if (pick < 36) {
            return rescue(r);
        }
        if (pick < 54) {
            return soap(r);
        }
        if (pick < 74) {
            return apiServer(r);
        }
        if (pick < 90) {
            return v1(r);
        }
        return other(r);
    }

    private Generated rescue(SplittableRandom r) {
        String method = pickCase(r, RESCUE_METHODS[r.nextInt(RESCUE_METHODS.length)]);
        String path = pickCase(r, "/API/") + method + (r.nextInt(10) == 0 ? ".asp" : pickCase(r, ".aspx"));
        String params = params(r, PARAMS);
        if (r.nextBoolean()) {
            return new Generated("rescue", request("GET", path + "?" + params, null, null));
        }
        return new Generated("rescue", request("POST", path, TYPES[r.nextInt(3) == 0 ? r.nextInt(TYPES.length) : 0],
                body(r, params)));
    }

    private Generated soap(SplittableRandom r) {
        String path = pickCase(r, "/API/API.asmx");
        if (r.nextInt(10) == 0) {
            return new Generated("soap", request("GET", path + (r.nextBoolean() ? "?wsdl" : "?" + params(r, PARAMS)),
                    null, null));
        }
        String ns = r.nextBoolean() ? "http://schemas.xmlsoap.org/soap/envelope/" : "http://www.w3.org/2003/05/soap-envelope";
        String op = SOAP_OPS[r.nextInt(SOAP_OPS.length)];
        StringBuilder fields = new StringBuilder();
        for (int i = r.nextInt(6); i > 0; i--) {
            String f = SOAP_FIELDS[r.nextInt(SOAP_FIELDS.length)];
            fields.append('<').append(f).append('>').append(xmlish(value(r))).append("</").append(f).append('>');
        }
        String envelope = switch (r.nextInt(8)) {
            case 0 -> "<soap:Envelope xmlns:soap=\"" + ns + "\"><soap:Body><" + op;  // truncated
            case 1 -> "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>";
            case 2 -> value(r);
            case 3 -> "<soap:Envelope xmlns:soap=\"" + ns + "\"><soap:Body/></soap:Envelope>";
            default -> "<?xml version=\"1.0\"?><soap:Envelope xmlns:soap=\"" + ns + "\"><soap:Body><" + op
                    + " xmlns=\"https://secure.logmeinrescue.com/API/API.asmx\">" + fields + "</" + op
                    + "></soap:Body></soap:Envelope>";
        };
        String type = r.nextInt(4) == 0 ? TYPES[r.nextInt(TYPES.length)]
                : ns.contains("2003") ? "application/soap+xml" : "text/xml; charset=utf-8";
        return new Generated("soap", request("POST", path, type, body(r, envelope)));
    }

    private Generated apiServer(SplittableRandom r) {
        String[] calls = {"Session.Update", "Session.UpdateValidation", "Session.GetSessionData", "Session.Delete"};
        String call = calls[r.nextInt(calls.length)];
        String path = pickCase(r, "/APIServer/") + pickCase(r, call);
        if (call.endsWith("GetSessionData") && r.nextInt(4) != 0) {
            return new Generated("apiserver", request("GET", path + "?" + params(r, API_FIELDS), null, null));
        }
        String body;
        String type;
        if (r.nextInt(3) == 0) {
            type = r.nextBoolean() ? "application/x-www-form-urlencoded" : TYPES[r.nextInt(TYPES.length)];
            body = params(r, API_FIELDS);
        } else {
            type = r.nextInt(5) == 0 ? TYPES[r.nextInt(TYPES.length)] : "application/json";
            StringBuilder json = new StringBuilder("{");
            for (int i = r.nextInt(8); i > 0; i--) {
                json.append('"').append(API_FIELDS[r.nextInt(API_FIELDS.length)]).append("\":").append(jsonValue(r));
                if (i > 1) {
                    json.append(',');
                }
            }
            json.append('}');
            body = switch (r.nextInt(10)) {
                case 0 -> json.substring(0, r.nextInt(json.length()));
                case 1 -> "[" + json + "]";
                case 2 -> value(r);
                default -> json.toString();
            };
        }
        return new Generated("apiserver", request(r.nextInt(20) == 0 ? "PUT" : "POST", path, type, body(r, body)));
    }

    private static final String[] V1_PATHS = {"/api/v1/accounts", "/api/v1/accounts/{s}", "/api/v1/accounts/{s}/api-tokens",
            "/api/v1/accounts/{s}/api-tokens/{id}", "/api/v1/accounts/{s}/web-sessions",
            "/api/v1/accounts/{s}/web-sessions/{id}", "/api/v1/accounts/{s}/events", "/api/v1/accounts/{s}/support-sessions",
            "/api/v1/accounts/{s}/support-sessions/{id}", "/api/v1/accounts/{s}/support-sessions/{id}/transfer",
            "/api/v1/accounts/{s}/support-sessions/{id}/start", "/api/v1/accounts/{s}/support-sessions/{id}/close",
            "/api/v1/accounts/{s}/support-sessions/{id}/cancel-action", "/api/v1/session", "/api/v1/openapi.json",
            "/api/v1/docs", "/api/v1/docs/{id}", "/api/v1/console/heartbeat", "/api/v1/console/sessions/{id}/start",
            "/api/v1/{id}", "/api/v1/accounts/{s}/hierarchy", "/api/v1/accounts/{s}/groups",
            "/api/v1/accounts/{s}/channels", "/api/v1/accounts/{s}/channels/{id}/groups/{id}",
            "/api/v1/accounts/{s}/nodes/{id}", "/api/v1/accounts/{s}/users", "/api/v1/accounts/{s}/users/{id}",
            "/api/v1/accounts/{s}/roles", "/api/v1/accounts/{s}/roles/{id}", "/api/v1/accounts/{s}/folder-lists",
            "/api/v1/accounts/{s}/folder-lists/{id}"};
    // No HEAD: it answers as GET without a body, which RawHttp (reading Content-Length) cannot tell apart from a hang.
    private static final String[] V1_METHODS = {"GET", "POST", "PATCH", "DELETE", "PUT", "OPTIONS"};
    private static final String[] V1_PARAMS = {"limit", "cursor", "after", "status", "userId", "objectType", "objectId",
            "technicianId", "channelId", "authcode", "beneath", "x"};
    private static final String[] V1_FIELDS = {"siteKey", "name", "masterAdministrator", "email", "password",
            "technicianId", "channelId", "customerName", "customFields", "tracking", "language", "noTechConsole",
            "comment", "status", "ipAddress", "refreshRolesAndFolderList", "expiresAt", "webSessionTimeoutMinutes",
            "pinValidityMinutes", "parentId", "kind", "description", "technicianGroupId", "administratorGroupId",
            "roles", "folderListId", "groupIds", "priority", "anonymous", "currentPassword", "nick", "ssoId", "x"};
    private static final String[] V1_HEADERS = {"Authorization: Bearer ", "Authorization: ", "Idempotency-Key: ",
            "If-Match: ", "X-CSRF-Token: ", "Cookie: ASP.NET_SessionId=", "Accept: ", "Origin: "};

    /** The JSON API: its paths with random site keys and ids, methods, queries, headers and JSON bodies. */
    private Generated v1(SplittableRandom r) {
        String path = V1_PATHS[r.nextInt(V1_PATHS.length)]
                .replace("{s}", r.nextBoolean() ? siteKey : value(r).replace("/", "").replace("?", ""))
                .replace("{id}", r.nextBoolean() ? Long.toString(r.nextLong(1, 200_000)) : value(r).replace("/", "")
                        .replace("?", ""));
        String method = V1_METHODS[r.nextInt(V1_METHODS.length)];
        String target = path + (r.nextInt(3) == 0 ? "?" + params(r, V1_PARAMS) : "");
        StringBuilder json = new StringBuilder("{");
        for (int i = r.nextInt(6); i > 0; i--) {
            json.append('"').append(V1_FIELDS[r.nextInt(V1_FIELDS.length)]).append("\":").append(jsonValue(r));
            if (i > 1) {
                json.append(r.nextInt(15) == 0 ? ",," : ",");
            }
        }
        json.append('}');
        String text = switch (r.nextInt(10)) {
            case 0 -> json.substring(0, r.nextInt(json.length()));
            case 1 -> json + " " + json;
            case 2 -> "[" + json + "]";
            case 3 -> value(r);
            default -> json.toString();
        };
        byte[] body = "GET".equals(method) || "HEAD".equals(method) || r.nextInt(8) == 0 ? null : body(r, text);
        String type = r.nextInt(6) == 0 ? TYPES[r.nextInt(TYPES.length)] : "application/json";
        StringBuilder head = new StringBuilder(method).append(' ').append(target.replace(" ", "%20").replace("\r", "%0D")
                .replace("\n", "%0A")).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (int i = r.nextInt(4); i > 0; i--) {
            head.append(V1_HEADERS[r.nextInt(V1_HEADERS.length)]).append(value(r).replace("\r", "").replace("\n", ""))
                    .append("\r\n");
        }
        if (body != null) {
            head.append("Content-Type: ").append(type).append("\r\n");
        }
        head.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            out.writeBytes(body);
        }
        return new Generated("v1 " + method, out.toByteArray());
    }

    private Generated other(SplittableRandom r) {
        return switch (r.nextInt(6)) {
            case 0 -> new Generated("other", request("POST", "/api/v1/console/heartbeat", "application/json",
                    body(r, "{\"status\":" + jsonValue(r) + "}")));
            case 1 -> new Generated("other", request("GET", "/health", null, null));
            case 2 -> new Generated("other", request(r.nextBoolean() ? "GET" : "DELETE", "/" + value(r).replace(" ", "")
                    .replace("\r", "").replace("\n", ""), null, null));
            case 3 -> new Generated("other", ("GET /API/login.aspx?email=" + value(r) + " HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            case 4 -> new Generated("other", ("GET /ping HTTP/1.1\r\nHost: x\r\nX-Junk: " + value(r).replace("\r", "")
                    .replace("\n", "") + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            default -> new Generated("other", request("GET", "/ping", null, null));
        };
    }

    private static byte[] request(String method, String target, String type, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = method + " " + target.replace(" ", "%20").replace("\r", "%0D").replace("\n", "%0A")
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + (type == null || type.isEmpty() ? "" : "Content-Type: " + type
                + "\r\n") + "Content-Length: " + (body == null ? 0 : body.length) + "\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    /** The body as UTF-8, sometimes with invalid UTF-8 or past the 64 KiB limit. */
    private static byte[] body(SplittableRandom r, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return switch (r.nextInt(25)) {
            case 0 -> {
                byte[] bad = java.util.Arrays.copyOf(bytes, bytes.length + 3);
                bad[bytes.length] = (byte) 0xFF;
                bad[bytes.length + 1] = (byte) 0xC3;
                bad[bytes.length + 2] = (byte) 0x28;
                yield bad;
            }
            case 1 -> ("x".repeat(70 * 1024) + text).getBytes(StandardCharsets.UTF_8);
            default -> bytes;
        };
    }

    /** name=value pairs, with duplicates, bad escapes, raw bytes and missing '='. */
    private String params(SplittableRandom r, String[] names) {
        StringBuilder b = new StringBuilder();
        for (int i = r.nextInt(7); i > 0; i--) {
            if (b.length() > 0) {
                b.append(r.nextInt(20) == 0 ? "&&" : "&");
            }
            b.append(pickCase(r, names[r.nextInt(names.length)]));
            if (r.nextInt(15) != 0) {
                b.append('=').append(encode(r, value(r)));
            }
        }
        return b.toString();
    }

    private static String encode(SplittableRandom r, String v) {
        return switch (r.nextInt(6)) {
            case 0 -> v.replace("&", "%26"); // raw, as a careless caller writes it
            case 1 -> "%" + "ZZ" + v;           // a bad escape
            case 2 -> "%FF%FE" + v;             // invalid UTF-8
            default -> java.net.URLEncoder.encode(v, StandardCharsets.UTF_8);
        };
    }

    private String value(SplittableRandom r) {
        return values.get(r.nextInt(values.size()));
    }

    private String jsonValue(SplittableRandom r) {
        return switch (r.nextInt(8)) {
            case 0 -> Long.toString(r.nextLong());
            case 1 -> "null";
            case 2 -> "true";
            case 3 -> "{\"a\":[1,2,{}]}";
            case 4 -> "[\"A\",\"E\"]";
            case 5 -> "1e309";
            default -> "\"" + value(r).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
                    .replace("\r", "\\r").replace("\t", "\\t").replaceAll("[\\x00-\\x1f]", " ") + "\"";
        };
    }

    private static String xmlish(String v) {
        return v.replace("&", "&amp;").replace("<", "&lt;");
    }

    private static String pickCase(SplittableRandom r, String s) {
        return switch (r.nextInt(4)) {
            case 0 -> s.toLowerCase(Locale.ROOT);
            case 1 -> s.toUpperCase(Locale.ROOT);
            default -> s;
        };
    }

    private static List<String> valuePool(TestAccount a) {
        List<String> v = new ArrayList<>(List.of("", " ", "0", "-1", "1", "2147483647", "2147483648",
                "9223372036854775807", "9223372036854775808", "-9223372036854775808", "1.5", "1e3", "0x10", "NaN",
                "NODE", "CHANNEL", "node", "GROUP", "A", "T", "E", "Active", "Ended", "Y", "N", "yes", "true", "false",
                "demo", "other", "admin@demo.example", "' OR '1'='1", "\"; DROP TABLE support_session; --",
                "<script>alert(1)</script>", "../../etc/passwd", "%00", "\u0000", "\u00e9\u00e8\u00ea", "\u2603\ud83d\ude00",
                "\ud800", "x".repeat(300), "9".repeat(40), "a".repeat(5000), "::1", "999.1.1.1", "2001:db8::1",
                "1.2.3.4", "null", "{}", "[]", "\r\n", "a b c", "a&b=c", "=", "%", "+", "\\"));
        v.add(a.siteKey());
        v.add(a.adminEmail());
        v.add(Long.toString(a.sessionIds().get(0)));
        v.add(Long.toString(a.onlineTechNodeId()));
        v.add(Long.toString(a.channelId()));
        v.add(Long.toString(a.adminNodeId()));
        return List.copyOf(v);
    }

    private static Map<String, String> checksums(SuiteDatabase db) {
        List<String> tables = db.database().inTransaction(s -> s.createNativeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() "
                        + "AND table_name <> 'password_attempt' ORDER BY table_name", String.class).getResultList());
        Map<String, String> sums = new TreeMap<>();
        for (String t : tables) {
            Object[] row = db.database().inTransaction(s -> s.createNativeQuery("CHECKSUM TABLE `" + t + "`",
                    Object[].class).getSingleResult());
            sums.put(t, String.valueOf(row[1]));
        }
        return sums;
    }

    private static String abbreviate(String s) {
        String one = s.replace("\r", "\\r").replace("\n", "\\n");
        return one.length() > 200 ? one.substring(0, 200) + "..." : one;
    }
}
