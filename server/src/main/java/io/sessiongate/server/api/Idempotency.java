package io.sessiongate.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.sessiongate.api.admin.AdminJson;
import io.sessiongate.core.admin.IdempotencyKeys;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} on the JSON API's creating POSTs: the first request with a key does the
 * work and its reply is kept in the database ({@link IdempotencyKeys}); a retry with the same key and
 * the same request (method, path and body bytes) gets that reply again, with {@value #REPLAYED}, from
 * any process, for 24 hours; the same key with another request is a 422 problem; a retry while the
 * first is still being done is a 409 problem (retry after a second). Only a success is kept: a
 * refused request leaves its key free for the corrected retry.
 */
public final class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    private static final ObjectWriter JSON = AdminJson.mapper().writer();

    private final IdempotencyKeys keys;

    public Idempotency(IdempotencyKeys keys) {
        this.keys = keys;
    }

    /**
     * Runs {@code work} (a creating POST, its caller already authenticated as {@code principal}) under the
     * request's idempotency key, if it has one.
     */
    public Response run(ContainerRequestContext request, String principal, Supplier<Response> work) {
        String key = request.getHeaderString(HEADER);
        if (key == null) {
            return serialised(work.get());
        }
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c > ' ' && c <= '~')) {
            return Problems.invalid(java.util.List.of(new io.sessiongate.api.admin.FieldError(HEADER,
                    "INVALID_IDEMPOTENCY_KEY", HEADER + " must be 1 to 255 printable ASCII characters.")));
        }
        String fingerprint = fingerprint(request.getMethod(), request.getUriInfo().getRequestUri().getRawPath(),
                ApiRequests.body(request));
        IdempotencyKeys.Claim claim = keys.claim(principal, key, fingerprint);
        if (claim instanceof IdempotencyKeys.Claim.Replay replay) {
            IdempotencyKeys.Reply r = replay.reply();
            Response.ResponseBuilder b = Response.status(r.status()).type(r.contentType()).entity(r.body())
                    .header(REPLAYED, "true");
            if (r.location() != null) {
                b.header(HttpHeaders.LOCATION, r.location());
            }
            return b.build();
        }
        if (claim instanceof IdempotencyKeys.Claim.Mismatch) {
            return Problems.response(ProblemType.IDEMPOTENCY_KEY_REUSED, "this " + HEADER
                    + " was used for another request (another path or body); use a new key for a new request");
        }
        if (claim instanceof IdempotencyKeys.Claim.InProgress) {
            return Response.fromResponse(Problems.response(ProblemType.IDEMPOTENCY_KEY_IN_PROGRESS,
                    "the first request with this " + HEADER + " is still being done; retry in a moment"))
                    .header(HttpHeaders.RETRY_AFTER, "1").build();
        }
        Response reply;
        try {
            reply = serialised(work.get());
        } catch (RuntimeException e) {
            keys.release(principal, key);
            throw e;
        }
        if (reply.getStatus() / 100 == 2) {
            Object location = reply.getHeaders().getFirst(HttpHeaders.LOCATION);
            keys.complete(principal, key, new IdempotencyKeys.Reply(reply.getStatus(),
                    String.valueOf(reply.getMediaType()), location == null ? null : location.toString(),
                    (String) reply.getEntity()));
        } else {
            keys.release(principal, key);
        }
        return reply;
    }

    /** The reply with its entity written as the JSON text that is sent (and kept). */
    private static Response serialised(Response reply) {
        Object entity = reply.getEntity();
        if (entity == null || entity instanceof String) {
            return reply;
        }
        try {
            MediaType type = reply.getMediaType() == null ? MediaType.APPLICATION_JSON_TYPE : reply.getMediaType();
            return Response.fromResponse(reply).entity(JSON.writeValueAsString(entity)).type(type).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a reply that cannot be written as JSON", e);
        }
    }

    static String fingerprint(String method, String path, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
