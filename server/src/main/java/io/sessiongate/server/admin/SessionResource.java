package io.sessiongate.server.admin;

import io.sessiongate.api.admin.SessionInfo;
import io.sessiongate.core.admin.AdminAccess;
import io.sessiongate.core.admin.OperatorCredential;
import io.sessiongate.server.ApiFamily;
import io.sessiongate.server.api.Csrf;
import io.sessiongate.server.api.Presented;
import io.sessiongate.server.api.Problems;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/v1/session}: who the caller is ({@code OPERATOR}, {@code ADMINISTRATOR},
 * {@code TECHNICIAN}), their account and user, and with the login cookie the CSRF token the admin page
 * sends on its unsafe requests. Never cached.
 */
@Path("api/v1/session")
@ApiFamily.Of(ApiFamily.OTHER)
@Produces(MediaType.APPLICATION_JSON)
public final class SessionResource {

    private final AdminAccess access;
    private final OperatorCredential operator;

    public SessionResource(AdminAccess access, OperatorCredential operator) {
        this.access = access;
        this.operator = operator;
    }

    @GET
    public Response get(@Context HttpHeaders headers) {
        Presented presented = Presented.of(headers);
        CacheControl noStore = CacheControl.valueOf("no-store");
        if (presented.operatorCandidate() != null) {
            return operator.isOperator(presented.operatorCandidate())
                    ? Response.ok(new SessionInfo("OPERATOR", null, null, false, null)).cacheControl(noStore).build()
                    : Problems.notAuthenticated();
        }
        return Problems.of(access.whoami(presented.credentials()), who -> Response.ok(new SessionInfo(
                who.caller().administrator() ? "ADMINISTRATOR" : "TECHNICIAN", who.siteKey(), who.caller().userId(),
                who.caller().wholeAccount(), presented.cookie() ? Csrf.tokenOf(presented.secret()) : null))
                .cacheControl(noStore).build());
    }
}
