package io.sessiongate.client;

import io.sessiongate.api.problem.Problem;
import java.util.Optional;

/**
 * The outcome of an administration call: the value (with its ETag when the server sent one, and
 * whether it is the kept reply of an earlier request with the same Idempotency-Key), or the problem
 * the server answered (401, 403, 404, 409, 412, 422, ...). A refusal is a value, never an exception;
 * only a transport failure or a reply of unknown shape throws {@link SessionGateException}.
 */
public sealed interface AdminResult<T> {

    record Ok<T>(T value, Optional<String> etag, boolean replayed) implements AdminResult<T> {
    }

    record Failed<T>(Problem problem) implements AdminResult<T> {
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    /** The value, or {@link SessionGateException.ProblemException} with the problem. */
    default T orThrow() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        throw new SessionGateException.ProblemException(((Failed<T>) this).problem());
    }

    /** The problem, when the call was refused. */
    default Optional<Problem> refusal() {
        return this instanceof Failed<T> f ? Optional.of(f.problem()) : Optional.empty();
    }

    /** The ETag of the value (for a later {@code If-Match}), when the server sent one. */
    default Optional<String> etagOf() {
        return this instanceof Ok<T> ok ? ok.etag() : Optional.empty();
    }

    /** The value, when the call succeeded. */
    default Optional<T> success() {
        return this instanceof Ok<T> ok ? Optional.of(ok.value()) : Optional.empty();
    }
}
