package io.sessiongate.client;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The entry point of the sessiongate client: one object per identity, built once, immutable and
 * thread-safe afterwards. It keeps the login cookie itself (a cookie jar of its own), so that
 * {@code rescue().login(...)} followed by {@code rescue().transferSession(...)} just works, and two
 * clients never share a login.
 *
 * <pre>{@code
 * SessionGateClient client = SessionGateClient.builder("http://localhost:8080").build();
 * client.rescue().login("admin@demo.example", "demo-admin");
 * TransferSessionResult r = client.rescue().transferSession(5002, 2001);
 * }</pre>
 */
public final class SessionGateClient {

    private final URI baseUri;
    private final RescueApi rescue;
    private final SessionsApi sessions;
    private final AdminApi admin;

    private SessionGateClient(Builder b) {
        this.baseUri = b.baseUri;
        HttpClient.Builder http = HttpClient.newBuilder()
                .connectTimeout(b.connectTimeout)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1);
        if (b.executor != null) {
            http.executor(b.executor);
        }
        Transport transport = new Transport(baseUri, http.build(), b.requestTimeout, b.readAttempts, b.retryBackoff);
        this.rescue = new RescueApi(transport);
        this.sessions = new SessionsApi(transport);
        this.admin = new AdminApi(transport, b.bearerToken);
    }

    /**
     * A builder for a client of the server at {@code baseUrl}, e.g. {@code http://localhost:8080}
     * (or the vendor's {@code https://secure.logmeinrescue.com} for the Rescue API).
     *
     * @throws IllegalArgumentException when {@code baseUrl} is not an absolute http or https URL
     */
    public static Builder builder(String baseUrl) {
        return new Builder(baseUrl);
    }

    /** The Rescue API: login, auth codes, transferSession and the session queries. */
    public RescueApi rescue() {
        return rescue;
    }

    /** The APIServer session API: Session.Update, Session.UpdateValidation, Session.GetSessionData. */
    public SessionsApi sessions() {
        return sessions;
    }

    /**
     * The administration API ({@code /api/v1}): accounts, API tokens, web sessions, events, support
     * sessions; with the builder's bearer token, else this client's login cookie.
     */
    public AdminApi admin() {
        return admin;
    }

    public URI baseUri() {
        return baseUri;
    }

    /** Builds a {@link SessionGateClient}; every setting has a default but the base URL. */
    public static final class Builder {
        private final URI baseUri;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private Executor executor;
        private int readAttempts = 1;
        private Duration retryBackoff = Duration.ofMillis(200);
        private String bearerToken;

        private Builder(String baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            URI uri;
            try {
                uri = new URI(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("not a URL: " + baseUrl, e);
            }
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
                throw new IllegalArgumentException("the base URL must be an absolute http(s) URL without query: "
                        + baseUrl);
            }
            this.baseUri = uri;
        }

        /** How long to wait for a connection (default 5 s). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /** How long to wait for each reply (default 30 s). */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "requestTimeout");
            return this;
        }

        /** The executor for asynchronous calls (default: the HttpClient's own). */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Retries reads (getSessions, isAnyTechAvailableOnChannel, Session.GetSessionData,
         * Session.UpdateValidation) after a transport failure, up to {@code maxAttempts} attempts in
         * all, waiting {@code backoff}, then twice that, and so on. Off (one attempt) by default.
         * Calls that change something (login, transferSession, Session.Update) are never retried.
         */
        public Builder readRetries(int maxAttempts, Duration backoff) {
            if (maxAttempts < 1 || maxAttempts > 10) {
                throw new IllegalArgumentException("maxAttempts must be 1 to 10");
            }
            this.readAttempts = maxAttempts;
            this.retryBackoff = positive(backoff, "backoff");
            return this;
        }

        /**
         * The token {@link #admin()} sends as {@code Authorization: Bearer}: the operator's token or an
         * account API token. Without one, {@code admin()} uses the login cookie of {@code rescue().login}.
         */
        public Builder bearerToken(String token) {
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("bearerToken must not be blank");
            }
            this.bearerToken = token.trim();
            return this;
        }

        public SessionGateClient build() {
            return new SessionGateClient(this);
        }

        private static Duration positive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return d;
        }
    }
}
