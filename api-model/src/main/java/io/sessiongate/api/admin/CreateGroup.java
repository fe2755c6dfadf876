package io.sessiongate.api.admin;

/**
 * A new group: under {@code parentId} (a group, or the organisation node Technicians or Administrators), whose
 * kind decides the group's; or, without a parent, at the top of its {@code kind} ({@code TECHNICIAN_GROUP} under
 * Technicians, {@code ADMINISTRATOR_GROUP} under Administrators). {@code status}: {@code ENABLED} (default) or
 * {@code DISABLED}.
 */
public record CreateGroup(Long parentId, String kind, String name, String description, String status) {
}
