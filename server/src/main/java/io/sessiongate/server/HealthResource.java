package io.sessiongate.server;

import io.sessiongate.core.persistence.Database;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /health}: whether the server can reach its database, and which version it runs. */
@Path("/health")
@ApiFamily.Of(ApiFamily.OTHER)
public final class HealthResource {

    private final Database database;
    private final String version;

    public HealthResource(Database database, String version) {
        this.database = database;
        this.version = version;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        boolean up = database.isHealthy();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("database", up ? "UP" : "DOWN");
        body.put("version", version);
        return Response.status(up ? 200 : 503).entity(body).build();
    }
}
