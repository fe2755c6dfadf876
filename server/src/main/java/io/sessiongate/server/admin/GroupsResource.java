package io.sessiongate.server.admin;

import io.sessiongate.api.admin.CreateGroup;
import io.sessiongate.core.admin.AdminAccess;
import io.sessiongate.core.admin.DirectoryAdministration;
import io.sessiongate.core.admin.OperatorCredential;
import io.sessiongate.server.ApiFamily;
import io.sessiongate.server.api.Idempotency;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /api/v1/accounts/{siteKey}/groups}: a technician or administrator group under a parent (idempotent
 * with a key); it is then a node ({@code .../nodes/{nodeId}}).
 */
@Path("api/v1/accounts/{siteKey}/groups")
@ApiFamily.Of(ApiFamily.OTHER)
@Produces(MediaType.APPLICATION_JSON)
public final class GroupsResource {

    private final DirectoryAdministration directory;
    private final AccountCalls calls;

    public GroupsResource(DirectoryAdministration directory, OperatorCredential operator, AdminAccess access,
                          Idempotency idempotency) {
        this.directory = directory;
        this.calls = new AccountCalls(operator, access, idempotency);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("siteKey") String siteKey, CreateGroup body, @Context HttpHeaders headers,
                           @Context ContainerRequestContext request) {
        return calls.create(headers, request, siteKey, AdminAccess.Need.ADMINISTRATOR,
                credentials -> directory.createGroup(credentials, siteKey, body), made -> "nodes/" + made.id());
    }
}
