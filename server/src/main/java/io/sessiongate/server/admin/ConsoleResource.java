package io.sessiongate.server.admin;

import io.sessiongate.core.rescue.LifecycleService;
import io.sessiongate.core.rescue.PresenceService;
import io.sessiongate.core.rescue.PresenceStatus;
import io.sessiongate.core.rescue.SessionQueryService;
import io.sessiongate.core.websession.Credentials;
import io.sessiongate.server.ApiFamily;
import io.sessiongate.server.LoginCookie;
import io.sessiongate.server.api.Presented;
import io.sessiongate.server.api.ProblemType;
import io.sessiongate.server.api.Problems;
import io.sessiongate.server.rescue.RescueViews;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Map;

/**
 * The technician console, by a logged-in technician (cookie, {@code authcode} parameter or
 * {@code Authorization: Bearer}): the heartbeat ({@code POST /api/v1/console/heartbeat} with
 * {@code {"status":"Online"|"Away"|"Busy"}}; a technician without one for 90 seconds is Offline),
 * the session list ({@code GET /api/v1/console/sessions}) and picking a session up
 * ({@code POST /api/v1/console/sessions/{id}/start}).
 */
@Path("api/v1/console")
@ApiFamily.Of(ApiFamily.OTHER)
public final class ConsoleResource {

    private final PresenceService presence;
    private final SessionQueryService queries;
    private final LifecycleService lifecycle;

    public ConsoleResource(PresenceService presence, SessionQueryService queries, LifecycleService lifecycle) {
        this.presence = presence;
        this.queries = queries;
        this.lifecycle = lifecycle;
    }

    /** One session of the console's list. */
    public record ConsoleSession(long id, String status, String statusText, Long channelId, String channelName,
                                 Long technicianId, String technicianName, String customerName,
                                 long waitingSeconds) {
    }

    @GET
    @Path("sessions")
    @Produces({MediaType.APPLICATION_JSON, Problems.PROBLEM_JSON})
    public Response sessions(@CookieParam(LoginCookie.NAME) String cookie, @QueryParam("authcode") String authCode,
                             @HeaderParam("Authorization") String authorization) {
        SessionQueryService.ConsoleSessions found = queries.consoleSessions(
                Presented.withAuthCodeParameter(cookie, authCode, authorization));
        return switch (found.access()) {
            case OK -> Response.ok(Map.of("sessions", found.sessions().stream().map(v -> new ConsoleSession(v.id(),
                    v.status().name(), RescueViews.statusText(v.status()), v.channelNodeId(), v.channelName(),
                    v.technicianNodeId(), v.technicianName(), v.customFields().get(0), v.inStatus().getSeconds()))
                    .toList()), MediaType.APPLICATION_JSON).build();
            case NOT_LOGGED_IN -> notLoggedIn();
            case NOT_A_TECHNICIAN -> notATechnician();
            case USER_DELETED_OR_DISABLED -> disabled();
        };
    }

    @POST
    @Path("sessions/{id}/start")
    @Produces({MediaType.APPLICATION_JSON, Problems.PROBLEM_JSON})
    public Response start(@PathParam("id") String id, @CookieParam(LoginCookie.NAME) String cookie,
                          @QueryParam("authcode") String authCode,
                          @HeaderParam("Authorization") String authorization) {
        Credentials credentials = Presented.withAuthCodeParameter(cookie, authCode, authorization);
        long sessionId;
        try {
            sessionId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            sessionId = 0; // no session has it: answered 404 after the caller's own checks, like an unknown id
        }
        LifecycleService.ConsoleStart result = lifecycle.startFromConsole(credentials, sessionId);
        return switch (result) {
            case OK -> Response.ok(Map.of("id", sessionId, "status", "ACTIVE"), MediaType.APPLICATION_JSON).build();
            case NOT_LOGGED_IN -> notLoggedIn();
            case NOT_A_TECHNICIAN -> notATechnician();
            case USER_DELETED_OR_DISABLED -> disabled();
            case NOT_FOUND -> Problems.response(ProblemType.NOT_FOUND,
                    "no session of this technician's queue or channels has this id");
            case NOT_STARTABLE -> Problems.response(ProblemType.CONFLICT,
                    "the session is not Waiting, Transferring to this technician or On Hold", "NOT_STARTABLE");
        };
    }

    private static Response notLoggedIn() {
        return Problems.response(ProblemType.NOT_AUTHENTICATED, "log in with login.aspx, or pass an auth code");
    }

    private static Response notATechnician() {
        return Problems.response(ProblemType.FORBIDDEN, "only a technician's console may do this",
                "NOT_A_TECHNICIAN");
    }

    private static Response disabled() {
        return Problems.response(ProblemType.FORBIDDEN, "the user is deleted or disabled", "USER_DELETED_OR_DISABLED");
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
            return Problems.invalid(java.util.List.of(new io.sessiongate.api.admin.FieldError("status",
                    "INVALID_STATUS", "status must be Online, Away or Busy.")));
        }
        Credentials credentials = Presented.withAuthCodeParameter(cookie, authCode, authorization);
        return switch (presence.heartbeat(credentials, status)) {
            case OK -> Response.ok(Map.of("status", status.displayName()), MediaType.APPLICATION_JSON).build();
            case NOT_LOGGED_IN -> notLoggedIn();
            case NOT_A_TECHNICIAN -> notATechnician();
            case USER_DELETED_OR_DISABLED -> disabled();
        };
    }
}
