package io.sessiongate.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.sessiongate.api.apiserver.ApiServerError;
import io.sessiongate.api.apiserver.ApiServerReply;
import io.sessiongate.api.apiserver.ErrorCode;
import io.sessiongate.api.problem.Problem;
import io.sessiongate.server.admin.Problems;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Locale;

/**
 * The last line for anything a resource did not answer itself: a route that matches nothing, a
 * method not allowed, a body that cannot be read, a fault. Each API keeps its own error shape:
 * {@code ERROR} text under {@code /API}, the error array under {@code /APIServer}, problem details
 * elsewhere. Faults are logged with an
 * incident id; no stack trace or internal message ever reaches the caller.
 */
@Provider
public final class ApiExceptionMapper implements ExceptionMapper<Throwable> {

    private static final MediaType TEXT = MediaType.valueOf("text/plain; charset=utf-8");

    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(Throwable e) {
        String path = uri == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
        int status;
        String incident = null;
        if (e instanceof WebApplicationException wae && wae.getResponse().getStatus() < 500) {
            status = wae.getResponse().getStatus();
        } else if (e instanceof JsonProcessingException) {
            status = 400;
        } else {
            status = 500;
            incident = Incidents.log(path, e);
        }
        Response.ResponseBuilder reply;
        ApiFamily family = ApiFamily.ofPath(path);
        if (family == ApiFamily.RESCUE) {
            reply = Response.status(status).type(TEXT).entity("ERROR");
        } else if (family == ApiFamily.APISERVER) {
            reply = Response.status(status).type(MediaType.APPLICATION_JSON).entity(incident != null
                    ? ApiServerReply.fault(incident)
                    : ApiServerReply.failed(List.of(ApiServerError.of(
                            status == 400 ? ErrorCode.BODY_UNREADABLE : ErrorCode.SYSTEM_ERROR, null,
                            "HTTP " + status + ": no such APIServer call, or not with this HTTP method."))));
        } else {
            Response.Status known = Response.Status.fromStatusCode(status);
            String title = known == null ? "Error" : known.getReasonPhrase();
            String detail = switch (status) {
                case 400 -> "the request could not be read";
                case 404 -> "no such resource";
                case 405 -> "method not allowed here";
                case 415 -> "unsupported content type";
                case 500 -> "a server fault; quote the incident id when reporting it";
                default -> title;
            };
            reply = Response.status(status).type(Problems.PROBLEM_JSON)
                    .entity(new Problem("about:blank", title, status, detail, null, incident));
        }
        if (incident != null) {
            reply.header(Incidents.HEADER, incident);
        }
        return reply.build();
    }
}
