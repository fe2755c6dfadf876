package io.sessiongate.core.admin;

import io.sessiongate.api.admin.FieldError;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The field rules of the administration API, each written once, adding a {@link FieldError} for
 * every rule broken (a request is answered with all of them at once).
 */
final class Rules {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final List<FieldError> errors;

    Rules(List<FieldError> errors) {
        this.errors = errors;
    }

    void add(String field, String code, String message) {
        errors.add(new FieldError(field, code, message));
    }

    /** Mandatory text of 1 to {@code max} characters, without control characters. */
    boolean text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            add(field, "REQUIRED", field + " is mandatory.");
            return false;
        }
        return optionalText(field, value, max);
    }

    /** Optional text: when given, 1 to {@code max} characters, not blank, without control characters. */
    boolean optionalText(String field, String value, int max) {
        if (value == null) {
            return true;
        }
        if (value.isBlank()) {
            add(field, "BLANK", field + " must not be blank.");
            return false;
        }
        if (value.length() > max) {
            add(field, "TOO_LONG", field + " must be at most " + max + " characters.");
            return false;
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029')) {
            add(field, "CONTROL_CHARACTER", field + " must not contain control characters.");
            return false;
        }
        return true;
    }

    /** Optional text that may be empty, at most {@code max} characters, without control characters. */
    boolean freeText(String field, String value, int max) {
        if (value == null || value.isEmpty()) {
            return true;
        }
        return optionalText(field, value, max);
    }

    boolean email(String field, String value) {
        if (!text(field, value, 254)) {
            return false;
        }
        if (!EMAIL.matcher(value.trim()).matches()) {
            add(field, "INVALID_EMAIL", field + " must be an email address.");
            return false;
        }
        return true;
    }

    boolean matches(String field, String value, Pattern pattern, String code, String message) {
        if (value != null && !pattern.matcher(value).matches()) {
            add(field, code, message);
            return false;
        }
        return true;
    }

    /** Optional whole number within {@code min..max}. */
    void range(String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            add(field, "OUT_OF_RANGE", field + " must be between " + min + " and " + max + ".");
        }
    }

    /** A positive id when given. */
    boolean id(String field, Long value) {
        if (value != null && value <= 0) {
            add(field, "INVALID_ID", field + " must be a positive integer.");
            return false;
        }
        return true;
    }
}
