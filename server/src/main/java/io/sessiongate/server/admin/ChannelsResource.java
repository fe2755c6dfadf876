package io.sessiongate.server.admin;

import io.sessiongate.api.admin.CreateChannel;
import io.sessiongate.core.admin.AdminAccess;
import io.sessiongate.core.admin.DirectoryAdministration;
import io.sessiongate.core.admin.OperatorCredential;
import io.sessiongate.server.ApiFamily;
import io.sessiongate.server.api.Idempotency;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /api/v1/accounts/{siteKey}/channels}: a new channel ({@code POST}, idempotent with a key), and its
 * assignment to technician groups ({@code PUT}/{@code DELETE .../channels/{nodeId}/groups/{groupId}}, both
 * answering the channel as it is then).
 */
@Path("api/v1/accounts/{siteKey}/channels")
@ApiFamily.Of(ApiFamily.OTHER)
@Produces(MediaType.APPLICATION_JSON)
public final class ChannelsResource {

    private final DirectoryAdministration directory;
    private final AccountCalls calls;

    public ChannelsResource(DirectoryAdministration directory, OperatorCredential operator, AdminAccess access,
                            Idempotency idempotency) {
        this.directory = directory;
        this.calls = new AccountCalls(operator, access, idempotency);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("siteKey") String siteKey, CreateChannel body, @Context HttpHeaders headers,
                           @Context ContainerRequestContext request) {
        return calls.create(headers, request, siteKey, AdminAccess.Need.ADMINISTRATOR,
                credentials -> directory.createChannel(credentials, siteKey, body), made -> "nodes/" + made.id());
    }

    @PUT
    @Path("{nodeId}/groups/{groupId}")
    public Response assign(@PathParam("siteKey") String siteKey, @PathParam("nodeId") String nodeId,
                           @PathParam("groupId") String groupId, @Context HttpHeaders headers) {
        return calls.plain(headers, credentials -> directory.assignment(credentials, siteKey, AccountCalls.id(nodeId),
                AccountCalls.id(groupId), true));
    }

    @DELETE
    @Path("{nodeId}/groups/{groupId}")
    public Response unassign(@PathParam("siteKey") String siteKey, @PathParam("nodeId") String nodeId,
                             @PathParam("groupId") String groupId, @Context HttpHeaders headers) {
        return calls.plain(headers, credentials -> directory.assignment(credentials, siteKey, AccountCalls.id(nodeId),
                AccountCalls.id(groupId), false));
    }
}
