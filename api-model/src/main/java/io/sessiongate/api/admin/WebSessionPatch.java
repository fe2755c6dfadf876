package io.sessiongate.api.admin;

/**
 * A change of a web session, under Session.Update's rules: {@code status} ({@code ACTIVE},
 * {@code TIMED_OUT}, {@code ENDED}; absent: stays Active), {@code ipAddress}, and
 * {@code refreshRolesAndFolderList} (re-derive them from the user).
 */
public record WebSessionPatch(String status, String ipAddress, Boolean refreshRolesAndFolderList) {
}
