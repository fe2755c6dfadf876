package io.sessiongate.server;

import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.glassfish.grizzly.ReadHandler;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.io.NIOInputStream;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.util.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a request's body without a worker thread before any API sees it, so that a client that
 * sends its body a byte at a time, or half a body and then nothing, holds no worker: the request
 * is suspended, Grizzly gathers the body as it arrives (up to {@link RequestBody#MAX_BYTES} plus
 * one byte, enough for every API to answer a larger one in its own shape), and only then is the
 * request handed to a worker, where reading the body no longer blocks. A body not complete within
 * {@link #DEADLINE_SECONDS} is answered 400 in the API's shape, with {@code Connection: close}.
 */
final class BodiesReadFirst extends HttpHandler {

    /** The longest a client may take to send its body, counted from the end of its headers. */
    static final int DEADLINE_SECONDS = 10;

    private static final Logger REQUESTS = LoggerFactory.getLogger("sessiongate.request");

    private final HttpHandler next;

    BodiesReadFirst(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void start() {
        next.start();
    }

    @Override
    public void destroy() {
        next.destroy();
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        HttpRequestPacket packet = request.getRequest();
        NIOInputStream in = request.getNIOInputStream();
        boolean hasBody = packet.isChunked() || packet.getContentLength() > 0;
        if (!hasBody || in.isFinished() || in.readyData() > RequestBody.MAX_BYTES) {
            next.service(request, response);
            return;
        }
        AtomicBoolean decided = new AtomicBoolean();
        org.glassfish.grizzly.Connection<?> connection = request.getContext().getConnection();
        response.suspend(DEADLINE_SECONDS, TimeUnit.SECONDS, null, timedOut -> {
            if (decided.compareAndSet(false, true)) {
                REQUESTS.info("{} {} 400: the body was not complete within {} s", LogText.of(request.getMethod()
                        .getMethodString()), LogText.path(request.getRequestURI()), DEADLINE_SECONDS);
                refuse(request, timedOut);
                // A timeout only marks the request cancelled; resuming it is what sends the reply.
                timedOut.resume();
                // Closed after the reply has been written (a close, unlike a terminate, waits for it).
                connection.closeSilently();
            }
            return false;
        });
        in.notifyAvailable(new ReadHandler() {
            @Override
            public void onDataAvailable() {
                dispatch(request, response, decided);
            }

            @Override
            public void onAllDataRead() {
                dispatch(request, response, decided);
            }

            @Override
            public void onError(Throwable t) {
                if (decided.compareAndSet(false, true)) {
                    refuse(request, response);
                    response.resume();
                }
            }
        }, RequestBody.MAX_BYTES + 1);
    }

    private void dispatch(Request request, Response response, AtomicBoolean decided) {
        if (!decided.compareAndSet(false, true)) {
            return;
        }
        Runnable work = () -> {
            try {
                next.service(request, response);
            } catch (Exception e) {
                String incident = Incidents.log("request " + LogText.path(request.getRequestURI()), e);
                if (!response.isCommitted()) {
                    response.setHeader(Incidents.HEADER, incident);
                    try {
                        RequestGuard.reject(request.getRequestURI(), response, 500);
                    } catch (java.io.IOException gone) {
                        // the client is gone
                    }
                }
            } catch (Throwable t) {
                Incidents.log("request " + LogText.path(request.getRequestURI()), t);
            } finally {
                if (response.isSuspended()) {
                    response.resume();
                }
            }
        };
        Executor executor = request.getRequestExecutor();
        if (executor == null) {
            work.run();
        } else {
            executor.execute(work);
        }
    }

    private static void refuse(Request request, Response response) {
        try {
            response.setHeader(Header.Connection, "close");
            RequestGuard.reject(request.getRequestURI(), response, 400);
        } catch (Exception e) {
            // The client is gone; there is no one left to answer.
        }
    }
}
