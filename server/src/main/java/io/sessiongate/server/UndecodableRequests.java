package io.sessiongate.server;

import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.http.HttpBrokenContentException;
import org.glassfish.grizzly.http.HttpCodecFilter;
import org.glassfish.grizzly.http.HttpPacket;
import org.glassfish.grizzly.http.HttpProbe;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.util.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request Grizzly cannot decode (a request line or headers past {@link SessionGate#MAX_HEADER_BYTES},
 * a broken chunked body) never reaches an API: Grizzly answers 400 and closes the connection. This
 * makes that reply say {@code Connection: close} and gives it one line in the request log.
 *
 * <p>Without the header (Grizzly leaves it out when the request never got as far as having a
 * protocol) a keep-alive client put the connection back in its pool and its next request there, a
 * POST that it may not repeat, failed with no reply at all (the JDK HttpClient reports "header
 * parser received no bytes"); RFC 9112 section 9.6 asks for it. The codec tells its probes of such an
 * error just before it writes the reply, the one place the reply can still be changed without
 * replacing Grizzly's codec. Grizzly's own WARN with a stack trace for a broken body is dropped by
 * {@link BrokenRequestBodies}, so that a client cannot flood the log.
 */
final class UndecodableRequests implements AddOn {

    private static final Logger REQUESTS = LoggerFactory.getLogger("sessiongate.request");

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
                    String part = error instanceof HttpBrokenContentException ? "body" : "line or headers";
                    REQUESTS.info("request {} could not be decoded, answered 400: {}", part, error.getMessage());
                }
            }
        });
    }
}
