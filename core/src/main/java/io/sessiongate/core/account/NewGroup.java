package io.sessiongate.core.account;

/**
 * createGroup: a technician group under Technicians or a technician group, or an administrator group under
 * Administrators or an administrator group (the parent decides which). Without a name it is called
 * "New Technician Group" or "New Administrator Group"; without a status it is Enabled.
 *
 * <p>The JSON API may name the {@code kind} ({@code TECHNICIAN_GROUP} or {@code ADMINISTRATOR_GROUP}, in any
 * case): without a parent the group goes under the organisation node of its kind (Technicians,
 * Administrators); with one, the parent must be able to hold that kind.
 */
public record NewGroup(Long parentId, String name, String status, String description, String kind) {

    /** createGroup's form: the parent decides the kind. */
    public NewGroup(Long parentId, String name, String status, String description) {
        this(parentId, name, status, description, null);
    }
}
