package io.sessiongate.core.admin;

/** A representation with the version of the row it came from: what its ETag says and If-Match names. */
public record Versioned<T>(T value, long version) {
}
