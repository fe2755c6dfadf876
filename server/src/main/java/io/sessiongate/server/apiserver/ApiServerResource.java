package io.sessiongate.server.apiserver;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.sessiongate.api.apiserver.ApiServerError;
import io.sessiongate.api.apiserver.ApiServerReply;
import io.sessiongate.api.apiserver.ErrorCode;
import io.sessiongate.api.apiserver.SessionData;
import io.sessiongate.api.apiserver.SessionUpdate;
import io.sessiongate.core.websession.Credentials;
import io.sessiongate.core.websession.SessionUpdateService;
import io.sessiongate.core.websession.SessionUpdateService.Outcome;
import io.sessiongate.core.websession.WebSessionView;
import io.sessiongate.server.FormParameters;
import io.sessiongate.server.ApiExceptionMapper;
import io.sessiongate.server.ApiFamily;
import io.sessiongate.server.LoginCookie;
import io.sessiongate.server.RequestBody;
import io.sessiongate.server.api.Presented;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
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
import org.glassfish.grizzly.http.server.Request;

/**
 * The APIServer session API: {@code POST /APIServer/Session.Update}, {@code POST
 * /APIServer/Session.UpdateValidation}, {@code GET /APIServer/Session.GetSessionData}. Bodies in
 * JSON or form encoding; replies in JSON, with the error array on every failure: 422 for broken
 * rules, 400 for an unreadable body, 401 without an administrator's credentials, 500 with an
 * incident id for a fault.
 */
@Path("{apiserver: (?i)apiserver}")
@Produces(MediaType.APPLICATION_JSON)
@ApiFamily.Of(ApiFamily.APISERVER)
public final class ApiServerResource {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final ObjectWriter WRITER = JSON.writer();
    // Written once: the reply of every successful update is the same bytes.
    private static final byte[] SUCCESSFUL = write(ApiServerReply.successful());

    private final SessionUpdateService sessions;

    public ApiServerResource(SessionUpdateService sessions) {
        this.sessions = sessions;
    }

    @POST
    @Path("{method: (?i)session\\.update}")
    @Consumes(MediaType.WILDCARD)
    public Response update(@Context HttpHeaders headers, @Context UriInfo uri, @Context Request request,
                           InputStream body) {
        return write("Session.Update", headers, uri, request, body, sessions::update);
    }

    @POST
    @Path("{method: (?i)session\\.updatevalidation}")
    @Consumes(MediaType.WILDCARD)
    public Response validate(@Context HttpHeaders headers, @Context UriInfo uri, @Context Request request,
                             InputStream body) {
        return write("Session.UpdateValidation", headers, uri, request, body, sessions::validate);
    }

    @GET
    @Path("{method: (?i)session\\.getsessiondata}")
    public Response get(@Context HttpHeaders headers, @Context UriInfo uri, @Context Request request) {
        FormParameters query;
        try {
            query = query(uri);
        } catch (Unreadable e) {
            return unreadable(e);
        }
        String surrogate = query.get("SessionSurrogate");
        describe(request, "Session.GetSessionData session=" + surrogate);
        return render(sessions.get(credentials(headers, query.get("authcode")), surrogate));
    }

    private interface Call {
        Outcome apply(Credentials credentials, SessionUpdate request);
    }

    private Response write(String method, HttpHeaders headers, UriInfo uri, Request http, InputStream body,
                           Call call) {
        SessionUpdate request;
        String bodyAuthCode;
        String queryAuthCode;
        try {
            Parsed parsed = parse(headers.getMediaType(), body);
            request = parsed.request();
            bodyAuthCode = parsed.authCode();
            queryAuthCode = query(uri).get("authcode");
        } catch (Unreadable e) {
            return unreadable(e);
        }
        Credentials credentials = credentials(headers, queryAuthCode != null ? queryAuthCode : bodyAuthCode);
        describe(http, method + " site=" + request.sessionSiteKey() + " session=" + request.sessionSurrogate()
                + " user=" + request.sessionUserSurrogate());
        return render(call.apply(credentials, request));
    }

    private static FormParameters query(UriInfo uri) throws Unreadable {
        try {
            return FormParameters.parse(uri.getRequestUri().getRawQuery(), null);
        } catch (IllegalArgumentException e) {
            throw new Unreadable("The query string is not validly encoded.");
        }
    }

    private static Response unreadable(Unreadable e) {
        return reply(400, ApiServerReply.failed(List.of(ApiServerError.of(ErrorCode.BODY_UNREADABLE, null,
                e.getMessage()))));
    }

    /** Names the call for the log line of a fault, which ApiExceptionMapper writes and answers in this API's shape. */
    private static void describe(Request http, String call) {
        http.setAttribute(ApiExceptionMapper.CALL, "APIServer " + call);
    }

    private static Response render(Outcome outcome) {
        if (outcome instanceof Outcome.Done) {
            return reply(200, ApiServerReply.successful());
        }
        if (outcome instanceof Outcome.Data d) {
            return Response.ok(write(sessionData(d.session())), MediaType.APPLICATION_JSON).build();
        }
        if (outcome instanceof Outcome.Invalid i) {
            return reply(422, ApiServerReply.failed(i.errors()));
        }
        if (outcome instanceof Outcome.NotFound) {
            return reply(404, ApiServerReply.failed(List.of(ApiServerError.of(ErrorCode.SESSION_NOT_FOUND,
                    "SessionSurrogate", "SessionSurrogate does not name a session of the site."))));
        }
        return reply(401, ApiServerReply.failed(List.of(ApiServerError.of(ErrorCode.NOT_AUTHENTICATED, null,
                "Log in as an administrator of the site (cookie ASP.NET_SessionId), or pass its auth code."))));
    }

    /** A web session in the spec's shape: one-letter status, ISO-8601 times, the time-out in minutes. */
    static SessionData sessionData(WebSessionView w) {
        return new SessionData(w.id(), w.siteKey(), w.userId(), w.ipAddress(), w.status().code(),
                w.roles().stream().map(r -> new SessionData.Role(r.id(), r.name(), r.priority())).toList(),
                w.folderList() == null ? null : new SessionData.FolderList(w.folderList().id(), w.folderList().name(),
                        w.folderList().groupIds()),
                w.createdAt().toString(), w.lastRequestAt().toString(), w.requestCount(),
                (int) w.timeout().toMinutes());
    }

    private static Response reply(int status, ApiServerReply reply) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(reply.isSuccessful() && reply.errorArray().isEmpty() ? SUCCESSFUL : write(reply)).build();
    }

    /** JSON through one writer built at start, rather than a provider looked up per response. */
    private static byte[] write(Object value) {
        try {
            return WRITER.writeValueAsBytes(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a reply that cannot be written as JSON", e);
        }
    }

    private static Credentials credentials(HttpHeaders headers, String authCode) {
        return Presented.withAuthCodeParameter(LoginCookie.read(headers), authCode,
                headers.getHeaderString(HttpHeaders.AUTHORIZATION));
    }

    private record Parsed(SessionUpdate request, String authCode) {
    }

    private static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private static Parsed parse(MediaType type, InputStream body) throws Unreadable {
        byte[] bytes;
        try {
            bytes = RequestBody.read(body).orElseThrow(() -> new Unreadable(
                    "The request body is larger than " + RequestBody.MAX_BYTES + " bytes."));
        } catch (IOException e) {
            throw new Unreadable("The request body could not be read.");
        }
        if (type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            FormParameters form;
            try {
                form = FormParameters.parse(null, new String(bytes, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new Unreadable("The form body is not validly encoded.");
            }
            return new Parsed(new SessionUpdate(form.get("SessionSurrogate"), form.get("SessionSiteKey"),
                    form.get("SessionUserSurrogate"), form.get("IpAddress"), form.get("SessionStatus"),
                    form.get("RefreshRolesAndFolderList")), form.get("authcode"));
        }
        if (type == null || type.isCompatible(MediaType.APPLICATION_JSON_TYPE)
                || type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json")) {
            try {
                var tree = JSON.readTree(bytes);
                if (tree == null || !tree.isObject()) {
                    throw new Unreadable("The body must be a JSON object.");
                }
                return new Parsed(new SessionUpdate(text(tree, "SessionSurrogate"), text(tree, "SessionSiteKey"),
                        text(tree, "SessionUserSurrogate"), text(tree, "IpAddress"), text(tree, "SessionStatus"),
                        text(tree, "RefreshRolesAndFolderList")), text(tree, "authcode"));
            } catch (IOException e) {
                throw new Unreadable("The body is not valid JSON for this request: a field has the wrong shape, "
                        + "or the JSON is malformed.");
            }
        }
        throw new Unreadable("Send the request as application/json or application/x-www-form-urlencoded.");
    }

    /** A field's value as text: a string, number or boolean as written; an object or array is unreadable. */
    private static String text(com.fasterxml.jackson.databind.JsonNode tree, String field) throws Unreadable {
        var node = tree.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isContainerNode()) {
            throw new Unreadable("The field " + field + " must be a string, a number or a boolean.");
        }
        return node.asText();
    }
}
