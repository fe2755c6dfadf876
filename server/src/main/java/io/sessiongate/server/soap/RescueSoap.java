package io.sessiongate.server.soap;

import io.sessiongate.api.rescue.LoginResult;
import io.sessiongate.api.rescue.SessionRow;
import io.sessiongate.core.rescue.SupportSessionView;
import io.sessiongate.core.report.PreparedReport;
import io.sessiongate.server.rescue.ReportWriter;
import io.sessiongate.server.rescue.RescueMethods;
import io.sessiongate.server.rescue.RescueViews;
import io.sessiongate.core.websession.Credentials;
import io.sessiongate.server.ApiFamily;
import io.sessiongate.server.LoginCookie;
import io.sessiongate.server.RequestBody;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.glassfish.grizzly.http.server.Request;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * The Rescue API over SOAP 1.1 and 1.2 at {@code /API/API.asmx}, with its WSDL at {@code ?wsdl}.
 * The version is chosen by content type; every request is validated against the WSDL's schema
 * before it reaches the same core services as the {@code .aspx} methods, with the same cookie.
 * Broken input is a SOAP fault naming the problem, never a silent default.
 */
@Path("{api: (?i)api}/{asmx: (?i)api\\.asmx}")
@ApiFamily.Of(ApiFamily.SOAP)
public final class RescueSoap {

    /** The target namespace, kept as the vendor's so that proxies generated from its WSDL work. */
    public static final String NAMESPACE = "https://secure.logmeinrescue.com/API/API.asmx";

    /** The address written in the WSDL file; served WSDLs carry the address they were requested from. */
    private static final String DEFAULT_ADDRESS = "location=\"http://localhost:8080/API/API.asmx\"";
    private static final String WSDL = resource("soap/rescue.wsdl");
    private static final Schema SCHEMA = schema(WSDL);

    private final RescueMethods methods;

    public RescueSoap(RescueMethods methods) {
        this.methods = methods;
    }

    @GET
    public Response wsdl(@Context UriInfo uri, @Context HttpHeaders headers) {
        boolean asked = uri.getQueryParameters().keySet().stream().anyMatch(k -> k.equalsIgnoreCase("wsdl"));
        if (!asked) {
            return Response.ok("The Rescue API over SOAP 1.1 and 1.2. Its WSDL: " + address(uri, headers) + "?wsdl\n",
                    "text/plain; charset=utf-8").build();
        }
        String location = "location=\"" + Xml.escape(address(uri, headers)) + "\"";
        return Response.ok(WSDL.replace(DEFAULT_ADDRESS, location), "text/xml; charset=utf-8")
                .build();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response call(InputStream body, @Context HttpHeaders headers, @Context Request request) {
        SoapVersion version = SoapVersion.ofContentType(headers.getHeaderString(HttpHeaders.CONTENT_TYPE));
        try {
            Optional<byte[]> bytes = RequestBody.read(body);
            if (bytes.isEmpty()) {
                return fault(version, version.callerFault, "The request is larger than " + RequestBody.MAX_BYTES
                        + " bytes.");
            }
            Document doc;
            try {
                doc = Xml.parse(bytes.get());
            } catch (SAXException e) {
                return fault(version, version.callerFault, "The request is not well-formed XML.");
            }
            Element envelope = doc.getDocumentElement();
            if (!"Envelope".equals(envelope.getLocalName())) {
                return fault(version, version.callerFault, "The request is not a SOAP envelope.");
            }
            if (!version.envelopeNamespace.equals(envelope.getNamespaceURI())) {
                return fault(version, version.versionMismatch, "The envelope namespace "
                        + envelope.getNamespaceURI() + " is not that of SOAP " + (version == SoapVersion.V1_1
                        ? "1.1 (text/xml)" : "1.2 (application/soap+xml)") + ".");
            }
            Element soapBody = null;
            for (org.w3c.dom.Node n = envelope.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && "Body".equals(e.getLocalName())
                        && version.envelopeNamespace.equals(e.getNamespaceURI())) {
                    soapBody = e;
                }
            }
            Element operation = soapBody == null ? null : Xml.firstElement(soapBody);
            if (operation == null || !NAMESPACE.equals(operation.getNamespaceURI())) {
                return fault(version, version.callerFault, "The body holds no operation of " + NAMESPACE + ".");
            }
            try {
                SCHEMA.newValidator().validate(new DOMSource(operation));
            } catch (SAXException e) {
                return fault(version, version.callerFault, "Invalid " + operation.getLocalName() + ": "
                        + e.getMessage());
            }
            return dispatch(version, operation, headers, request);
        } catch (IOException e) {
            return fault(version, version.callerFault, "The request could not be read.");
        }
    }

    private Response dispatch(SoapVersion version, Element op, HttpHeaders headers, Request request) {
        String name = op.getLocalName();
        Optional<RescueMethods.Method> method = methods.soap(name);
        if (method.isEmpty()) {
            return fault(version, version.callerFault, "Unknown operation " + name + ".");
        }
        Credentials credentials = new Credentials(LoginCookie.read(headers), Xml.child(op, "sAuthCode"));
        // A fault goes to ApiExceptionMapper, which answers it as this resource's family does.
        RescueMethods.Result result = method.get().call().apply(
                new RescueMethods.Call(credentials, request.getRemoteAddr(),
                        p -> p.soap() == null ? null : Xml.child(op, p.soap())));
        StringBuilder out = new StringBuilder("<").append(name).append("Result>").append(result.code().soapValue())
                .append("</").append(name).append("Result>");
        if (result instanceof RescueMethods.Result.AuthCode a) {
            if (a.outcome().code() != null) {
                out.append("<sAuthCode>").append(a.outcome().code()).append("</sAuthCode>");
            }
        }
        if (result instanceof RescueMethods.Result.PinCode pin && pin.pinCode() != null) {
            out.append(pin.soapAsString() ? "<sPINCode>" + pin.pinCode() + "</sPINCode>"
                    : "<iPINCode>" + Integer.parseInt(pin.pinCode()) + "</iPINCode>");
        }
        if (result instanceof RescueMethods.Result.Report r && r.report() != null) {
            return report(version, name, out.toString(), r.report());
        }
        if (result instanceof RescueMethods.Result.Sessions found && !found.sessions().isEmpty()) {
            out.append("<aSessions>");
            found.sessions().forEach(r -> session(out, r));
            out.append("</aSessions>");
        }
        Administration.render(result, out);
        Response.ResponseBuilder reply = ok(version, name, out.toString());
        if (result instanceof RescueMethods.Result.LoggedIn in && in.code() == LoginResult.OK) {
            reply.header(HttpHeaders.SET_COOKIE, LoginCookie.set(in.outcome().cookieToken(), headers, request));
        }
        return reply.build();
    }

    /**
     * getReport_v2's reply with the report in {@code sReport}, streamed: the envelope's start, the report
     * escaped as XML text while the database sends its rows, then the envelope's end. A failure after the
     * first bytes can only cut the reply short (the connection is closed): a fault cannot follow a
     * started result.
     */
    private static Response report(SoapVersion version, String operation, String result, PreparedReport report) {
        String marker = "<!--sReport-->";
        String whole = version.envelope("<" + operation + "Response xmlns=\"" + NAMESPACE + "\">" + result
                + "<sReport>" + marker + "</sReport></" + operation + "Response>");
        String before = whole.substring(0, whole.indexOf(marker));
        String after = whole.substring(whole.indexOf(marker) + marker.length());
        StreamingOutput body = out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
            w.write(before);
            ReportWriter.write(report, new XmlTextWriter(w));
            w.write(after);
            w.flush();
        };
        return Response.ok(body, version.contentType).build();
    }

    /** Writes what it is given as XML character data: the report inside {@code sReport}. */
    private static final class XmlTextWriter extends Writer {
        private final Writer out;

        XmlTextWriter(Writer out) {
            this.out = out;
        }

        @Override
        public void write(char[] chars, int off, int len) throws IOException {
            ReportWriter.escape(new String(chars, off, len), out);
        }

        @Override
        public void write(int c) throws IOException {
            ReportWriter.escape(String.valueOf((char) c), out);
        }

        @Override
        public void write(String s) throws IOException {
            ReportWriter.escape(s, out);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** SESSION_V3, as Deskpro's captures show it; the status mapping is in the README. */
    private static void session(StringBuilder out, SupportSessionView view) {
        SessionRow r = RescueViews.row(view);
        out.append("<SESSION_V3>")
                .append("<iID>").append(r.id()).append("</iID>")
                .append("<bStatus>").append(statusValue(view)).append("</bStatus>")
                .append("<sStatus>").append(Xml.escape(r.status())).append("</sStatus>")
                .append("<iEntry>").append(r.entryId() == null ? 0 : r.entryId()).append("</iEntry>")
                .append("<sEntry>").append(Xml.escape(r.entry())).append("</sEntry>")
                .append("<iTechnician>").append(r.technicianId() == null ? 0 : r.technicianId())
                .append("</iTechnician>")
                .append("<sTechnician>").append(Xml.escape(r.technician())).append("</sTechnician>")
                .append("<sStartTime>").append(Xml.escape(r.startTime())).append("</sStartTime>")
                .append("<iWaitingTimeInSec>").append(Math.min(Integer.MAX_VALUE, r.waitingTimeSeconds()))
                .append("</iWaitingTimeInSec>");
        for (int i = 0; i < SessionRow.CUSTOM_FIELDS; i++) {
            out.append("<sCustomField").append(i).append('>').append(Xml.escape(r.customFields().get(i)))
                    .append("</sCustomField").append(i).append('>');
        }
        out.append("<sLanguage>").append(Xml.escape(r.language())).append("</sLanguage>")
                .append("<sTransferredTo>").append(Xml.escape(r.transferredTo())).append("</sTransferredTo>")
                .append("<sTransferredComment>").append(Xml.escape(r.transferredComment()))
                .append("</sTransferredComment>")
                .append("<bIsLead>").append(r.lead()).append("</bIsLead>")
                .append("<bHandingOff>").append(r.handingOff()).append("</bHandingOff>")
                .append("</SESSION_V3>");
    }

    /** The SOAP enum of a session status. */
    static String statusValue(SupportSessionView view) {
        return switch (view.status()) {
            case WAITING -> "SESSION_WAITING";
            case ACTIVE -> "SESSION_PICKEDUP";
            case ON_HOLD -> "SESSION_ONHOLD";
            case TRANSFERRING -> "SESSION_TRANSFERINGBUTNOTPICKEDUP";
            // Kept as the first release answered it (the vendor's enum spells it SESSION_CLOSEDBYTECHNICIAN).
            case CLOSED_BY_TECHNICIAN -> "SESSION_CLOSED_BYTECHNICIAN";
            case CLOSED_BY_CUSTOMER -> "SESSION_CLOSEDBYCUSTOMER";
            case CLOSED_BY_WAITING_CUSTOMER -> "SESSION_CLOSEDBYWAITINGCUSTOMER";
            // Never picked up (a queue's, or a joined PIN's in its technician's queue): the waiting time-out.
            case TIMED_OUT -> view.technicianNodeId() == null || view.pickedUpAt() == null
                    ? "SESSION_WAITINGTIMEOUT_NOTPICKEDUP" : "SESSION_TIMEOUT_SESSIONIDLETECHSIDE";
            case PIN_ISSUED, EXPIRED -> "SESSION_STATUS_NOT_SUPPORTED_VALUE"; // never listed
        };
    }

    private static Response.ResponseBuilder ok(SoapVersion version, String operation, String content) {
        return Response.ok(version.envelope("<" + operation + "Response xmlns=\"" + NAMESPACE + "\">" + content
                + "</" + operation + "Response>"), version.contentType);
    }

    /** SOAP 1.1 faults are HTTP 500; SOAP 1.2 answers a Sender fault with 400. */
    private static Response fault(SoapVersion version, String code, String reason) {
        int status = version == SoapVersion.V1_2 && code.equals(version.callerFault) ? 400 : 500;
        return Response.status(status).type(version.contentType).entity(version.fault(code, reason)).build();
    }

    /** This endpoint's address as the caller reached it, through a proxy's X-Forwarded headers when present. */
    private static String address(UriInfo uri, HttpHeaders headers) {
        String proto = first(headers.getHeaderString("X-Forwarded-Proto"));
        String host = first(headers.getHeaderString("X-Forwarded-Host"));
        java.net.URI base = uri.getBaseUri();
        String scheme = proto != null && proto.matches("(?i)https?") ? proto.toLowerCase(java.util.Locale.ROOT)
                : base.getScheme();
        String authority = host != null && host.matches("[A-Za-z0-9.\\-\\[\\]:]+") ? host : base.getRawAuthority();
        return scheme + "://" + authority + "/API/API.asmx";
    }

    private static String first(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        int comma = header.indexOf(',');
        return (comma < 0 ? header : header.substring(0, comma)).trim();
    }

    private static String resource(String name) {
        try (InputStream in = RescueSoap.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema inside the WSDL's {@code wsdl:types}, the one every request is validated against. */
    private static Schema schema(String wsdl) {
        try {
            Document document = Xml.parse(wsdl.getBytes(StandardCharsets.UTF_8));
            Element schema = (Element) document
                    .getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "schema").item(0);
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(new DOMSource(schema));
        } catch (SAXException e) {
            throw new IllegalStateException("the SOAP schema does not compile", e);
        }
    }
}
