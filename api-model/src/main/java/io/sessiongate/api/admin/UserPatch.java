package io.sessiongate.api.admin;

import java.util.List;

/**
 * A change of a user: each field given is set, each absent (or null) left as it is. {@code status}:
 * {@code ENABLED}, {@code DISABLED} or {@code DELETED} (disabling or deleting ends their web sessions and their
 * auth code at once). {@code currentPassword} is needed when a user changes their own password. {@code roles}
 * replaces the user's roles, {@code folderListId} their own folder list ({@code 0}: none of their own); both are
 * for a master administrator or an API token, and take effect on a live login at its next refresh.
 */
public record UserPatch(String name, String email, String nick, String ssoId, String password,
                        String currentPassword, String status, List<Long> roles, Long folderListId) {
}
