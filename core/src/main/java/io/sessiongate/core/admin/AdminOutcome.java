package io.sessiongate.core.admin;

import io.sessiongate.api.admin.FieldError;
import java.util.List;
import java.util.function.Function;

/**
 * What an administration call came to: its value, or why not. Each shape is one kind of answer the
 * JSON API renders (a 401, 403, 404, 422, 409 or 412 problem); none is an exception.
 */
public sealed interface AdminOutcome<T> {

    record Done<T>(T value) implements AdminOutcome<T> {
    }

    /** No valid credentials (none, wrong, expired, revoked, a timed-out login). */
    record NotAuthenticated<T>() implements AdminOutcome<T> {
    }

    /** Valid credentials that may not do this ({@code code}: why, e.g. {@code NOT_AN_ADMINISTRATOR}). */
    record Forbidden<T>(String code, String detail) implements AdminOutcome<T> {
    }

    /** No such object in the caller's account: another account's reads exactly the same. */
    record NotFound<T>() implements AdminOutcome<T> {
    }

    /** The request broke rules: all of them. */
    record Invalid<T>(List<FieldError> errors) implements AdminOutcome<T> {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }

    /** The request conflicts with the object's state ({@code code}: e.g. a Rescue code, {@code SITE_KEY_TAKEN}). */
    record Conflict<T>(String code, String detail) implements AdminOutcome<T> {
    }

    /** The object changed since the version the caller named ({@code If-Match}). */
    record PreconditionFailed<T>() implements AdminOutcome<T> {
    }

    static <T> AdminOutcome<T> done(T value) {
        return new Done<>(value);
    }

    static <T> AdminOutcome<T> invalid(List<FieldError> errors) {
        return new Invalid<>(errors);
    }

    /** The value mapped, or this refusal as an outcome of another type. */
    @SuppressWarnings("unchecked")
    default <U> AdminOutcome<U> map(Function<T, U> f) {
        if (this instanceof Done<T> d) {
            return new Done<>(f.apply(d.value()));
        }
        return (AdminOutcome<U>) this;
    }

    /** The same refusal as an outcome of another type; only for what is not {@link Done}. */
    @SuppressWarnings("unchecked")
    default <U> AdminOutcome<U> refusal() {
        if (this instanceof Done) {
            throw new IllegalStateException("not a refusal");
        }
        return (AdminOutcome<U>) this;
    }
}
