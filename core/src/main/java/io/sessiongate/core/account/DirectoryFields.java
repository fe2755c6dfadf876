package io.sessiongate.core.account;

import io.sessiongate.core.account.FieldError.Field;
import io.sessiongate.core.account.FieldError.Rule;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The field rules of the directory, each written once: names, emails, passwords, free texts and the two
 * statuses. Each reads a raw value (null: not given), adds what is wrong to the list, and returns the
 * value to store (null when not given or broken). Enum values are read in any case ({@code status=enabled}).
 */
final class DirectoryFields {

    /** The shortest password a user may be given. */
    static final int MIN_PASSWORD_LENGTH = 8;
    static final int MAX_NAME = 200;
    static final int MAX_EMAIL = 254;
    static final int MAX_NICK = 64;
    static final int MAX_SSO_ID = 128;
    static final int MAX_DESCRIPTION = 512;

    // one @, something on both sides, a dot in the domain; no spaces
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private DirectoryFields() {
    }

    /** A name: required when given, trimmed, up to 200 characters, one line. */
    static String name(String raw, List<FieldError> errors) {
        if (raw == null) {
            return null;
        }
        String v = raw.strip();
        if (v.isEmpty()) {
            errors.add(FieldError.of(Field.NAME, Rule.REQUIRED, "A name cannot be empty."));
        } else if (v.length() > MAX_NAME) {
            errors.add(FieldError.of(Field.NAME, Rule.TOO_LONG, "A name has at most " + MAX_NAME + " characters."));
        } else if (hasControl(v, false)) {
            errors.add(FieldError.of(Field.NAME, Rule.CONTROL_CHARACTER, "A name is one line without control characters."));
        } else {
            return v;
        }
        return null;
    }

    /** An email: trimmed and lower-cased, {@code local@domain.tld}, up to 254 characters. */
    static String email(String raw, List<FieldError> errors) {
        if (raw == null) {
            return null;
        }
        String v = raw.strip().toLowerCase(Locale.ROOT);
        if (v.isEmpty()) {
            errors.add(FieldError.of(Field.EMAIL, Rule.REQUIRED, "An email cannot be empty."));
        } else if (v.length() > MAX_EMAIL) {
            errors.add(FieldError.of(Field.EMAIL, Rule.TOO_LONG, "An email has at most " + MAX_EMAIL + " characters."));
        } else if (hasControl(v, false) || !EMAIL.matcher(v).matches()) {
            errors.add(FieldError.of(Field.EMAIL, Rule.MALFORMED, "Not an email address (name@domain.example)."));
        } else {
            return v;
        }
        return null;
    }

    /**
     * A new password: null or empty is "not given"; else at least 8 characters and at most 72 bytes in
     * UTF-8 (what bcrypt reads: longer is refused, never silently cut), without control characters.
     */
    static String password(String raw, List<FieldError> errors) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        if (raw.codePointCount(0, raw.length()) < MIN_PASSWORD_LENGTH) {
            errors.add(FieldError.of(Field.PASSWORD, Rule.TOO_SHORT,
                    "A password has at least " + MIN_PASSWORD_LENGTH + " characters."));
        } else if (raw.getBytes(StandardCharsets.UTF_8).length > PasswordHasher.MAX_PASSWORD_BYTES) {
            errors.add(FieldError.of(Field.PASSWORD, Rule.TOO_LONG,
                    "A password has at most " + PasswordHasher.MAX_PASSWORD_BYTES + " bytes in UTF-8."));
        } else if (hasControl(raw, false)) {
            errors.add(FieldError.of(Field.PASSWORD, Rule.CONTROL_CHARACTER, "A password has no control characters."));
        } else {
            return raw;
        }
        return null;
    }

    /** A free one-line text (nick, SSO id) that may be empty: trimmed, up to {@code max} characters. */
    static String line(String raw, Field field, int max, List<FieldError> errors) {
        if (raw == null) {
            return null;
        }
        String v = raw.strip();
        if (v.length() > max) {
            errors.add(FieldError.of(field, Rule.TOO_LONG, "At most " + max + " characters."));
        } else if (hasControl(v, false)) {
            errors.add(FieldError.of(field, Rule.CONTROL_CHARACTER, "One line without control characters."));
        } else {
            return v;
        }
        return null;
    }

    /** A description: may be empty, up to 512 characters; line breaks and tabs are allowed, other control characters not. */
    static String description(String raw, List<FieldError> errors) {
        if (raw == null) {
            return null;
        }
        String v = raw.strip();
        if (v.length() > MAX_DESCRIPTION) {
            errors.add(FieldError.of(Field.DESCRIPTION, Rule.TOO_LONG,
                    "A description has at most " + MAX_DESCRIPTION + " characters."));
        } else if (hasControl(v, true)) {
            errors.add(FieldError.of(Field.DESCRIPTION, Rule.CONTROL_CHARACTER,
                    "A description has no control characters but line breaks and tabs."));
        } else {
            return v;
        }
        return null;
    }

    /** {@code Enabled}, {@code Disabled} or {@code Deleted} in any case; null or blank is "not given". */
    static UserStatus userStatus(String raw, List<FieldError> errors) {
        return parse(raw, UserStatus.class, errors, "Enabled, Disabled or Deleted");
    }

    /** {@code Enabled} or {@code Disabled} in any case; null or blank is "not given". */
    static NodeStatus nodeStatus(String raw, List<FieldError> errors) {
        return parse(raw, NodeStatus.class, errors, "Enabled or Disabled");
    }

    /** A group's kind, {@code TECHNICIAN_GROUP} or {@code ADMINISTRATOR_GROUP} in any case; null or blank is "not given". */
    static NodeKind groupKind(String raw, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String v = raw.strip().toUpperCase(Locale.ROOT);
        if (v.equals(NodeKind.TECHNICIAN_GROUP.name()) || v.equals(NodeKind.ADMINISTRATOR_GROUP.name())) {
            return NodeKind.valueOf(v);
        }
        errors.add(FieldError.of(Field.KIND, Rule.UNKNOWN_VALUE, "A group is a TECHNICIAN_GROUP or an"
                + " ADMINISTRATOR_GROUP."));
        return null;
    }

    private static <E extends Enum<E>> E parse(String raw, Class<E> type, List<FieldError> errors, String valid) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String v = raw.strip().toUpperCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(v)) {
                return e;
            }
        }
        errors.add(FieldError.of(Field.STATUS, Rule.UNKNOWN_VALUE, "The status is " + valid + "."));
        return null;
    }

    /** Control characters (and the Unicode line separators); line breaks and tabs allowed when {@code multiLine}. */
    static boolean hasControl(String s, boolean multiLine) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (multiLine && (c == '\n' || c == '\r' || c == '\t')) {
                continue;
            }
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }
}
