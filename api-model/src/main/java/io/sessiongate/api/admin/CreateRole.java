package io.sessiongate.api.admin;

/** A new role: all but {@code anonymous} (default false) are required. */
public record CreateRole(String name, String kind, Integer priority, Long folderListId, Boolean anonymous) {
}
