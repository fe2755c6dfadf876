package io.sessiongate.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * One request written byte for byte on a fresh socket (framing no well-behaved client would send),
 * and everything the server wrote back until it closed the connection or went quiet.
 *
 * @param reply  the raw reply, status line and headers included (ISO-8859-1)
 * @param closed whether the server closed the connection (rather than going quiet and keeping it)
 */
public record RawExchange(String reply, boolean closed) {

    /** Sends {@code request} to {@code 127.0.0.1:port} from {@code from} (null: any local address). */
    public static RawExchange send(InetAddress from, int port, String request, int quietMillis) throws IOException {
        try (Socket s = new Socket(InetAddress.getByName("127.0.0.1"), port, from, 0)) {
            s.setSoTimeout(quietMillis);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            boolean closed = false;
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    got.write(buffer, 0, n);
                }
                closed = true;
            } catch (SocketTimeoutException e) {
                // the server kept the connection open and said nothing more
            }
            return new RawExchange(got.toString(StandardCharsets.ISO_8859_1), closed);
        }
    }

    /** The body: what follows the first blank line. */
    public String body() {
        int at = reply.indexOf("\r\n\r\n");
        return at < 0 ? "" : reply.substring(at + 4);
    }

    /** The status line, e.g. {@code HTTP/1.1 400 Bad Request}; empty when nothing came back. */
    public String status() {
        return reply.isEmpty() ? "" : reply.substring(0, reply.indexOf("\r\n"));
    }
}
