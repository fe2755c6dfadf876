package io.sessiongate.server;

import java.io.IOException;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.FilterChainEvent;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpEvents;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;

/**
 * Answers a request that asks to upgrade the connection (the JDK HttpClient and {@code curl --http2}
 * send {@code Upgrade: h2c} by default) over HTTP/1.1, as RFC 9110 allows. Without it Grizzly,
 * which has no HTTP/2 filter here, stops decoding the request body of such a request and the body
 * never arrives (glassfish-grizzly issues 1972 and 2117): a POST from a default JDK client failed.
 */
final class IgnoreUnsupportedUpgrades implements AddOn {

    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        int codec = builder.indexOfType(org.glassfish.grizzly.http.HttpServerFilter.class);
        builder.add(codec + 1, new BaseFilter() {
            @Override
            public NextAction handleEvent(FilterChainContext ctx, FilterChainEvent event) throws IOException {
                if (event.type() == HttpEvents.IncomingHttpUpgradeEvent.TYPE) {
                    HttpHeader header = ((HttpEvents.IncomingHttpUpgradeEvent) event).getHttpHeader();
                    header.setIgnoreContentModifiers(false);
                    header.getUpgradeDC().recycle();
                    return ctx.getStopAction();
                }
                return ctx.getInvokeAction();
            }
        });
    }
}
