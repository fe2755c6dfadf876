package io.sessiongate.api.admin;

/** A change of a role: each field given is set, each absent (or null) left as it is. */
public record RolePatch(String name, String kind, Integer priority, Long folderListId, Boolean anonymous) {
}
