package io.sessiongate.server.rescue;

import io.sessiongate.api.rescue.GetSessionResult;
import io.sessiongate.api.rescue.LoginResult;
import io.sessiongate.api.rescue.RequestAuthCodeResult;
import io.sessiongate.api.rescue.RescueCode;
import io.sessiongate.api.rescue.RescueReply;
import io.sessiongate.api.rescue.SessionTable;
import io.sessiongate.core.CoreServices;
import io.sessiongate.core.rescue.SessionQueryService;
import io.sessiongate.core.rescue.TransferRequest;
import io.sessiongate.core.websession.Credentials;
import io.sessiongate.core.websession.LoginService;
import io.sessiongate.server.FormParameters;
import io.sessiongate.server.Incidents;
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
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
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
public final class RescueResource {

    private static final MediaType TEXT = MediaType.valueOf("text/plain; charset=utf-8");

    private final CoreServices core;

    public RescueResource(CoreServices core) {
        this.core = core;
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
        String name = method.toLowerCase(Locale.ROOT);
        if (!name.endsWith(".aspx") || !METHODS.contains(name)) {
            return reply(Response.Status.NOT_FOUND, "ERROR");
        }
        FormParameters params;
        try {
            params = FormParameters.parse(rawQuery, form);
        } catch (IllegalArgumentException e) {
            return reply(Response.Status.OK, "ERROR"); // not validly percent-encoded
        }
        Credentials credentials = new Credentials(LoginCookie.read(headers), params.get("authcode"));
        try {
            return switch (name) {
                case "login.aspx" -> login(params, credentials, headers, request);
                case "logout.aspx" -> ok(core.logins().logout(credentials.cookieToken()));
                case "requestauthcode.aspx" -> requestAuthCode(params, request);
                case "transfersession.aspx" -> ok(core.transfers().transfer(credentials, new TransferRequest(
                        params.get("session"), params.get("node"), params.get("noderef"), params.get("comment"))));
                case "getsession_v3.aspx" -> sessions(credentials, params);
                case "isanytechavailableonchannel.aspx" -> ok(core.sessionQueries().isAnyTechAvailableOnChannel(
                        credentials, params.get("channelid"), params.get("excludingawayandbusy")));
                case "getuser_v3.aspx" -> user(credentials, params);
                default -> reply(Response.Status.NOT_FOUND, "ERROR");
            };
        } catch (RuntimeException e) {
            String incident = Incidents.log("Rescue " + name, e);
            return Response.status(Response.Status.INTERNAL_SERVER_ERROR).type(TEXT)
                    .header(Incidents.HEADER, incident).entity("ERROR").build();
        }
    }

    private static final List<String> METHODS = List.of("login.aspx", "logout.aspx", "requestauthcode.aspx",
            "transfersession.aspx", "getsession_v3.aspx", "isanytechavailableonchannel.aspx", "getuser_v3.aspx");

    private Response login(FormParameters params, Credentials credentials, HttpHeaders headers, Request request) {
        LoginService.LoginOutcome outcome = core.logins().login(params.get("email"), params.get("pwd"),
                credentials.cookieToken(), request.getRemoteAddr());
        Response.ResponseBuilder reply = Response.ok(outcome.result().httpCode(), TEXT);
        if (outcome.result() == LoginResult.OK) {
            reply.header(HttpHeaders.SET_COOKIE, LoginCookie.set(outcome.cookieToken(), headers, request));
        }
        return reply.build();
    }

    private Response requestAuthCode(FormParameters params, Request request) {
        LoginService.AuthCodeOutcome outcome = core.logins().requestAuthCode(params.get("email"), params.get("pwd"),
                request.getRemoteAddr());
        return reply(Response.Status.OK, outcome.result() == RequestAuthCodeResult.OK
                ? RescueReply.authCode(outcome.code()) : RescueReply.of(outcome.result()));
    }

    private Response sessions(Credentials credentials, FormParameters params) {
        SessionQueryService.Sessions found = core.sessionQueries().sessions(credentials, params.get("node"),
                params.get("noderef"));
        if (found.result() != GetSessionResult.OK) {
            return ok(found.result());
        }
        return reply(Response.Status.OK, RescueReply.withData(found.result(), SessionTable.render(found.rows())));
    }

    private Response user(Credentials credentials, FormParameters params) {
        SessionQueryService.UserLookup found = core.sessionQueries().user(credentials, params.get("node"),
                params.get("email"));
        if (found.user() == null) {
            return ok(found.result());
        }
        var u = found.user();
        return reply(Response.Status.OK, RescueReply.withFields(found.result(), List.of(
                Map.entry("NODEID", Long.toString(u.nodeId())),
                Map.entry("NAME", u.name()),
                Map.entry("NICK", ""),
                Map.entry("EMAIL", u.email()),
                Map.entry("SSOID", ""),
                Map.entry("DESCRIPTION", ""),
                Map.entry("TYPE", u.type()),
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
