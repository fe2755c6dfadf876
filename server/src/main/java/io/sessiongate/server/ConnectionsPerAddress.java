package io.sessiongate.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.filterchain.TransportFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cap on the open connections of one client address ({@code SESSIONGATE_MAX_CONNECTIONS_PER_ADDRESS},
 * default {@value #DEFAULT_LIMIT}): a connection past it is closed as soon as it is accepted, before
 * a byte of it is read, so that one client cannot use up the process's file descriptors.
 */
final class ConnectionsPerAddress implements AddOn {

    static final int DEFAULT_LIMIT = 1024;
    private static final Logger LOG = LoggerFactory.getLogger("sessiongate.request");

    private final int limit;
    private final ConcurrentHashMap<InetAddress, AtomicInteger> open = new ConcurrentHashMap<>();

    ConnectionsPerAddress(int limit) {
        this.limit = limit;
    }

    static int limitFromEnvironment() {
        String name = "SESSIONGATE_MAX_CONNECTIONS_PER_ADDRESS";
        String v = System.getProperty(name, System.getenv(name));
        if (v == null || v.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + v + "'");
        }
    }

    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        builder.add(builder.indexOfType(TransportFilter.class) + 1, new BaseFilter() {
            @Override
            public NextAction handleAccept(FilterChainContext ctx) throws IOException {
                Connection<?> connection = ctx.getConnection();
                if (!(connection.getPeerAddress() instanceof InetSocketAddress peer)) {
                    return ctx.getInvokeAction();
                }
                InetAddress address = peer.getAddress();
                AtomicInteger count = open.computeIfAbsent(address, a -> new AtomicInteger());
                if (count.incrementAndGet() > limit) {
                    count.decrementAndGet();
                    LOG.info("connection from {} refused: it has {} open already", LogText.of(address.getHostAddress()),
                            limit);
                    connection.terminateSilently();
                    return ctx.getStopAction();
                }
                connection.addCloseListener((Connection.CloseListener) (closed, type) -> {
                    if (count.decrementAndGet() <= 0) {
                        open.remove(address, count);
                    }
                });
                return ctx.getInvokeAction();
            }
        });
    }
}
