package io.sessiongate.core.account;

/** setGroup (and the JSON API's PATCH of a group or channel): a null field is left as it is. */
public record GroupChange(Long nodeId, String name, String status, String description) {
}
