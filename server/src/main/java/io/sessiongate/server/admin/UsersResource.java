package io.sessiongate.server.admin;

import io.sessiongate.api.admin.CreateUser;
import io.sessiongate.api.admin.UserPatch;
import io.sessiongate.core.admin.AdminAccess;
import io.sessiongate.core.admin.DirectoryAdministration;
import io.sessiongate.core.admin.OperatorCredential;
import io.sessiongate.server.ApiFamily;
import io.sessiongate.server.api.Idempotency;
import io.sessiongate.server.api.Paging;
import io.sessiongate.server.api.Problems;
import jakarta.ws.rs.Consumes;
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
 * {@code /api/v1/accounts/{siteKey}/users}: a new user as technician, administrator or both ({@code POST},
 * idempotent with a key), the users the caller reaches ({@code GET}, by status, in pages), one user with its ETag,
 * and a change of one ({@code PATCH} with {@code If-Match}: name, email, password, status, roles, folder list).
 */
@Path("api/v1/accounts/{siteKey}/users")
@ApiFamily.Of(ApiFamily.OTHER)
@Produces(MediaType.APPLICATION_JSON)
public final class UsersResource {

    private final DirectoryAdministration directory;
    private final AccountCalls calls;

    public UsersResource(DirectoryAdministration directory, OperatorCredential operator, AdminAccess access,
                         Idempotency idempotency) {
        this.directory = directory;
        this.calls = new AccountCalls(operator, access, idempotency);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("siteKey") String siteKey, CreateUser body, @Context HttpHeaders headers,
                           @Context ContainerRequestContext request) {
        return calls.create(headers, request, siteKey, AdminAccess.Need.ADMINISTRATOR,
                credentials -> directory.createUser(credentials, siteKey, body), made -> "users/" + made.userId());
    }

    @GET
    public Response list(@PathParam("siteKey") String siteKey, @QueryParam("status") String status,
                         @QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                         @Context HttpHeaders headers) {
        Paging.Asked asked = Paging.parse("users", limit, cursor, "cursor");
        return calls.run(headers, credentials -> Problems.of(directory.users(credentials, siteKey, status,
                        asked.query(), asked.errors()), slice -> Response.ok(Paging.page("users", slice)).build()));
    }

    @GET
    @Path("{userId}")
    public Response get(@PathParam("siteKey") String siteKey, @PathParam("userId") String userId,
                        @Context HttpHeaders headers) {
        return calls.versioned(headers, credentials -> directory.user(credentials, siteKey, AccountCalls.id(userId)));
    }

    @PATCH
    @Path("{userId}")
    @Consumes({MediaType.APPLICATION_JSON, AccountsResource.MERGE_PATCH})
    public Response patch(@PathParam("siteKey") String siteKey, @PathParam("userId") String userId, UserPatch body,
                          @Context HttpHeaders headers) {
        return calls.patch(headers, siteKey, AdminAccess.Need.ADMINISTRATOR, (credentials, version) ->
                directory.patchUser(credentials, siteKey, AccountCalls.id(userId), version, body));
    }
}
