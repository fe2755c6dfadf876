package io.sessiongate.server.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.sessiongate.server.rescue.RescueMethods;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Times every request into {@code sessiongate_requests_seconds{api, method, code}}: {@code api}
 * is {@code rescue}, {@code rescue_soap}, {@code apiserver} or {@code other}; {@code method} the
 * Rescue or APIServer method (lower case, {@code unknown} for anything not one, so that no caller
 * can make up label values); {@code code} the Rescue return code ({@code OK},
 * {@code NOTLOGGEDINASADMIN}, ...) read from the first line of the reply, and the HTTP status
 * elsewhere. The histogram has fixed buckets from 5 ms to 10 s. Per request: one map lookup and
 * one timer record.
 */
@Provider
@PreMatching
@Priority(2)
final class RequestMetrics implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String START = "sessiongate.metrics.start";

    private static final Set<String> APISERVER_METHODS = Set.of("session.update", "session.updatevalidation",
            "session.getsessiondata");
    private static final Set<String> OTHER_PATHS = Set.of("health", "ping", "metrics", "console", "api");

    /** Thread-safe, unlike a Timer.Builder: one timer per set of tags, looked up in the registry. */
    private final Meter.MeterProvider<Timer> timers;
    /** The Rescue methods as declared, so that a new one is counted under its name, not as unknown. */
    private final RescueMethods methods;

    RequestMetrics(MeterRegistry registry, RescueMethods methods) {
        this.methods = methods;
        this.timers = Timer.builder("sessiongate.requests")
                .description("Requests by API, method and result code")
                .serviceLevelObjectives(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
                        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
                        Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10))
                .withRegistry(registry);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(START, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object start = request.getProperty(START);
        if (!(start instanceof Long l)) {
            return;
        }
        long nanos = System.nanoTime() - l;
        String path = request.getUriInfo().getRequestUri().getRawPath();
        String[] apiAndMethod = classify(path == null ? "" : path);
        if ("rescue".equals(apiAndMethod[0]) && methods.aspx(apiAndMethod[1] + ".aspx").isEmpty()) {
            apiAndMethod[1] = "unknown";
        }
        String code = "rescue".equals(apiAndMethod[0]) || "rescue_soap".equals(apiAndMethod[0])
                ? rescueCode(response.getEntity(), response.getStatus()) : Integer.toString(response.getStatus());
        timers.withTags("api", apiAndMethod[0], "method", apiAndMethod[1], "code", code)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** {api, method} of a request path; for {@code rescue}, the method named by the path, declared or not. */
    static String[] classify(String path) {
        String p = (path.startsWith("/") ? path.substring(1) : path).toLowerCase(Locale.ROOT);
        if (p.startsWith("api/") && !p.startsWith("api/v1/")) {
            String rest = p.substring(4);
            if (rest.equals("api.asmx")) {
                return new String[] {"rescue_soap", "soap"};
            }
            String method = rest.endsWith(".aspx") ? rest.substring(0, rest.length() - 5) : rest;
            return new String[] {"rescue", method};
        }
        if (p.startsWith("apiserver/")) {
            String method = p.substring(10);
            return new String[] {"apiserver", APISERVER_METHODS.contains(method) ? method : "unknown"};
        }
        int slash = p.indexOf('/');
        String first = slash < 0 ? p : p.substring(0, slash);
        return new String[] {"other", OTHER_PATHS.contains(first) ? first : "unknown"};
    }

    /** The Rescue return code: the reply's first line ({@code OK}, {@code INVALID_SECRET_AUTH_CODE}, ...), or the SOAP result element's text. */
    static String rescueCode(Object entity, int status) {
        if (entity instanceof String body) {
            int soap = body.indexOf("Result>");
            if (body.startsWith("<") || body.startsWith("<?")) {
                if (soap < 0) {
                    return status >= 400 ? "FAULT" : Integer.toString(status);
                }
                int end = body.indexOf('<', soap);
                return token(body, soap + 7, end < 0 ? body.length() : end, status);
            }
            int end = body.indexOf('\n');
            return token(body, 0, end < 0 ? body.length() : end, status);
        }
        return Integer.toString(status);
    }

    private static String token(String body, int from, int to, int status) {
        String t = body.substring(from, Math.min(to, from + 40)).trim();
        if (t.isEmpty() || !t.chars().allMatch(c -> Character.isLetter(c) && c < 128 || c == '_' || c >= '0' && c <= '9')) {
            return Integer.toString(status);
        }
        return t;
    }
}
