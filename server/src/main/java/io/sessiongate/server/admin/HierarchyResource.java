package io.sessiongate.server.admin;

import io.sessiongate.api.admin.FieldError;
import io.sessiongate.core.admin.AdminAccess;
import io.sessiongate.core.admin.DirectoryAdministration;
import io.sessiongate.core.admin.OperatorCredential;
import io.sessiongate.server.ApiFamily;
import io.sessiongate.server.api.Idempotency;
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

/**
 * {@code GET /api/v1/accounts/{siteKey}/hierarchy}: the account's tree as the caller reaches it (groups, people
 * with their presence, channels with their groups), whole or {@code ?beneath=} one node.
 */
@Path("api/v1/accounts/{siteKey}/hierarchy")
@ApiFamily.Of(ApiFamily.OTHER)
@Produces(MediaType.APPLICATION_JSON)
public final class HierarchyResource {

    private final DirectoryAdministration directory;
    private final AccountCalls calls;

    public HierarchyResource(DirectoryAdministration directory, OperatorCredential operator, AdminAccess access,
                             Idempotency idempotency) {
        this.directory = directory;
        this.calls = new AccountCalls(operator, access, idempotency);
    }

    @GET
    public Response get(@PathParam("siteKey") String siteKey, @QueryParam("beneath") String beneath,
                        @Context HttpHeaders headers) {
        List<FieldError> errors = new ArrayList<>();
        Long node = beneath == null ? null : AccountCalls.id(beneath);
        if (beneath != null && node == null) {
            errors.add(new FieldError("beneath", "INVALID_ID", "beneath must be a positive integer (a node id)."));
        }
        return calls.plain(headers, credentials -> directory.hierarchy(credentials, siteKey, node, errors));
    }
}
