package io.sessiongate.server.admin;

import io.sessiongate.core.rescue.PresenceService;
import io.sessiongate.core.rescue.PresenceStatus;
import io.sessiongate.core.websession.Credentials;
import io.sessiongate.server.ApiFamily;
import io.sessiongate.server.LoginCookie;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Map;

/**
 * The technician console's heartbeat: {@code POST /api/v1/console/heartbeat} with
 * {@code {"status":"Online"|"Away"|"Busy"}} by a logged-in technician (cookie, {@code authcode}
 * parameter or {@code Authorization: Bearer}). A technician without one for 90 seconds is Offline.
 */
@Path("api/v1/console")
@ApiFamily.Of(ApiFamily.OTHER)
public final class ConsoleResource {

    private final PresenceService presence;

    public ConsoleResource(PresenceService presence) {
        this.presence = presence;
    }

    /** The heartbeat's body. */
    public record Heartbeat(String status) {
    }

    @POST
    @Path("heartbeat")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problems.PROBLEM_JSON})
    public Response heartbeat(Heartbeat beat, @CookieParam(LoginCookie.NAME) String cookie,
                              @QueryParam("authcode") String authCode,
                              @HeaderParam("Authorization") String authorization) {
        PresenceStatus status = beat == null || beat.status() == null ? null : switch (
                beat.status().trim().toLowerCase(Locale.ROOT)) {
            case "online" -> PresenceStatus.ONLINE;
            case "away" -> PresenceStatus.AWAY;
            case "busy" -> PresenceStatus.BUSY;
            default -> null;
        };
        if (status == null) {
            return Problems.response(400, "Invalid status", "status must be Online, Away or Busy");
        }
        Credentials credentials = new Credentials(cookie, Problems.authCode(authCode, authorization));
        return switch (presence.heartbeat(credentials, status)) {
            case OK -> Response.ok(Map.of("status", status.displayName()), MediaType.APPLICATION_JSON).build();
            case NOT_LOGGED_IN -> Problems.response(401, "Not logged in",
                    "log in with login.aspx, or pass an auth code");
            case NOT_A_TECHNICIAN -> Problems.response(403, "Not a technician",
                    "only a technician's console sends heartbeats");
            case USER_DELETED_OR_DISABLED -> Problems.response(403, "User deleted or disabled",
                    "the user is deleted or disabled");
        };
    }
}
