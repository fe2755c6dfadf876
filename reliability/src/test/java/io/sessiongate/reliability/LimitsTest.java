package io.sessiongate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bounded bodies and parameters, with a documented answer past the bound; many silent connections do not stop service. */
class LimitsTest {

    private static ServerProcess server;

    @BeforeAll
    static void start() {
        server = ServerProcess.start(SuiteDatabase.get().jdbcUrl());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> post(String path, String type, String body) {
        return Http.send(HttpRequest.newBuilder(URI.create(server.base() + path)).timeout(Http.TIMEOUT)
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void bodiesPastSixtyFourKibibytesGetTheirApisAnswer() {
        String big = "x".repeat(70 * 1024);
        HttpResponse<String> rescue = post("API/login.aspx", "application/x-www-form-urlencoded", "email=" + big);
        assertThat(rescue.statusCode()).isEqualTo(413);
        assertThat(rescue.body()).isEqualTo("ERROR");
        HttpResponse<String> apiServer = post("APIServer/Session.Update", "application/json",
                "{\"SessionSiteKey\":\"" + big + "\"}");
        assertThat(apiServer.statusCode()).isEqualTo(400);
        assertThat(apiServer.body()).contains("BODY_UNREADABLE");
        HttpResponse<String> soap = post("API/API.asmx", "text/xml", "<a>" + big + "</a>");
        assertThat(soap.body()).contains("<faultcode>soap:Client</faultcode>").contains("larger than");
        System.out.println("[limits] 70 KiB bodies: Rescue 413 ERROR, APIServer 400 BODY_UNREADABLE, SOAP Client fault");
    }

    @Test
    void aBrokenChunkedBodyIsRefusedWithOneLogLine() throws Exception {
        String reply;
        try (Socket s = new Socket("127.0.0.1", URI.create(server.base()).getPort())) {
            s.setSoTimeout(15_000);
            s.getOutputStream().write(("POST /API/login.aspx HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\n\r\nzz\r\nemail=a\r\n0\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            reply = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII); // the server closes
        }
        assertThat(reply).startsWith("HTTP/1.1 400 ").contains("Connection: close\r\n");
        String log = server.awaitInLog("request body could not be decoded, answered 400");
        assertThat(log).doesNotContain("GRIZZLY0013").doesNotContain("HttpBrokenContentException");
        System.out.println("[limits] broken chunked body: 400 with Connection: close; one line in the request log");
    }

    @Test
    void longParameterValuesAreRefusedAsValues() throws InterruptedException {
        String longEmail = "a".repeat(60_000) + "@x.example";
        assertThat(post("API/login.aspx", "application/x-www-form-urlencoded", "email=" + longEmail + "&pwd=x").body())
                .isEqualTo("INVALID");
        assertThat(post("API/transferSession.aspx", "application/x-www-form-urlencoded",
                "session=" + "9".repeat(50_000) + "&node=" + "1".repeat(5000)).body()).isEqualTo("NOTLOGGEDINASADMIN");
        HttpResponse<String> longUrl = Http.send(HttpRequest.newBuilder(URI.create(server.base()
                + "API/login.aspx?email=" + "a".repeat(20_000))).timeout(Http.TIMEOUT).build());
        assertThat(longUrl.body()).isEqualTo("INVALID");
        HttpResponse<String> tooLong = Http.send(HttpRequest.newBuilder(URI.create(server.base()
                + "API/login.aspx?email=" + "a".repeat(70_000))).timeout(Http.TIMEOUT).build());
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).isEmpty();
        // The server closes that connection; saying so keeps a keep-alive client from sending its next request there.
        assertThat(tooLong.headers().firstValue("Connection")).hasValue("close");
        server.awaitInLog("request line or headers could not be decoded, answered 400");
        System.out.printf("[limits] 60 KB email: INVALID; 50 KB session id: NOTLOGGEDINASADMIN; 20 KB URL: %s; "
                + "70 KB URL: %d with an empty body and Connection: close%n", longUrl.body(), tooLong.statusCode());
    }

    @Test
    void manyConnectionsThatSendNothingDoNotStopTheServer() throws IOException {
        List<Socket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 600; i++) {
                Socket s = new Socket("127.0.0.1", URI.create(server.base()).getPort());
                if (i % 3 == 0) { // a third start a request and never finish it
                    OutputStream out = s.getOutputStream();
                    out.write("GET /API/logout.aspx HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                idle.add(s);
            }
            long start = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                assertThat(Http.rescue(server.base(), "logout.aspx", null).body()).isEqualTo("NOTLOGGEDIN");
            }
            HttpResponse<String> health = Http.send(HttpRequest.newBuilder(URI.create(server.base() + "health"))
                    .timeout(Http.TIMEOUT).build());
            assertThat(health.statusCode()).isEqualTo(200);
            System.out.printf("[limits] 600 silent connections (200 with half a request): 21 requests served in %d ms%n",
                    (System.nanoTime() - start) / 1_000_000);
        } finally {
            for (Socket s : idle) {
                s.close();
            }
        }
    }
}
