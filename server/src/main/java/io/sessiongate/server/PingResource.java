package io.sessiongate.server;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/**
 * {@code GET /ping}: answers {@code pong} without touching the database. The benchmark's HTTP
 * ceiling: what this server and its HTTP stack can do when the database costs nothing.
 */
@Path("ping")
@ApiFamily.Of(ApiFamily.OTHER)
public final class PingResource {

    @GET
    @Produces("text/plain; charset=utf-8")
    public String ping() {
        return "pong";
    }
}
