package io.sessiongate.server.admin;

import io.sessiongate.api.admin.ApiTokenCreated;
import io.sessiongate.api.admin.CreateApiToken;
import io.sessiongate.core.admin.AdminAccess;
import io.sessiongate.core.admin.AdminOutcome;
import io.sessiongate.core.admin.ApiTokens;
import io.sessiongate.core.admin.OperatorCredential;
import io.sessiongate.server.ApiFamily;
import io.sessiongate.server.api.Idempotency;
import io.sessiongate.server.api.Paging;
import io.sessiongate.server.api.Presented;
import io.sessiongate.server.api.Problems;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.Optional;

/** {@code /api/v1/accounts/{siteKey}/api-tokens}: make one (its secret shown once), list them, revoke one. */
@Path("api/v1/accounts/{siteKey}/api-tokens")
@ApiFamily.Of(ApiFamily.OTHER)
@Produces(MediaType.APPLICATION_JSON)
public final class ApiTokensResource {

    private final ApiTokens tokens;
    private final AccountCallers callers;
    private final AdminAccess access;
    private final Idempotency idempotency;

    public ApiTokensResource(ApiTokens tokens, OperatorCredential operator, AdminAccess access,
                             Idempotency idempotency) {
        this.tokens = tokens;
        this.callers = new AccountCallers(operator);
        this.access = access;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("siteKey") String siteKey, CreateApiToken body, @Context HttpHeaders headers,
                           @Context ContainerRequestContext request) {
        Presented presented = Presented.of(headers);
        Optional<Response> refused = callers.refusal(presented);
        if (refused.isPresent()) {
            return refused.get();
        }
        AdminOutcome<AdminAccess.AccountCaller> admitted = access.admit(presented.credentials(), siteKey,
                AdminAccess.Need.WHOLE_ACCOUNT);
        if (!(admitted instanceof AdminOutcome.Done)) {
            return Problems.of(admitted, ok -> null);
        }
        return idempotency.run(request, presented.principal(), () -> Problems.of(
                tokens.create(presented.credentials(), siteKey, body), (ApiTokenCreated created) -> Response
                        .created(URI.create("/api/v1/accounts/" + siteKey + "/api-tokens/" + created.id()))
                        .type(MediaType.APPLICATION_JSON).entity(created).build()));
    }

    @GET
    public Response list(@PathParam("siteKey") String siteKey, @QueryParam("limit") String limit,
                         @QueryParam("cursor") String cursor, @Context HttpHeaders headers) {
        Presented presented = Presented.of(headers);
        Optional<Response> refused = callers.refusal(presented);
        if (refused.isPresent()) {
            return refused.get();
        }
        Paging.Asked asked = Paging.parse("api-tokens", limit, cursor, "cursor");
        if (!asked.errors().isEmpty()) {
            return Problems.of(access.admit(presented.credentials(), siteKey, AdminAccess.Need.WHOLE_ACCOUNT),
                    ok -> Problems.invalid(asked.errors()));
        }
        return Problems.of(tokens.list(presented.credentials(), siteKey, asked.query()),
                slice -> Response.ok(Paging.page("api-tokens", slice)).build());
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("siteKey") String siteKey, @PathParam("id") String id,
                           @Context HttpHeaders headers) {
        Presented presented = Presented.of(headers);
        Optional<Response> refused = callers.refusal(presented);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<Long> tokenId = AccountCallers.id(id);
        if (tokenId.isEmpty()) {
            return Problems.of(access.admit(presented.credentials(), siteKey, AdminAccess.Need.WHOLE_ACCOUNT),
                    ok -> Problems.notFound());
        }
        return Problems.of(tokens.revoke(presented.credentials(), siteKey, tokenId.get()),
                view -> Response.ok(view).build());
    }
}
