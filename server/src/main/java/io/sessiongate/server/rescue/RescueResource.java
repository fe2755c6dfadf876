package io.sessiongate.server.rescue;

import io.sessiongate.api.rescue.AccountInfo;
import io.sessiongate.api.rescue.GetHierarchyResult;
import io.sessiongate.api.rescue.GetSessionResult;
import io.sessiongate.api.rescue.GroupInfo;
import io.sessiongate.api.rescue.HierarchyText;
import io.sessiongate.api.rescue.LoginResult;
import io.sessiongate.api.rescue.RescueCode;
import io.sessiongate.api.rescue.RescueReply;
import io.sessiongate.api.rescue.SessionTable;
import io.sessiongate.api.rescue.UserInfo;
import io.sessiongate.core.websession.Credentials;
import io.sessiongate.server.FormParameters;
import io.sessiongate.server.ApiFamily;
import io.sessiongate.server.LoginCookie;
import io.sessiongate.server.RequestBody;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.glassfish.grizzly.http.server.Request;

/**
 * The Rescue API over HTTP: {@code /API/<method>.aspx}, by GET query string or POST form, with
 * method and parameter names matched case-insensitively. Every reply is HTTP 200 text whose first
 * line is the vendor's return code; an unknown method is 404 {@code ERROR}; a fault is logged with
 * an incident id and answers {@code ERROR}.
 */
@Path("{api: (?i)api}/{method: [^/]+\\.[aA][sS][pP][xX]}")
@ApiFamily.Of(ApiFamily.RESCUE)
public final class RescueResource {

    private static final MediaType TEXT = MediaType.valueOf("text/plain; charset=utf-8");

    private final RescueMethods methods;

    public RescueResource(RescueMethods methods) {
        this.methods = methods;
    }

    @GET
    public Response get(@PathParam("method") String method, @Context UriInfo uri, @Context HttpHeaders headers,
                        @Context Request request) {
        return call(method, uri.getRequestUri().getRawQuery(), null, headers, request);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response post(@PathParam("method") String method, @Context UriInfo uri, @Context HttpHeaders headers,
                         @Context Request request, InputStream body) {
        String form;
        try {
            Optional<byte[]> bytes = RequestBody.read(body);
            if (bytes.isEmpty()) {
                return reply(Response.Status.REQUEST_ENTITY_TOO_LARGE, "ERROR");
            }
            form = new String(bytes.get(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return reply(Response.Status.BAD_REQUEST, "ERROR");
        }
        return call(method, uri.getRequestUri().getRawQuery(), form, headers, request);
    }

    private Response call(String method, String rawQuery, String form, HttpHeaders headers, Request request) {
        Optional<RescueMethods.Method> found = methods.aspx(method);
        if (found.isEmpty()) {
            return reply(Response.Status.NOT_FOUND, "ERROR");
        }
        FormParameters params;
        try {
            params = FormParameters.parse(rawQuery, form);
        } catch (IllegalArgumentException e) {
            return reply(Response.Status.OK, "ERROR"); // not validly percent-encoded
        }
        Credentials credentials = new Credentials(LoginCookie.read(headers), params.get("authcode"));
        // A fault goes to ApiExceptionMapper, which answers it as this resource's family does.
        RescueMethods.Result result = found.get().call().apply(
                new RescueMethods.Call(credentials, request.getRemoteAddr(), p -> params.get(p.aspx())));
        if (result instanceof RescueMethods.Result.LoggedIn in) {
            Response.ResponseBuilder reply = Response.ok(in.code().httpCode(), TEXT);
            if (in.code() == LoginResult.OK) {
                reply.header(HttpHeaders.SET_COOKIE, LoginCookie.set(in.outcome().cookieToken(), headers, request));
            }
            return reply.build();
        }
        if (result instanceof RescueMethods.Result.AuthCode a) {
            return reply(Response.Status.OK, a.outcome().code() != null ? RescueReply.authCode(a.outcome().code())
                    : RescueReply.of(a.code()));
        }
        if (result instanceof RescueMethods.Result.Sessions listed && listed.code() == GetSessionResult.OK) {
            return reply(Response.Status.OK, RescueReply.withData(listed.code(),
                    SessionTable.render(RescueViews.rows(listed.sessions()))));
        }
        if (result instanceof RescueMethods.Result.PinCode pin && pin.pinCode() != null) {
            return reply(Response.Status.OK, RescueReply.pinCode(pin.pinCode()));
        }
        if (result instanceof RescueMethods.Result.User u && u.user() != null) {
            return user(u.code(), u.user());
        }
        if (result instanceof RescueMethods.Result.Report r && r.report() != null) {
            return report(r);
        }
        if (result instanceof RescueMethods.Result.Hierarchy h && h.code() == GetHierarchyResult.OK) {
            return reply(Response.Status.OK, RescueReply.withData(h.code(), HierarchyText.render(h.nodes())));
        }
        if (result instanceof RescueMethods.Result.Account a && a.account() != null) {
            AccountInfo info = a.account();
            return reply(Response.Status.OK, RescueReply.withKeyValues(a.code(), List.of(
                    Map.entry("AccountID", Long.toString(info.accountId())),
                    Map.entry("Organization", info.organization()),
                    Map.entry("AdminID", Long.toString(info.adminId())),
                    Map.entry("TechID", Long.toString(info.techId())),
                    Map.entry("Email", info.email()))));
        }
        if (result instanceof RescueMethods.Result.Group g && g.group() != null) {
            GroupInfo group = g.group();
            return reply(Response.Status.OK, RescueReply.withFields(g.code(), List.of(
                    Map.entry("NODEID", Long.toString(group.nodeId())),
                    Map.entry("NAME", group.name()),
                    Map.entry("DESCRIPTION", group.description()),
                    Map.entry("TYPE", group.type().text()),
                    Map.entry("ISENABLED", group.enabled() ? "True" : "False"))));
        }
        if (result instanceof RescueMethods.Result.NewNode n && n.nodeId() != null) {
            return reply(Response.Status.OK, RescueReply.newNode(n.code(), n.nodeId()));
        }
        return ok(result.code());
    }

    /**
     * {@code OK}, a blank line, then the report, streamed: read from the database row by row while the
     * reply is written (chunked), never held whole.
     */
    private static Response report(RescueMethods.Result.Report r) {
        StreamingOutput body = out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
            w.write(r.code().httpCode());
            w.write("\n\n");
            ReportWriter.write(r.report(), w);
        };
        return Response.ok(body, TEXT).build();
    }

    private static Response user(RescueCode code, UserInfo u) {
        return reply(Response.Status.OK, RescueReply.withFields(code, List.of(
                Map.entry("NODEID", Long.toString(u.nodeId())),
                Map.entry("NAME", u.name()),
                Map.entry("NICK", u.nick()),
                Map.entry("EMAIL", u.email()),
                Map.entry("SSOID", u.ssoId()),
                Map.entry("DESCRIPTION", u.description()),
                Map.entry("TYPE", u.type().text()),
                Map.entry("HASMOBILEADDON", "False"),
                Map.entry("ISACCOUNTHOLDER", u.accountHolder() ? "True" : "False"),
                Map.entry("STATUS", u.status()))));
    }

    private static Response ok(RescueCode code) {
        return reply(Response.Status.OK, RescueReply.of(code));
    }

    private static Response reply(Response.Status status, String body) {
        return Response.status(status).type(TEXT).entity(body).build();
    }
}
