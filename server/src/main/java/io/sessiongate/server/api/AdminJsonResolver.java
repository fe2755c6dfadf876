package io.sessiongate.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sessiongate.api.admin.AdminJson;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The JSON API's Jackson settings ({@link AdminJson}: strict reading, ISO-8601 times) for its own
 * types: the administration DTOs, problems and the console's records. Other JSON (the APIServer's
 * error array, health) keeps Jersey's default mapper.
 */
@Provider
public final class AdminJsonResolver implements ContextResolver<ObjectMapper> {

    private final ObjectMapper mapper = AdminJson.mapper();

    @Override
    public ObjectMapper getContext(Class<?> type) {
        String name = type.getName();
        return name.startsWith("io.sessiongate.api.admin.") || name.startsWith("io.sessiongate.api.problem.")
                || name.startsWith("io.sessiongate.server.admin.") ? mapper : null;
    }
}
