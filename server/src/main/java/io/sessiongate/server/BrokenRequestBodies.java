package io.sessiongate.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.glassfish.grizzly.http.HttpBrokenContentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * A request body that cannot be decoded (a broken chunk length, say) is the caller's mistake: it
 * gets a 400 with {@code Connection: close}, and the request log gets one line. Grizzly would log it
 * as a WARN with a stack trace of some thirty lines, which any client could repeat to flood the
 * log. Installed in {@code logback.xml}; every other message of that Grizzly logger is left as it is.
 */
public final class BrokenRequestBodies extends TurboFilter {

    private static final String GRIZZLY_CHAIN = "org.glassfish.grizzly.filterchain.DefaultFilterChain";
    private static final Logger REQUESTS = LoggerFactory.getLogger("sessiongate.request");

    @Override
    public FilterReply decide(Marker marker, ch.qos.logback.classic.Logger logger, Level level, String format,
            Object[] params, Throwable t) {
        if (t instanceof HttpBrokenContentException && GRIZZLY_CHAIN.equals(logger.getName())) {
            REQUESTS.info("request body could not be decoded, answered 400: {}", t.getMessage());
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }
}
