package io.sessiongate.server;

import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.http.HttpCodecFilter;
import org.glassfish.grizzly.http.HttpPacket;
import org.glassfish.grizzly.http.HttpProbe;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.util.Header;

/**
 * Says {@code Connection: close} on the 400 that Grizzly sends, and then closes the connection, when
 * it cannot parse a request (a request line or headers past {@link SessionGate#MAX_HEADER_BYTES}, a
 * broken chunked body). Grizzly writes that reply without the header because the request never got
 * as far as having a protocol, so a keep-alive client put the connection back in its pool and its
 * next request there, a POST that it may not repeat, failed with no reply at all (the JDK HttpClient
 * reports "header parser received no bytes"). RFC 9112 section 9.6 asks for the header.
 *
 * <p>The codec tells its probes of such an error just before it writes the reply, which is the one
 * place the reply can still be changed without replacing Grizzly's codec.
 */
final class AnnounceClosingAfterBadRequests implements AddOn {

    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        int codec = builder.indexOfType(org.glassfish.grizzly.http.HttpServerFilter.class);
        ((HttpCodecFilter) builder.get(codec)).getMonitoringConfig().addProbes(new HttpProbe.Adapter() {
            @Override
            public void onErrorEvent(Connection connection, HttpPacket packet, Throwable error) {
                if (packet instanceof HttpRequestPacket) {
                    HttpResponsePacket response = ((HttpRequestPacket) packet).getResponse();
                    if (response != null && !response.isCommitted()) {
                        response.setHeader(Header.Connection, "close");
                    }
                }
            }
        });
    }
}
