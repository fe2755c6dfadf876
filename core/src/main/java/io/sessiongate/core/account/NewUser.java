package io.sessiongate.core.account;

/**
 * createUser: a user in group {@code parentId}, whose kind the parent decides (a technician in a technician
 * group or under Technicians, an administrator in an administrator group or under Administrators, a master
 * administrator under Master Administrators). Every text is optional: without a name the user is called
 * "New Technician" (...); without an email and a password the user is made Disabled, to be completed and
 * enabled later (the vendor's createUser-then-setUser_v2 flow).
 *
 * @param parentId null when the caller named no node or not a number
 * @param status   {@code Enabled} or {@code Disabled} in any case; null: Enabled when email and password are given
 */
public record NewUser(Long parentId, String name, String email, String password, String status, String description) {
}
