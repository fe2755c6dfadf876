package io.sessiongate.server.admin;

import io.sessiongate.api.admin.WebSessionPatch;
import io.sessiongate.core.admin.AdminAccess;
import io.sessiongate.core.admin.OperatorCredential;
import io.sessiongate.core.admin.WebSessionAdministration;
import io.sessiongate.server.ApiFamily;
import io.sessiongate.server.api.ETags;
import io.sessiongate.server.api.Paging;
import io.sessiongate.server.api.Presented;
import io.sessiongate.server.api.Problems;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * {@code /api/v1/accounts/{siteKey}/web-sessions}: the account's logins, listed (by status, user),
 * read (with the ETag of their version) and changed through Session.Update ({@code PATCH} with
 * {@code If-Match}).
 */
@Path("api/v1/accounts/{siteKey}/web-sessions")
@ApiFamily.Of(ApiFamily.OTHER)
@Produces(MediaType.APPLICATION_JSON)
public final class WebSessionsResource {

    private final WebSessionAdministration sessions;
    private final AccountCallers callers;
    private final AdminAccess access;

    public WebSessionsResource(WebSessionAdministration sessions, OperatorCredential operator, AdminAccess access) {
        this.sessions = sessions;
        this.callers = new AccountCallers(operator);
        this.access = access;
    }

    @GET
    public Response list(@PathParam("siteKey") String siteKey, @QueryParam("status") String status,
                         @QueryParam("userId") String userId, @QueryParam("limit") String limit,
                         @QueryParam("cursor") String cursor, @Context HttpHeaders headers) {
        Presented presented = Presented.of(headers);
        Optional<Response> refused = callers.refusal(presented);
        if (refused.isPresent()) {
            return refused.get();
        }
        Paging.Asked asked = Paging.parse("web-sessions", limit, cursor, "cursor");
        java.util.List<io.sessiongate.api.admin.FieldError> errors = new java.util.ArrayList<>(asked.errors());
        Optional<Long> user = userId == null ? Optional.empty() : AccountCallers.id(userId);
        if (userId != null && user.isEmpty()) {
            errors.add(new io.sessiongate.api.admin.FieldError("userId", "INVALID_ID",
                    "userId must be a positive integer."));
        }
        return Problems.of(sessions.list(presented.credentials(), siteKey, status, user.orElse(null),
                        errors.isEmpty() ? asked.query() : null, errors),
                slice -> Response.ok(Paging.page("web-sessions", slice)).build());
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
            return Problems.of(access.admit(presented.credentials(), siteKey, AdminAccess.Need.ADMINISTRATOR),
                    ok -> Problems.notFound());
        }
        return Problems.of(sessions.get(presented.credentials(), siteKey, sessionId.get()),
                v -> Response.ok(v.value()).tag(new EntityTag(Long.toString(v.version()))).build());
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, AccountsResource.MERGE_PATCH})
    public Response patch(@PathParam("siteKey") String siteKey, @PathParam("id") String id, WebSessionPatch body,
                          @Context HttpHeaders headers) {
        Presented presented = Presented.of(headers);
        Optional<Response> refused = callers.refusal(presented);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<Long> sessionId = AccountCallers.id(id);
        if (sessionId.isEmpty()) {
            return Problems.of(access.admit(presented.credentials(), siteKey, AdminAccess.Need.ADMINISTRATOR),
                    ok -> Problems.notFound());
        }
        ETags.Condition condition = ETags.parse(headers.getHeaderString(ETags.IF_MATCH));
        if (condition instanceof ETags.Condition.Missing) {
            return AccountsResource.preconditionRequired(access.admit(presented.credentials(), siteKey,
                    AdminAccess.Need.ADMINISTRATOR));
        }
        return Problems.of(sessions.patch(presented.credentials(), siteKey, sessionId.get(),
                        ETags.expectedVersion(condition), body),
                v -> Response.ok(v.value()).tag(new EntityTag(Long.toString(v.version()))).build());
    }
}
