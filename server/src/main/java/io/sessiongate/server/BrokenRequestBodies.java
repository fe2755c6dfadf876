package io.sessiongate.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.glassfish.grizzly.http.HttpBrokenContentException;
import org.slf4j.Marker;

/**
 * Drops the WARN with a stack trace of some thirty lines that Grizzly logs for a request body it
 * cannot decode: the caller's mistake, already answered and given one line in the request log by
 * {@link UndecodableRequests}, and repeatable by any client to flood the log. Installed in
 * {@code logback.xml}; every other message of that Grizzly logger is left as it is.
 */
public final class BrokenRequestBodies extends TurboFilter {

    private static final String GRIZZLY_CHAIN = "org.glassfish.grizzly.filterchain.DefaultFilterChain";

    @Override
    public FilterReply decide(Marker marker, ch.qos.logback.classic.Logger logger, Level level, String format,
            Object[] params, Throwable t) {
        return t instanceof HttpBrokenContentException && GRIZZLY_CHAIN.equals(logger.getName())
                ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
