package io.sessiongate.server;

import io.sessiongate.api.apiserver.ApiServerError;
import io.sessiongate.api.apiserver.ApiServerReply;
import io.sessiongate.api.apiserver.ErrorCode;
import io.sessiongate.server.customer.CustomerProblems;
import io.sessiongate.server.rescue.RescueMethods;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * What a browser must not make the Rescue and APIServer APIs do, decided before any resource
 * runs and whatever shape the resources take:
 *
 * <ul>
 *   <li>{@code HEAD} does nothing: 405 with {@code Allow: GET, POST} (Jersey would otherwise run the
 *       GET method, and so the transfer or the logout, and drop the body);</li>
 *   <li>a request that may change state (every {@code .aspx} method not declared a query, every
 *       POST) is refused with 403 when the browser says it is cross-site ({@code Sec-Fetch-Site:
 *       cross-site}) or sends an {@code Origin} other than the server's own. curl, PHP, .NET and
 *       Java callers send neither header, so they never notice;</li>
 *   <li>an {@code .aspx} POST body is read only as {@code application/x-www-form-urlencoded}: a
 *       {@code text/plain}, JSON or untyped body (what a cross-origin page can send without a
 *       preflight) answers 415 {@code ERROR}. A POST without a body, its parameters in the query
 *       string, is still served.</li>
 *   <li>the customer's POSTs under {@code /api/v1/customer/} (join, leave) get the same cross-site
 *       refusal, as a 403 problem; their resource takes JSON only, which a page on another origin
 *       cannot send without a CORS preflight, and this server answers none.</li>
 * </ul>
 */
@Provider
@PreMatching
@Priority(2)
public final class StateChangingRequests implements ContainerRequestFilter {

    /** Which .aspx methods only read, as each is declared; every other name (also an unknown one) changes state. */
    private final RescueMethods methods;

    public StateChangingRequests(RescueMethods methods) {
        this.methods = methods;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        ApiFamily family = ApiFamily.ofPath(path);
        if (family == ApiFamily.OTHER) {
            // The customer's join and leave: no cookie is involved (a PIN, a channel id, a bearer token), but a page
            // on another site could still spend a PIN guess from its visitor's address, or use up a real PIN.
            if (path.startsWith(CUSTOMER) && !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())
                    && crossSite(request)) {
                request.abortWith(CustomerProblems.crossSiteRefused());
            }
            return;
        }
        String method = request.getMethod();
        if ("HEAD".equals(method)) {
            request.abortWith(refusal(family, 405, ErrorCode.METHOD_NOT_ALLOWED,
                    "HEAD does nothing here: use GET or POST.").header(HttpHeaders.ALLOW, "GET, POST").build());
            return;
        }
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        boolean aspx = family == ApiFamily.RESCUE && name.endsWith(".aspx");
        boolean changesState = !"GET".equals(method) || (aspx && !methods.aspx(name).map(RescueMethods.Method::readsOnly).orElse(false))
                || (family == ApiFamily.APISERVER && !name.equals("session.getsessiondata"));
        if (changesState && crossSite(request)) {
            request.abortWith(refusal(family, 403, ErrorCode.CROSS_SITE_REFUSED,
                    "The browser says this request comes from another site.").build());
            return;
        }
        if (aspx && "POST".equals(method) && hasBody(request) && !isForm(request.getHeaderString(HttpHeaders.CONTENT_TYPE))) {
            request.abortWith(Response.status(415).type(RESCUE_TEXT).entity("ERROR").build());
        }
    }

    private static final String CUSTOMER = "/api/v1/customer/";

    private static final MediaType RESCUE_TEXT = MediaType.valueOf("text/plain; charset=utf-8");

    static boolean crossSite(ContainerRequestContext request) {
        if ("cross-site".equalsIgnoreCase(trimmed(request.getHeaderString("Sec-Fetch-Site")))) {
            return true;
        }
        String origin = trimmed(request.getHeaderString("Origin"));
        if (origin == null) {
            return false;
        }
        String host = trimmed(request.getHeaderString(HttpHeaders.HOST));
        try {
            URI o = new URI(origin);
            return host == null || o.getRawAuthority() == null || !o.getRawAuthority().equalsIgnoreCase(host)
                    || !List.of("http", "https").contains(String.valueOf(o.getScheme()).toLowerCase(Locale.ROOT));
        } catch (java.net.URISyntaxException e) {
            return true; // "null" (a sandboxed page) or garbage: not this server
        }
    }

    private static boolean hasBody(ContainerRequestContext request) {
        if (request.getHeaderString("Transfer-Encoding") != null) {
            return true;
        }
        String length = trimmed(request.getHeaderString(HttpHeaders.CONTENT_LENGTH));
        return length != null && !length.equals("0");
    }

    /** Read as text: Jersey's own parsing throws on a Content-Type it cannot parse ({@code garbage/\u00ff}). */
    private static boolean isForm(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return type.equalsIgnoreCase(MediaType.APPLICATION_FORM_URLENCODED);
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Response.ResponseBuilder refusal(ApiFamily family, int status, ErrorCode code, String message) {
        if (family == ApiFamily.APISERVER) {
            return Response.status(status).type(MediaType.APPLICATION_JSON)
                    .entity(ApiServerReply.failed(List.of(ApiServerError.of(code, null, message))));
        }
        return Response.status(status).type(RESCUE_TEXT).entity("ERROR");
    }
}
