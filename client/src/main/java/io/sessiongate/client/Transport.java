package io.sessiongate.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** One client's HTTP exchanges: its HttpClient (with its own cookie jar), timeouts and read retries. */
final class Transport {

    private final URI base;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final int readAttempts;
    private final Duration backoff;

    Transport(URI base, HttpClient http, Duration requestTimeout, int readAttempts, Duration backoff) {
        this.base = base;
        this.http = http;
        this.requestTimeout = requestTimeout;
        this.readAttempts = readAttempts;
        this.backoff = backoff;
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(requestTimeout);
    }

    /**
     * Sends the request and decodes the reply; a read ({@code idempotent}) is retried on transport
     * failures when the client was built with retries.
     */
    <T> CompletableFuture<T> send(HttpRequest request, boolean idempotent, Function<HttpResponse<String>, T> decode) {
        return attempt(request, idempotent ? readAttempts : 1, 1, decode);
    }

    private <T> CompletableFuture<T> attempt(HttpRequest request, int attempts, int attempt,
                                             Function<HttpResponse<String>, T> decode) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    if (failure == null) {
                        return CompletableFuture.completedFuture(decode.apply(response));
                    }
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    if (attempt < attempts && cause instanceof IOException) {
                        Executor later = CompletableFuture.delayedExecutor(
                                backoff.toMillis() * (1L << (attempt - 1)), TimeUnit.MILLISECONDS);
                        return CompletableFuture.supplyAsync(() -> null, later)
                                .thenCompose(ignored -> attempt(request, attempts, attempt + 1, decode));
                    }
                    CompletableFuture<T> failed = new CompletableFuture<>();
                    failed.completeExceptionally(translate(request, cause));
                    return failed;
                })
                .thenCompose(Function.identity());
    }

    private static Throwable translate(HttpRequest request, Throwable cause) {
        if (cause instanceof SessionGateException) {
            return cause;
        }
        String what = request.method() + " " + request.uri().getPath();
        if (cause instanceof HttpTimeoutException) {
            return new SessionGateException.TransportException(what + " timed out", cause);
        }
        return new SessionGateException.TransportException(what + " failed: " + cause, cause);
    }

    /** Waits for an asynchronous call, unwrapping its exception. */
    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
