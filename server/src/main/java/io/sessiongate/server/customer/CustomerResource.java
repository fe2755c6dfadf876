package io.sessiongate.server.customer;

import io.sessiongate.core.rescue.CustomerService;
import io.sessiongate.server.ApiFamily;
import io.sessiongate.server.api.Presented;
import io.sessiongate.server.api.Problems;
import io.sessiongate.server.rescue.RescueViews;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.glassfish.grizzly.http.server.Request;

/**
 * The customer's side of a support session (what the vendor's applet does, and what the customer
 * join page calls): {@code POST /api/v1/customer/sessions} with a PIN code or a channel's id answers
 * 201 with a token for that one session; with it ({@code Authorization: Bearer <token>}) the
 * customer reads {@code GET .../current} and leaves ({@code POST .../current/leave}). No login: the
 * PIN code, or the channel's id, is the credential of the join, and the token the only one after.
 * JSON only (a browser on another origin cannot send it without a preflight this server never
 * grants); {@code StateChangingRequests} refuses these POSTs when a browser says they are
 * cross-site. Errors are problem details ({@link CustomerProblems}).
 */
@Path("api/v1/customer/sessions")
@ApiFamily.Of(ApiFamily.OTHER)
public final class CustomerResource {

    /** Where the session of a customer token is read. */
    static final URI CURRENT = URI.create("/api/v1/customer/sessions/current");

    private final CustomerService customers;

    public CustomerResource(CustomerService customers) {
        this.customers = customers;
    }

    /** The join's body: exactly one of {@code pinCode} and {@code channelId}. */
    public record JoinBody(String pinCode, Long channelId, String name, List<String> customFields, String language) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problems.PROBLEM_JSON})
    public Response join(JoinBody body, @Context Request request) {
        if (body == null) {
            return CustomerProblems.missingBody();
        }
        CustomerService.Join outcome = customers.join(new CustomerService.JoinRequest(body.pinCode(), body.channelId(),
                body.name(), body.customFields(), body.language()), request.getRemoteAddr());
        if (outcome instanceof CustomerService.Join.Joined joined) {
            Map<String, Object> reply = new LinkedHashMap<>();
            reply.put("id", joined.sessionId());
            reply.put("status", joined.status().name());
            reply.put("statusText", RescueViews.statusText(joined.status()));
            reply.put("token", joined.token());
            return Response.created(CURRENT).type(MediaType.APPLICATION_JSON).entity(reply)
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        }
        if (outcome instanceof CustomerService.Join.TooManyTries wait) {
            return CustomerProblems.tooManyTries(wait.retryAfter());
        }
        if (outcome instanceof CustomerService.Join.Invalid invalid) {
            return CustomerProblems.invalid(invalid.violations());
        }
        return outcome instanceof CustomerService.Join.NoSuchChannel ? CustomerProblems.noSuchChannel()
                : CustomerProblems.wrongPin();
    }

    @GET
    @Path("current")
    @Produces({MediaType.APPLICATION_JSON, Problems.PROBLEM_JSON})
    public Response current(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Optional<CustomerService.CustomerView> found = customers.current(Presented.bearer(authorization));
        return found.map(v -> ok(view(v))).orElseGet(CustomerProblems::notAuthenticated);
    }

    @POST
    @Path("current/leave")
    @Produces({MediaType.APPLICATION_JSON, Problems.PROBLEM_JSON})
    public Response leave(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        CustomerService.Leave left = customers.leave(Presented.bearer(authorization));
        if (left instanceof CustomerService.Leave.Left l) {
            return ok(view(l.session()));
        }
        if (left instanceof CustomerService.Leave.AlreadyOver over) {
            return CustomerProblems.alreadyOver(RescueViews.statusText(over.session().status()));
        }
        return CustomerProblems.notAuthenticated();
    }

    private static Response ok(Map<String, Object> body) {
        return Response.ok(body, MediaType.APPLICATION_JSON).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /** What the customer sees of their session; the technician's name once one has picked it up. */
    private static Map<String, Object> view(CustomerService.CustomerView v) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", v.sessionId());
        body.put("status", v.status().name());
        body.put("statusText", RescueViews.statusText(v.status()));
        body.put("technicianName", v.technicianName());
        body.put("waitingSeconds", v.waiting() == null ? null : v.waiting().getSeconds());
        return body;
    }
}
