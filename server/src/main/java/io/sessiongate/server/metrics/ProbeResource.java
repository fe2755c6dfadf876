package io.sessiongate.server.metrics;

import io.sessiongate.core.persistence.Database;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * The probes of an orchestrator or load balancer. {@code GET /health/live}: the process answers
 * (200 while it runs; restart it when this fails). {@code GET /health/ready}: it can serve, that
 * is, its database answers within a second and holds the schema this build migrates to (200, else
 * 503: take it out of the load balancer until it is back). {@code /health} is unchanged.
 */
@Path("/health/{probe: live|ready}")
public final class ProbeResource {

    private static final String LATEST_APPLIED = "SELECT version FROM flyway_schema_history WHERE success = 1 "
            + "AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1";

    private final Database database;
    private final String schemaVersion;

    ProbeResource(Database database) {
        this.database = database;
        MigrationInfo[] all = Flyway.configure().dataSource(database.dataSource()).locations("classpath:db/migration")
                .load().info().all();
        this.schemaVersion = all.length == 0 || all[all.length - 1].getVersion() == null ? null
                : all[all.length - 1].getVersion().getVersion();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response probe(@PathParam("probe") String probe) {
        Map<String, Object> body = new LinkedHashMap<>();
        if ("live".equals(probe)) {
            body.put("status", "UP");
            return Response.ok(body).build();
        }
        String applied = appliedSchema();
        boolean reachable = applied != null;
        boolean migrated = reachable && applied.equals(schemaVersion);
        body.put("status", migrated ? "UP" : "DOWN");
        body.put("database", reachable ? "UP" : "DOWN");
        body.put("schema", applied == null ? "unknown" : applied);
        body.put("expectedSchema", schemaVersion);
        return Response.status(migrated ? 200 : 503).entity(body).build();
    }

    /** The latest schema version applied, or null when the database does not answer. */
    private String appliedSchema() {
        try (Connection c = database.dataSource().getConnection()) {
            if (!c.isValid(1)) {
                return null;
            }
            try (PreparedStatement ps = c.prepareStatement(LATEST_APPLIED)) {
                ps.setQueryTimeout(1);
                try (ResultSet rs = ps.executeQuery()) {
                    String v = rs.next() ? rs.getString(1) : "none";
                    c.rollback();
                    return v;
                }
            }
        } catch (SQLException | RuntimeException e) {
            return null;
        }
    }
}
