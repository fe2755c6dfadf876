package io.sessiongate.api.admin;

/**
 * A role of an account: what it lets its holders do ({@code kind}: {@code MASTER_ADMINISTRATOR},
 * {@code ADMINISTRATOR}, {@code TECHNICIAN}), its {@code priority} (the highest-priority role of a user gives
 * the folder list when they have none of their own), that folder list, and whether it is one of the account's
 * anonymous roles (those of a web session without a user).
 *
 * @param version the role's version: the ETag, for {@code If-Match}
 */
public record RoleView(long id, String name, String kind, int priority, long folderListId, boolean anonymous,
                       long version) {
}
