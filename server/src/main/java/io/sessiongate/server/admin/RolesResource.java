package io.sessiongate.server.admin;

import io.sessiongate.api.admin.CreateRole;
import io.sessiongate.api.admin.RolePatch;
import io.sessiongate.core.admin.AdminAccess;
import io.sessiongate.core.admin.OperatorCredential;
import io.sessiongate.core.admin.RoleAdministration;
import io.sessiongate.server.ApiFamily;
import io.sessiongate.server.api.Idempotency;
import io.sessiongate.server.api.Paging;
import io.sessiongate.server.api.Problems;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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

/**
 * {@code /api/v1/accounts/{siteKey}/roles}: the account's roles (a kind, a priority, a folder list, the anonymous flag), for a master administrator or an API token: made
 * ({@code POST}, idempotent with a key), listed in pages, read with an ETag, changed ({@code PATCH} with
 * {@code If-Match}) and deleted (409 while in use). A change reaches a live login at its next refresh.
 */
@Path("api/v1/accounts/{siteKey}/roles")
@ApiFamily.Of(ApiFamily.OTHER)
@Produces(MediaType.APPLICATION_JSON)
public final class RolesResource {

    private final RoleAdministration roles;
    private final AdminAccess access;
    private final AccountCalls calls;

    public RolesResource(RoleAdministration roles, OperatorCredential operator, AdminAccess access,
                         Idempotency idempotency) {
        this.roles = roles;
        this.access = access;
        this.calls = new AccountCalls(operator, access, idempotency);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("siteKey") String siteKey, CreateRole body, @Context HttpHeaders headers,
                           @Context ContainerRequestContext request) {
        return calls.create(headers, request, siteKey, AdminAccess.Need.WHOLE_ACCOUNT,
                credentials -> roles.create(credentials, siteKey, body), made -> "roles/" + made.id());
    }

    @GET
    public Response list(@PathParam("siteKey") String siteKey, @QueryParam("limit") String limit,
                         @QueryParam("cursor") String cursor, @Context HttpHeaders headers) {
        Paging.Asked asked = Paging.parse("roles", limit, cursor, "cursor");
        return calls.run(headers, credentials -> asked.errors().isEmpty()
                ? Problems.of(roles.list(credentials, siteKey, asked.query()),
                        slice -> Response.ok(Paging.page("roles", slice)).build())
                : Problems.of(access.admit(credentials, siteKey, AdminAccess.Need.WHOLE_ACCOUNT),
                        ok -> Problems.invalid(asked.errors())));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("siteKey") String siteKey, @PathParam("id") String id,
                        @Context HttpHeaders headers) {
        return calls.versioned(headers, credentials -> roles.get(credentials, siteKey, AccountCalls.id(id)));
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, AccountsResource.MERGE_PATCH})
    public Response patch(@PathParam("siteKey") String siteKey, @PathParam("id") String id, RolePatch body,
                          @Context HttpHeaders headers) {
        return calls.patch(headers, siteKey, AdminAccess.Need.WHOLE_ACCOUNT, (credentials, version) ->
                roles.patch(credentials, siteKey, AccountCalls.id(id), version, body));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("siteKey") String siteKey, @PathParam("id") String id,
                           @Context HttpHeaders headers) {
        return calls.plain(headers, credentials -> roles.delete(credentials, siteKey, AccountCalls.id(id)));
    }
}
