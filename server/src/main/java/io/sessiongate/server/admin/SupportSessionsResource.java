package io.sessiongate.server.admin;

import io.sessiongate.api.admin.CreateSupportSession;
import io.sessiongate.api.admin.FieldError;
import io.sessiongate.api.admin.SupportSessionAction;
import io.sessiongate.api.admin.SupportSessionCreated;
import io.sessiongate.core.admin.AdminAccess;
import io.sessiongate.core.admin.OperatorCredential;
import io.sessiongate.core.admin.SupportSessionAdministration;
import io.sessiongate.core.admin.SupportSessionAdministration.Action;
import io.sessiongate.server.ApiFamily;
import io.sessiongate.server.api.Idempotency;
import io.sessiongate.server.api.Paging;
import io.sessiongate.server.api.Presented;
import io.sessiongate.server.api.Problems;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /api/v1/accounts/{siteKey}/support-sessions}: create one (with a PIN for a technician, or
 * waiting in a channel), list and read them, and act on one (transfer, start, hold, close,
 * cancel-action) through the Rescue methods' services: a refusal is a 409 problem with the Rescue
 * code in {@code code}, a target out of reach a 422, a session out of reach a 404.
 */
@Path("api/v1/accounts/{siteKey}/support-sessions")
@ApiFamily.Of(ApiFamily.OTHER)
@Produces(MediaType.APPLICATION_JSON)
public final class SupportSessionsResource {

    private final SupportSessionAdministration sessions;
    private final AccountCallers callers;
    private final AdminAccess access;
    private final Idempotency idempotency;

    public SupportSessionsResource(SupportSessionAdministration sessions, OperatorCredential operator,
                                   AdminAccess access, Idempotency idempotency) {
        this.sessions = sessions;
        this.callers = new AccountCallers(operator);
        this.access = access;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("siteKey") String siteKey, CreateSupportSession body,
                           @Context HttpHeaders headers, @Context ContainerRequestContext request) {
        Presented presented = Presented.of(headers);
        Optional<Response> refused = refusal(presented, siteKey);
        if (refused.isPresent()) {
            return refused.get();
        }
        return idempotency.run(request, presented.principal(), () -> Problems.of(
                sessions.create(presented.credentials(), siteKey, body), (SupportSessionCreated created) -> Response
                        .created(URI.create("/api/v1/accounts/" + siteKey + "/support-sessions/" + created.id()))
                        .type(MediaType.APPLICATION_JSON).entity(created).build()));
    }

    @GET
    public Response list(@PathParam("siteKey") String siteKey, @QueryParam("status") String status,
                         @QueryParam("technicianId") String technicianId, @QueryParam("channelId") String channelId,
                         @QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                         @Context HttpHeaders headers) {
        Presented presented = Presented.of(headers);
        Optional<Response> refused = callers.refusal(presented);
        if (refused.isPresent()) {
            return refused.get();
        }
        Paging.Asked asked = Paging.parse("support-sessions", limit, cursor, "cursor");
        List<FieldError> errors = new ArrayList<>(asked.errors());
        Optional<Long> technician = filterId("technicianId", technicianId, errors);
        Optional<Long> channel = filterId("channelId", channelId, errors);
        return Problems.of(sessions.list(presented.credentials(), siteKey, status, technician.orElse(null),
                channel.orElse(null), errors.isEmpty() ? asked.query() : null, errors), slice -> Response.ok(Paging.page("support-sessions", slice)).build());
    }

    private static Optional<Long> filterId(String name, String raw, List<FieldError> errors) {
        if (raw == null) {
            return Optional.empty();
        }
        Optional<Long> id = AccountCallers.id(raw);
        if (id.isEmpty()) {
            errors.add(new FieldError(name, "INVALID_ID", name + " must be a positive integer."));
        }
        return id;
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("siteKey") String siteKey, @PathParam("id") String id,
                        @Context HttpHeaders headers) {
        Presented presented = Presented.of(headers);
        Optional<Response> refused = callers.refusal(presented);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<Long> sessionId = AccountCallers.id(id);
        if (sessionId.isEmpty()) {
            return notFound(presented, siteKey);
        }
        return Problems.of(sessions.get(presented.credentials(), siteKey, sessionId.get()),
                view -> Response.ok(view).build());
    }

    @POST
    @Path("{id}/transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response transfer(@PathParam("siteKey") String siteKey, @PathParam("id") String id,
                             SupportSessionAction body, @Context HttpHeaders headers) {
        return act(siteKey, id, Action.TRANSFER, body, headers);
    }

    @POST
    @Path("{id}/start")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(@PathParam("siteKey") String siteKey, @PathParam("id") String id,
                          SupportSessionAction body, @Context HttpHeaders headers) {
        return act(siteKey, id, Action.START, body, headers);
    }

    @POST
    @Path("{id}/hold")
    public Response hold(@PathParam("siteKey") String siteKey, @PathParam("id") String id,
                         @Context HttpHeaders headers) {
        return act(siteKey, id, Action.HOLD, null, headers);
    }

    @POST
    @Path("{id}/close")
    public Response close(@PathParam("siteKey") String siteKey, @PathParam("id") String id,
                          @Context HttpHeaders headers) {
        return act(siteKey, id, Action.CLOSE, null, headers);
    }

    @POST
    @Path("{id}/cancel-action")
    public Response cancelAction(@PathParam("siteKey") String siteKey, @PathParam("id") String id,
                                 @Context HttpHeaders headers) {
        return act(siteKey, id, Action.CANCEL_ACTION, null, headers);
    }

    private Response act(String siteKey, String id, Action action, SupportSessionAction body, HttpHeaders headers) {
        Presented presented = Presented.of(headers);
        Optional<Response> refused = callers.refusal(presented);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<Long> sessionId = AccountCallers.id(id);
        if (sessionId.isEmpty()) {
            return notFound(presented, siteKey);
        }
        return Problems.of(sessions.act(presented.credentials(), siteKey, sessionId.get(), action, body),
                view -> Response.ok(view).build());
    }

    private Optional<Response> refusal(Presented presented, String siteKey) {
        Optional<Response> refused = callers.refusal(presented);
        if (refused.isPresent()) {
            return refused;
        }
        var admitted = access.admit(presented.credentials(), siteKey, AdminAccess.Need.ADMINISTRATOR);
        return admitted instanceof io.sessiongate.core.admin.AdminOutcome.Done ? Optional.empty()
                : Optional.of(Problems.of(admitted, ok -> null));
    }

    private Response notFound(Presented presented, String siteKey) {
        return Problems.of(access.admit(presented.credentials(), siteKey, AdminAccess.Need.ADMINISTRATOR),
                ok -> Problems.notFound());
    }
}
