package io.sessiongate.core.account;

import java.util.List;

/**
 * createUser: a user in group {@code parentId}, whose kind the parent decides (a technician in a technician
 * group or under Technicians, an administrator in an administrator group or under Administrators, a master
 * administrator under Master Administrators). Every text is optional: without a name the user is called
 * "New Technician" (...); without an email and a password the user is made Disabled, to be completed and
 * enabled later (the vendor's createUser-then-setUser_v2 flow).
 *
 * <p>The JSON API names the places by role instead: {@code technicianParentId} for a technician node,
 * {@code administratorParentId} for an administrator (or master administrator) node, one or both, so that
 * one user holds both nodes, with different ids; {@code parentId} is then null.
 *
 * @param parentId              null when the caller named no node or not a number
 * @param status                {@code Enabled} or {@code Disabled} in any case; null: Enabled when email and
 *                              password are given
 * @param technicianParentId    where the user's technician node goes (a technician group or Technicians)
 * @param administratorParentId where the user's administrator node goes (an administrator group,
 *                              Administrators, or Master Administrators for a master administrator)
 * @param roleIds               the user's roles (the account's); null: the account's role for each node made
 *                              (its highest-priority role of that kind). Only a caller acting on the whole
 *                              account gives roles
 * @param folderListId          the user's own folder list (the account's); null: none, the roles' apply. Only
 *                              a caller acting on the whole account gives one
 * @param byRole                true for the JSON API's form (the places by role), false for createUser's
 */
public record NewUser(Long parentId, String name, String email, String password, String status, String description,
                      Long technicianParentId, Long administratorParentId, List<Long> roleIds, Long folderListId,
                      boolean byRole) {

    /** createUser's form: one parent, which decides the kind. */
    public NewUser(Long parentId, String name, String email, String password, String status, String description) {
        this(parentId, name, email, password, status, description, null, null, null, null, false);
    }

    /** The JSON API's form: the places by role, one or both. */
    public static NewUser placed(Long technicianParentId, Long administratorParentId, String name, String email,
                                 String password, String status, List<Long> roleIds, Long folderListId) {
        return new NewUser(null, name, email, password, status, null, technicianParentId, administratorParentId,
                roleIds, folderListId, true);
    }
}
