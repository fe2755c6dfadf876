package io.sessiongate.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.sessiongate.api.apiserver.ApiServerError;
import io.sessiongate.api.apiserver.ApiServerReply;
import io.sessiongate.api.apiserver.ErrorCode;
import io.sessiongate.api.problem.Problem;
import io.sessiongate.core.persistence.DataAccessException;
import io.sessiongate.server.api.ProblemType;
import io.sessiongate.server.api.Problems;
import io.sessiongate.server.soap.SoapFaults;
import jakarta.inject.Inject;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Locale;
import org.glassfish.grizzly.http.server.Request;

/**
 * The one place where a request that a resource did not answer itself gets its error reply: a
 * fault thrown by a service, a route that matches nothing, a method not allowed, a body that
 * cannot be read. The shape is that of the API family of the resource that handled the request
 * ({@link ApiFamily.Of}); only a request that reached no resource is placed by its path. A fault
 * is logged once, with an incident id the reply carries; no stack trace or internal message ever
 * reaches the caller. On {@code /api/v1} a conflict ({@code DuplicateEntry}, {@code StaleUpdate})
 * is a 409 problem.
 */
@Provider
public final class ApiExceptionMapper implements ExceptionMapper<Throwable> {

    /** A request attribute a resource may set to say what it was doing, for the incident's log line. */
    public static final String CALL = "sessiongate.call";

    private static final MediaType TEXT = MediaType.valueOf("text/plain; charset=utf-8");

    @Context
    private UriInfo uri;

    @Context
    private ResourceInfo resource;

    @Context
    private HttpHeaders headers;

    @Inject
    private jakarta.inject.Provider<Request> request;

    @Override
    public Response toResponse(Throwable e) {
        String path = uri == null ? "" : uri.getPath();
        ApiFamily family = family(path);
        boolean refusedByJersey = e instanceof WebApplicationException wae && wae.getResponse().getStatus() < 500;
        if (family == ApiFamily.SOAP && refusedByJersey) {
            family = ApiFamily.RESCUE; // e.g. a method the endpoint does not take: the /API path's plain ERROR
        }
        int status;
        if (family == ApiFamily.SOAP) {
            status = 500; // a fault of a SOAP call
        } else if (refusedByJersey) {
            status = ((WebApplicationException) e).getResponse().getStatus();
        } else if (e instanceof JsonProcessingException) {
            status = 400;
        } else if (family == ApiFamily.OTHER && (e instanceof DataAccessException.DuplicateEntry
                || e instanceof DataAccessException.StaleUpdate)) {
            status = 409;
        } else {
            status = 500;
        }
        String incident = status >= 500 ? Incidents.log(context(family, path), e) : null;
        Response.ResponseBuilder reply = switch (family) {
            case RESCUE -> Response.status(status).type(TEXT).entity("ERROR");
            case SOAP -> Response.fromResponse(SoapFaults.serverFault(
                    headers == null ? null : headers.getHeaderString(HttpHeaders.CONTENT_TYPE), incident));
            case APISERVER -> Response.status(status).type(MediaType.APPLICATION_JSON).entity(incident != null
                    ? ApiServerReply.fault(incident)
                    : ApiServerReply.failed(List.of(ApiServerError.of(
                            status == 400 ? ErrorCode.BODY_UNREADABLE : ErrorCode.SYSTEM_ERROR, null,
                            "HTTP " + status + ": no such APIServer call, or not with this HTTP method."))));
            case OTHER -> Response.status(status).type(Problems.PROBLEM_JSON).entity(problem(e, status, incident));
        };
        if (family == ApiFamily.OTHER && e instanceof WebApplicationException wae
                && wae.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            reply.header(HttpHeaders.ALLOW, wae.getResponse().getHeaderString(HttpHeaders.ALLOW));
        }
        if (incident != null) {
            reply.header(Incidents.HEADER, incident);
        }
        return reply.build();
    }

    private ApiFamily family(String path) {
        Class<?> handler = resource == null ? null : resource.getResourceClass();
        ApiFamily.Of declared = handler == null ? null : handler.getAnnotation(ApiFamily.Of.class);
        return declared != null ? declared.value() : ApiFamily.ofPath(path);
    }

    /** What was being done: the resource's own words when it gave them, else the API and the path. */
    private String context(ApiFamily family, String path) {
        Object call = null;
        try {
            call = request == null ? null : request.get().getAttribute(CALL);
        } catch (RuntimeException outsideARequest) {
            // no request in scope: say the path
        }
        if (call != null) {
            return call.toString();
        }
        return switch (family) {
            case RESCUE -> "Rescue " + path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            case SOAP -> "SOAP";
            case APISERVER -> "APIServer " + path;
            case OTHER -> path.toLowerCase(Locale.ROOT);
        };
    }

    /**
     * The problem of a request no resource answered itself, under the JSON API's types: an unreadable
     * body says what is wrong with it (and where) without quoting any internal name.
     */
    static Problem problem(Throwable e, int status, String incident) {
        if (e instanceof JsonProcessingException json && status == 400) {
            return JsonProblems.of(json);
        }
        ProblemType type = e instanceof DataAccessException ? ProblemType.CONFLICT : ProblemType.ofStatus(status);
        String detail = switch (status) {
            case 400 -> "the request could not be read";
            case 404 -> "no such resource";
            case 405 -> "method not allowed here";
            case 406 -> "this resource answers application/json (and problems as application/problem+json)";
            case 409 -> "the change conflicts with the current state (a duplicate, or changed meanwhile); "
                    + "read it again and retry";
            case 415 -> "unsupported content type: send application/json";
            case 500 -> "a server fault; quote the incident id when reporting it";
            default -> type.title();
        };
        return new Problem(type.uri(), type.title(), status, detail, null, null, null, incident);
    }
}
