package io.sessiongate.core.account;

/**
 * createGroup: a technician group under Technicians or a technician group, or an administrator group under
 * Administrators or an administrator group (the parent decides which). Without a name it is called
 * "New Technician Group" or "New Administrator Group"; without a status it is Enabled.
 */
public record NewGroup(Long parentId, String name, String status, String description) {
}
