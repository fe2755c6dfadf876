package io.sessiongate.api.admin;

/**
 * One broken rule of a request (in a 422 problem's {@code errors}): the field, as the request named
 * it ({@code masterAdministrator.email}, {@code customFields[2]}), a stable code and a sentence.
 */
public record FieldError(String field, String code, String message) {
}
