package io.sessiongate.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sessiongate.api.apiserver.ApiServerError;
import io.sessiongate.api.apiserver.ApiServerReply;
import io.sessiongate.api.apiserver.ErrorCode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * Stands in front of Jersey for what Jersey cannot answer in an API's own shape: a request line
 * that is not a valid URI (Jersey fails on it with a 500 page and a stack trace) and Grizzly's own
 * error pages. Such requests get {@code ERROR} text on the Rescue paths, the error array on the
 * APIServer paths and a problem detail elsewhere: never HTML, never a trace.
 */
final class RequestGuard extends HttpHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpHandler jersey;

    RequestGuard(HttpHandler jersey) {
        this.jersey = jersey;
    }

    @Override
    public void start() {
        jersey.start();
    }

    @Override
    public void destroy() {
        jersey.destroy();
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        String query = request.getQueryString();
        try {
            new URI(request.getRequestURI() + (query == null ? "" : "?" + query));
        } catch (URISyntaxException e) {
            reject(request.getRequestURI(), response, 400);
            return;
        }
        jersey.service(request, response);
    }

    /** Grizzly's own error pages (malformed requests it refuses itself), in the same shapes. */
    static final ErrorPageGenerator PLAIN_ERRORS = (request, status, reason, description, exception) ->
            body(ApiFamily.ofPath(request.getRequestURI()), status, reason);

    /** Answers {@code status} in the shape of the API that {@code path} belongs to. */
    static void reject(String path, Response response, int status) throws java.io.IOException {
        response.setStatus(status);
        ApiFamily family = ApiFamily.ofPath(path);
        response.setContentType(contentType(family));
        byte[] body = body(family, status, "Bad Request").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    static String contentType(ApiFamily family) {
        return switch (family) {
            case RESCUE, SOAP -> "text/plain; charset=utf-8";
            case APISERVER -> "application/json";
            case OTHER -> "application/problem+json";
        };
    }

    static String body(ApiFamily family, int status, String reason) {
        return switch (family) {
            case RESCUE, SOAP -> "ERROR";
            case APISERVER -> errorArray(status);
            case OTHER -> problem(status, reason);
        };
    }

    private static String errorArray(int status) {
        try {
            return JSON.writeValueAsString(ApiServerReply.failed(List.of(ApiServerError.of(ErrorCode.BODY_UNREADABLE,
                    null, "HTTP " + status + ": the request could not be read (an invalid request line, URI, "
                    + "Host or framing, or a body not sent within " + BodiesReadFirst.DEADLINE_SECONDS + " s)."))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JSON API's problem of the status ({@code malformed-request} for a request that could not be read). */
    private static String problem(int status, String reason) {
        io.sessiongate.server.api.ProblemType type = io.sessiongate.server.api.ProblemType.ofStatus(status);
        return "{\"type\":\"" + type.uri() + "\",\"title\":\"" + type.title() + "\",\"status\":" + status
                + ",\"detail\":\"" + (reason == null ? type.title() : reason.replace("\"", "").replace("\\", ""))
                + "\"}";
    }
}
