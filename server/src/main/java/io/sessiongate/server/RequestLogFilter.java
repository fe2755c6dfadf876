package io.sessiongate.server;

import io.sessiongate.core.persistence.StatementCounter;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per request: method, path, status, time, SQL statements and round trips to the database. The query string is
 * never logged, because Rescue callers put passwords and auth codes there, nor the part of a path
 * that looks like one ({@link LogText#path}).
 */
@Provider
@PreMatching
@Priority(1)
public final class RequestLogFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Logger LOG = LoggerFactory.getLogger("sessiongate.request");
    private static final String START = "sessiongate.start";

    /** The response header that tells how many SQL statements the request cost. */
    public static final String STATEMENTS_HEADER = "X-Sessiongate-Statements";

    /** The response header that tells how many round trips to the database the request cost. */
    public static final String ROUND_TRIPS_HEADER = "X-Sessiongate-Round-Trips";

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(START, System.nanoTime());
        StatementCounter.reset();
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object start = request.getProperty(START);
        long micros = start instanceof Long l ? (System.nanoTime() - l) / 1000 : -1;
        int statements = StatementCounter.current();
        int roundTrips = StatementCounter.roundTrips();
        response.getHeaders().putSingle(STATEMENTS_HEADER, statements);
        response.getHeaders().putSingle(ROUND_TRIPS_HEADER, roundTrips);
        LOG.info("{} {} {} {}us stmts={} trips={}", LogText.of(request.getMethod()),
                LogText.path(request.getUriInfo().getRequestUri().getRawPath()),
                response.getStatus(), micros, statements, roundTrips);
    }
}
