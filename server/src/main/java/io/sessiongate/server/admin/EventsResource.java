package io.sessiongate.server.admin;

import io.sessiongate.api.admin.EventView;
import io.sessiongate.api.admin.FieldError;
import io.sessiongate.api.admin.Page;
import io.sessiongate.core.admin.AdminAccess;
import io.sessiongate.core.admin.AuditTrail;
import io.sessiongate.core.admin.OperatorCredential;
import io.sessiongate.server.ApiFamily;
import io.sessiongate.server.api.Paging;
import io.sessiongate.server.api.Presented;
import io.sessiongate.server.api.Problems;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /api/v1/accounts/{siteKey}/events?after=&objectType=&objectId=}: the audit trail, oldest
 * first. A feed: {@code next} is the cursor after the last event of the page (a reader polls with it
 * as {@code after} and gets only what is new), and the reader is at the end when a page comes back
 * with no events; on an empty page {@code next} repeats the {@code after} given.
 */
@Path("api/v1/accounts/{siteKey}/events")
@ApiFamily.Of(ApiFamily.OTHER)
@Produces(MediaType.APPLICATION_JSON)
public final class EventsResource {

    private final AuditTrail trail;
    private final AccountCallers callers;
    private final AdminAccess access;

    public EventsResource(AuditTrail trail, OperatorCredential operator, AdminAccess access) {
        this.trail = trail;
        this.callers = new AccountCallers(operator);
        this.access = access;
    }

    @GET
    public Response list(@PathParam("siteKey") String siteKey, @QueryParam("after") String after,
                         @QueryParam("objectType") String objectType, @QueryParam("objectId") String objectId,
                         @QueryParam("limit") String limit, @Context HttpHeaders headers) {
        Presented presented = Presented.of(headers);
        Optional<Response> refused = callers.refusal(presented);
        if (refused.isPresent()) {
            return refused.get();
        }
        Paging.Asked asked = Paging.parse("events", limit, after, "after");
        List<FieldError> errors = new ArrayList<>(asked.errors());
        Optional<Long> object = objectId == null ? Optional.empty() : AccountCallers.id(objectId);
        if (objectId != null && object.isEmpty()) {
            errors.add(new FieldError("objectId", "INVALID_ID", "objectId must be a positive integer."));
        }
        return Problems.of(trail.list(presented.credentials(), siteKey, objectType, object.orElse(null),
                errors.isEmpty() ? asked.query() : null, errors), slice -> {
                    List<EventView> items = slice.items();
                    String next = items.isEmpty() ? (after == null || after.isEmpty() ? null : after)
                            : Paging.encode("events", items.get(items.size() - 1).id());
                    return Response.ok(new Page<>(items, next)).build();
                });
    }
}
