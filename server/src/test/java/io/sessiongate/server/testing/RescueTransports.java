package io.sessiongate.server.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.sessiongate.api.rescue.RescueCode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Rescue method call over any of the four ways a caller reaches it ({@code .aspx} by GET and by
 * POST form, SOAP 1.1 and 1.2 with raw envelopes), with each parameter named for both encodings, so
 * that a test tells one story once and runs it over every transport.
 */
public final class RescueTransports {

    public static final String NS = "https://secure.logmeinrescue.com/API/API.asmx";

    private RescueTransports() {
    }

    public enum Transport {
        GET, POST, SOAP11, SOAP12;

        public boolean soap() {
            return this == SOAP11 || this == SOAP12;
        }
    }

    /** A parameter: its {@code .aspx} name, its SOAP element, its value (null: left out). */
    public record P(String aspx, String soap, Object value) {
    }

    /** What came back: the whole body, and the return code (the first line, or the SOAP result element). */
    public record Reply(String body, String code) {
        /** The text of SOAP element {@code element} in the reply, XML-unescaped; null when absent. */
        public String soapValue(String element) {
            Matcher m = Pattern.compile("<" + element + ">([^<]*)</" + element + ">", Pattern.DOTALL).matcher(body);
            return m.find() ? unescape(m.group(1)) : null;
        }
    }

    /**
     * Calls {@code aspx} ({@code .aspx} added) or SOAP {@code operation} with the login {@code cookie}
     * (null: none); asserts the reply is HTTP 200 of the API's content type.
     */
    public static Reply call(Transport t, String aspx, String operation, String cookie, P... params) {
        if (!t.soap()) {
            List<Object> flat = new ArrayList<>();
            for (P p : params) {
                flat.add(p.aspx());
                flat.add(p.value() == null ? null : p.value().toString());
            }
            Response r = t == Transport.GET ? RescueCalls.get(aspx + ".aspx", cookie, flat.toArray())
                    : RescueCalls.post(aspx + ".aspx", cookie, flat.toArray());
            assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
            assertThat(r.contentType()).startsWith("text/plain");
            String body = r.asString();
            int nl = body.indexOf('\n');
            return new Reply(body, nl < 0 ? body : body.substring(0, nl));
        }
        Response r = soap(t, operation, cookie, params);
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        Reply reply = new Reply(r.asString(), null);
        return new Reply(reply.body(), reply.soapValue(operation + "Result"));
    }

    /** The raw SOAP exchange, whatever its status (a fault is HTTP 500 or 400). */
    public static Response soap(Transport t, String operation, String cookie, P... params) {
        StringBuilder inner = new StringBuilder();
        for (P p : params) {
            if (p.value() != null) {
                inner.append('<').append(p.soap()).append('>').append(escape(p.value().toString())).append("</")
                        .append(p.soap()).append('>');
            }
        }
        String ns = t == Transport.SOAP11 ? "http://schemas.xmlsoap.org/soap/envelope/"
                : "http://www.w3.org/2003/05/soap-envelope";
        String envelope = "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:soap=\"" + ns + "\">"
                + "<soap:Body><" + operation + " xmlns=\"" + NS + "\">" + inner + "</" + operation + ">"
                + "</soap:Body></soap:Envelope>";
        var spec = given().baseUri(TestServer.get().baseUri().toString())
                .contentType(t == Transport.SOAP11 ? "text/xml; charset=utf-8" : "application/soap+xml")
                .body(envelope);
        if (t == Transport.SOAP11) {
            spec.header("SOAPAction", "\"" + NS + "/" + operation + "\"");
        }
        if (cookie != null) {
            spec.cookie(RescueCalls.COOKIE, cookie);
        }
        return spec.post("/API/API.asmx");
    }

    /** The code as this transport spells it. */
    public static String expected(Transport t, RescueCode code) {
        return t.soap() ? code.soapValue() : code.httpCode();
    }

    /** Calls and checks the return code. */
    public static Reply expect(Transport t, RescueCode code, String aspx, String operation, String cookie,
                               P... params) {
        Reply r = call(t, aspx, operation, cookie, params);
        assertThat(r.code()).as(aspx + " over " + t + ": " + r.body()).isEqualTo(expected(t, code));
        return r;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#13;", "\r")
                .replace("&amp;", "&");
    }
}
