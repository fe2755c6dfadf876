package io.sessiongate.api.admin;

import java.util.List;

/**
 * A new user: a technician in {@code technicianGroupId} (a technician group, or the Technicians node), an
 * administrator in {@code administratorGroupId} (an administrator group or Administrators; Master Administrators
 * makes a master administrator), or both: one login holding two nodes. {@code roles} (ids of the account's roles)
 * and {@code folderListId} (the user's own folder list) are set by a master administrator or an API token only;
 * without {@code roles} the user gets the account's role of each kind made. Without an email and a password the
 * user is made {@code DISABLED}, to be completed later.
 */
public record CreateUser(String email, String name, String password, Long technicianGroupId,
                         Long administratorGroupId, List<Long> roles, Long folderListId) {
}
