package io.sessiongate.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Request bodies of every API (Rescue forms, SOAP envelopes, APIServer JSON and forms), read up to one bound. */
public final class RequestBody {

    /** The largest body read; each API answers a larger one in its own shape (see the README's limits). */
    public static final int MAX_BYTES = 64 * 1024;

    private RequestBody() {
    }

    /** The whole body, or empty when it is larger than {@link #MAX_BYTES} (the rest is left unread). */
    public static Optional<byte[]> read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        return bytes.length > MAX_BYTES ? Optional.empty() : Optional.of(bytes);
    }
}
