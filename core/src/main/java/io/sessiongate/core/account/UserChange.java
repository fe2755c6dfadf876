package io.sessiongate.core.account;

import java.util.List;

/**
 * setUser_v2 (and setUserStatus, and the JSON API's PATCH of a user): the user holding person node
 * {@code nodeId}, or (the JSON API) user {@code userId}. A null field is left as it is; a blank password too.
 * {@code nick}, {@code ssoId} and {@code description} may be set empty.
 *
 * @param userId               the user, when they are named by user rather than by node ({@code nodeId} null)
 * @param expectedVersion      the user's version the caller read (the JSON API's ETag); null: whatever it is now
 * @param passwordConfirmation when given, must equal {@code password}
 * @param currentPassword      required, and must be right, when a user changes their own password
 * @param status               {@code Enabled}, {@code Disabled} or {@code Deleted}, in any case
 * @param description          the node's description (every live node of the user's when named by user)
 * @param roleIds              the user's roles from now on (ids of the account's roles); only a caller acting on
 *                             the whole account sets them
 * @param folderListId         the user's own folder list from now on (one of the account's); with
 *                             {@code removeFolderList}, none (their roles' then applies); only a caller acting
 *                             on the whole account sets either
 */
public record UserChange(Long nodeId, Long userId, Long expectedVersion, String name, String nick, String email,
                         String ssoId, String password, String passwordConfirmation, String currentPassword,
                         String status, String description, List<Long> roleIds, Long folderListId,
                         boolean removeFolderList) {

    /** setUser_v2's form: the user of a node. */
    public UserChange(Long nodeId, String name, String nick, String email, String ssoId, String password,
                      String passwordConfirmation, String currentPassword, String status, String description) {
        this(nodeId, null, null, name, nick, email, ssoId, password, passwordConfirmation, currentPassword, status,
                description, null, null, false);
    }

    /** Only the status. */
    public static UserChange status(Long nodeId, String status) {
        return new UserChange(nodeId, null, null, null, null, null, null, null, status, null);
    }

    /** The JSON API's form: the user by id, under the version read. */
    public static UserChange ofUser(long userId, Long expectedVersion, String name, String email, String nick,
                                    String ssoId, String password, String currentPassword, String status,
                                    List<Long> roleIds, Long folderListId, boolean removeFolderList) {
        return new UserChange(null, userId, expectedVersion, name, nick, email, ssoId, password, null,
                currentPassword, status, null, roleIds, folderListId, removeFolderList);
    }

    boolean changesAccess() {
        return roleIds != null || folderListId != null || removeFolderList;
    }
}
