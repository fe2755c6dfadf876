package io.sessiongate.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.grizzly.http.util.MimeHeaders;
import org.glassfish.grizzly.memory.Buffers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Strict HTTP framing, which Grizzly's codec is lenient about: a request is answered 400 in its
 * API's shape, with {@code Connection: close}, one request-log line, and the connection closed
 * (so that nothing after it on the connection is read as another request), when it has
 *
 * <ul>
 *   <li>both {@code Content-Length} and {@code Transfer-Encoding} (RFC 9112 section 6.3: a
 *       proxy in front may frame it the other way, which is request smuggling);</li>
 *   <li>a {@code Transfer-Encoding} other than exactly {@code chunked} ({@code xchunked}, a list,
 *       an unknown coding), or a header name that is not a token ({@code Transfer-Encoding :});</li>
 *   <li>a {@code Host} that is not a host name, IPv4 address or bracketed IPv6 address with an
 *       optional port ({@code x"y}, {@code a b}, {@code [::1}), or more than one {@code Host}.</li>
 * </ul>
 *
 * Installed right after Grizzly's codec, it sees each request's headers before any API does.
 */
final class StrictFraming implements AddOn {

    private static final Logger REQUESTS = LoggerFactory.getLogger("sessiongate.request");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern HOST = Pattern.compile(
            "(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?"
                    + "|\\[[0-9A-Fa-f:.]+(?:%25[A-Za-z0-9._~-]+)?\\])(?::[0-9]{1,5})?");

    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        int codec = builder.indexOfType(org.glassfish.grizzly.http.HttpServerFilter.class);
        builder.add(codec + 1, new Filter());
    }

    /** Why the request is refused, or null when its framing is sound. */
    static String violation(HttpRequestPacket request) {
        MimeHeaders headers = request.getHeaders();
        int hosts = 0;
        boolean contentLength = false;
        String transferEncoding = null;
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.getName(i).toString();
            if (!TOKEN.matcher(name).matches()) {
                return "a header name that is not a token";
            }
            String lower = name.toLowerCase(Locale.ROOT);
            String value = headers.getValue(i).toString();
            switch (lower) {
                case "host" -> {
                    hosts++;
                    if (!HOST.matcher(value.trim()).matches()) {
                        return "an invalid Host";
                    }
                }
                case "content-length" -> contentLength = true;
                case "transfer-encoding" -> transferEncoding = transferEncoding == null ? value : transferEncoding + "," + value;
                default -> {
                }
            }
        }
        // A Content-Length before "Transfer-Encoding: chunked" is dropped from the parsed headers
        // once the codec has seen chunked; the header block it was parsed from still has it.
        if (transferEncoding != null && !contentLength && rawHeadersHave(headers, "content-length:")) {
            contentLength = true;
        }
        if (hosts > 1) {
            return "more than one Host";
        }
        if (transferEncoding != null && contentLength) {
            return "both Content-Length and Transfer-Encoding";
        }
        if (transferEncoding != null && !transferEncoding.trim().equalsIgnoreCase("chunked")) {
            return "a Transfer-Encoding other than chunked";
        }
        return null;
    }

    /**
     * Whether the raw header block that {@code headers} were parsed from has a line starting with
     * {@code lowerCasePrefix}. Grizzly parses in place: a header's name points into the bytes read,
     * and the block runs from the blank line before it (or the start) to the blank line after it.
     */
    static boolean rawHeadersHave(MimeHeaders headers, String lowerCasePrefix) {
        if (headers.size() == 0) {
            return false;
        }
        org.glassfish.grizzly.http.util.DataChunk name = headers.getName(0);
        java.util.function.IntUnaryOperator at;
        int start;
        int limit;
        switch (name.getType()) {
            case Bytes -> {
                byte[] raw = name.getByteChunk().getBuffer();
                at = i -> raw[i];
                start = name.getByteChunk().getStart();
                limit = raw.length;
            }
            case Buffer -> {
                Buffer raw = name.getBufferChunk().getBuffer();
                at = raw::get;
                start = name.getBufferChunk().getStart();
                limit = raw.limit();
            }
            default -> {
                return false;
            }
        }
        int from = start;
        while (from >= 4 && !(at.applyAsInt(from - 1) == '\n' && at.applyAsInt(from - 2) == '\r'
                && at.applyAsInt(from - 3) == '\n' && at.applyAsInt(from - 4) == '\r')) {
            from--;
        }
        boolean lineStart = true;
        for (int i = from; i < limit; i++) {
            int b = at.applyAsInt(i);
            if (lineStart) {
                if (b == '\r' && i + 1 < limit && at.applyAsInt(i + 1) == '\n' && i > start) {
                    return false; // the blank line: end of the block
                }
                if (matchesIgnoringCase(at, i, limit, lowerCasePrefix)) {
                    return true;
                }
            }
            lineStart = b == '\n';
        }
        return false;
    }

    private static boolean matchesIgnoringCase(java.util.function.IntUnaryOperator at, int from, int limit,
            String lowerCase) {
        if (from + lowerCase.length() > limit) {
            return false;
        }
        for (int k = 0; k < lowerCase.length(); k++) {
            if (Character.toLowerCase((char) (at.applyAsInt(from + k) & 0xff)) != lowerCase.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static final class Filter extends BaseFilter {

        private final Attribute<Boolean> refused = org.glassfish.grizzly.Grizzly.DEFAULT_ATTRIBUTE_BUILDER
                .createAttribute(StrictFraming.class.getName() + ".refused");

        @Override
        public NextAction handleRead(FilterChainContext ctx) throws IOException {
            Connection<?> connection = ctx.getConnection();
            if (Boolean.TRUE.equals(refused.get(connection))) {
                return ctx.getStopAction(); // the rest of a refused request, or what followed it
            }
            Object message = ctx.getMessage();
            if (!(message instanceof HttpContent content)
                    || !(content.getHttpHeader() instanceof HttpRequestPacket request)) {
                return ctx.getInvokeAction();
            }
            String violation = violation(request);
            if (violation == null) {
                return ctx.getInvokeAction();
            }
            refused.set(connection, Boolean.TRUE);
            REQUESTS.info("{} {} 400: {}", LogText.of(request.getMethod().getMethodString()),
                    LogText.path(request.getRequestURI()), violation);
            ApiFamily family = ApiFamily.ofPath(request.getRequestURI());
            byte[] body = RequestGuard.body(family, 400, "Bad Request").getBytes(StandardCharsets.UTF_8);
            HttpResponsePacket response = request.getResponse();
            response.setStatus(400);
            response.setReasonPhrase("Bad Request");
            response.setHeader(Header.Connection, "close");
            response.setContentType(RequestGuard.contentType(family));
            response.setContentLength(body.length);
            Buffer buffer = Buffers.wrap(ctx.getMemoryManager(), body);
            ctx.write(HttpContent.builder(response).content(buffer).last(true).build(),
                    new EmptyCompletionHandler<WriteResult>() {
                        @Override
                        public void completed(WriteResult result) {
                            connection.closeSilently();
                        }

                        @Override
                        public void failed(Throwable error) {
                            connection.closeSilently();
                        }
                    });
            return ctx.getStopAction();
        }
    }
}
