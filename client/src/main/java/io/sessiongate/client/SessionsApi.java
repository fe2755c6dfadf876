package io.sessiongate.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sessiongate.api.apiserver.ApiServerError;
import io.sessiongate.api.apiserver.ApiServerReply;
import io.sessiongate.api.apiserver.SessionData;
import io.sessiongate.api.apiserver.SessionUpdate;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The APIServer session API ({@code /APIServer/Session.*}) as typed calls. A refused or invalid
 * request is a value ({@link UpdateResult} with its errors); only transport failures and replies
 * of unknown shape throw {@link SessionGateException}.
 */
public final class SessionsApi {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Transport transport;

    SessionsApi(Transport transport) {
        this.transport = transport;
    }

    /**
     * The outcome of Session.Update or Session.UpdateValidation.
     *
     * @param httpStatus 200 when successful; 422 rules broken, 401 not an administrator, 400 unreadable, 500 a fault
     */
    public record UpdateResult(int httpStatus, ApiServerReply reply) {

        public boolean isSuccessful() {
            return reply.isSuccessful();
        }

        public int errorCount() {
            return reply.numberOfErrors();
        }

        public List<ApiServerError> errors() {
            return reply.errorArray();
        }
    }

    /** The outcome of Session.GetSessionData: the data, or the error reply. */
    public record SessionDataResult(int httpStatus, Optional<SessionData> data, Optional<ApiServerReply> error) {

        public boolean isSuccessful() {
            return data.isPresent();
        }
    }

    /** Session.Update: validates, then applies. Never retried: an update is not idempotent. */
    public UpdateResult update(SessionUpdate request) {
        return Transport.join(updateAsync(request));
    }

    public CompletableFuture<UpdateResult> updateAsync(SessionUpdate request) {
        return transport.send(post("Session.Update", request), false, SessionsApi::updateResult);
    }

    /** Session.UpdateValidation: every rule checked, nothing written. */
    public UpdateResult validate(SessionUpdate request) {
        return Transport.join(validateAsync(request));
    }

    public CompletableFuture<UpdateResult> validateAsync(SessionUpdate request) {
        return transport.send(post("Session.UpdateValidation", request), true, SessionsApi::updateResult);
    }

    /** Session.GetSessionData of web session {@code surrogate}. */
    public SessionDataResult get(long surrogate) {
        return Transport.join(getAsync(surrogate));
    }

    public CompletableFuture<SessionDataResult> getAsync(long surrogate) {
        return get("?SessionSurrogate=" + surrogate);
    }

    /** Session.GetSessionData of this client's own login: how a caller learns its surrogate. */
    public SessionDataResult getOwn() {
        return Transport.join(getOwnAsync());
    }

    public CompletableFuture<SessionDataResult> getOwnAsync() {
        return get("");
    }

    private CompletableFuture<SessionDataResult> get(String query) {
        HttpRequest request = transport.request("APIServer/Session.GetSessionData" + query)
                .header("Accept", "application/json").GET().build();
        return transport.send(request, true, r -> r.statusCode() == 200
                ? new SessionDataResult(200, Optional.of(read(r, SessionData.class)), Optional.empty())
                : new SessionDataResult(r.statusCode(), Optional.empty(), Optional.of(read(r, ApiServerReply.class))));
    }

    private HttpRequest post(String method, SessionUpdate body) {
        try {
            return transport.request("APIServer/" + method)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the request cannot be written as JSON", e);
        }
    }

    private static UpdateResult updateResult(HttpResponse<String> r) {
        return new UpdateResult(r.statusCode(), read(r, ApiServerReply.class));
    }

    private static <T> T read(HttpResponse<String> r, Class<T> type) {
        try {
            T value = JSON.readValue(r.body(), type);
            if (value == null) {
                throw new JsonProcessingException("empty reply") { };
            }
            if (value instanceof ApiServerReply reply && reply.returnedStatus() == null) {
                throw new JsonProcessingException("no ReturnedStatus") { };
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new SessionGateException.UnexpectedReplyException("not an APIServer reply", r.statusCode(),
                    r.body());
        }
    }
}
