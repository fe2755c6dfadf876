package io.sessiongate.server.api;

import java.util.Optional;

/**
 * ETags and {@code If-Match}: a resource's ETag is the version of its row ({@code "7"}), strong, as
 * {@code GET} sends it; a {@code PATCH} must send it back in {@code If-Match}. A missing If-Match is
 * 428 Precondition Required (so that no client changes what it has not read: the lost update), one
 * that names another version 412 Precondition Failed; {@code If-Match: *} matches any version.
 */
public final class ETags {

    public static final String IF_MATCH = "If-Match";

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** What If-Match asked. */
    public sealed interface Condition {
        record Missing() implements Condition {
        }

        record Any() implements Condition {
        }

        /** The versions named (empty: only weak or unreadable tags, which never match). */
        record Versions(java.util.List<Long> versions) implements Condition {
        }
    }

    public static Condition parse(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return new Condition.Missing();
        }
        if (ifMatch.trim().equals("*")) {
            return new Condition.Any();
        }
        java.util.List<Long> versions = new java.util.ArrayList<>();
        for (String tag : ifMatch.split(",")) {
            version(tag.trim()).ifPresent(versions::add);
        }
        return new Condition.Versions(versions);
    }

    /**
     * The version a change must find, for a condition that is not {@link Condition.Missing}: null for
     * {@code *} (any), else the version named (one ETag is expected; -1, which no row has, when none is
     * readable).
     */
    public static Long expectedVersion(Condition condition) {
        if (condition instanceof Condition.Versions v) {
            return v.versions().isEmpty() ? -1L : v.versions().get(0);
        }
        return null;
    }

    private static Optional<Long> version(String tag) {
        if (tag.length() < 3 || tag.charAt(0) != '"' || tag.charAt(tag.length() - 1) != '"') {
            return Optional.empty(); // weak (W/"..") or unquoted: If-Match compares strongly
        }
        try {
            return Optional.of(Long.parseLong(tag.substring(1, tag.length() - 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
