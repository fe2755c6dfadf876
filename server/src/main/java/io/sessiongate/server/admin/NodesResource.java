package io.sessiongate.server.admin;

import io.sessiongate.api.admin.NodePatch;
import io.sessiongate.core.admin.AdminAccess;
import io.sessiongate.core.admin.DirectoryAdministration;
import io.sessiongate.core.admin.OperatorCredential;
import io.sessiongate.server.ApiFamily;
import io.sessiongate.server.api.Idempotency;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /api/v1/accounts/{siteKey}/nodes/{nodeId}}: one node of the hierarchy, read with its ETag, changed
 * ({@code PATCH} with {@code If-Match}: rename, describe, enable or disable, move by {@code parentId}) and deleted
 * (refused with 409 while it holds people, groups or live support sessions).
 */
@Path("api/v1/accounts/{siteKey}/nodes")
@ApiFamily.Of(ApiFamily.OTHER)
@Produces(MediaType.APPLICATION_JSON)
public final class NodesResource {

    private final DirectoryAdministration directory;
    private final AccountCalls calls;

    public NodesResource(DirectoryAdministration directory, OperatorCredential operator, AdminAccess access,
                         Idempotency idempotency) {
        this.directory = directory;
        this.calls = new AccountCalls(operator, access, idempotency);
    }

    @GET
    @Path("{nodeId}")
    public Response get(@PathParam("siteKey") String siteKey, @PathParam("nodeId") String nodeId,
                        @Context HttpHeaders headers) {
        return calls.versioned(headers, credentials -> directory.node(credentials, siteKey, AccountCalls.id(nodeId)));
    }

    @PATCH
    @Path("{nodeId}")
    @Consumes({MediaType.APPLICATION_JSON, AccountsResource.MERGE_PATCH})
    public Response patch(@PathParam("siteKey") String siteKey, @PathParam("nodeId") String nodeId, NodePatch body,
                          @Context HttpHeaders headers) {
        return calls.patch(headers, siteKey, AdminAccess.Need.ADMINISTRATOR, (credentials, version) ->
                directory.patchNode(credentials, siteKey, AccountCalls.id(nodeId), version, body));
    }

    @DELETE
    @Path("{nodeId}")
    public Response delete(@PathParam("siteKey") String siteKey, @PathParam("nodeId") String nodeId,
                           @Context HttpHeaders headers) {
        return calls.plain(headers, credentials -> directory.deleteNode(credentials, siteKey, AccountCalls.id(nodeId)));
    }
}
