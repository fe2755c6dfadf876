package io.sessiongate.api.admin;

import java.util.List;

/**
 * A folder list: a named set of the account's groups, the part of the hierarchy an administrator acts in (a
 * group made or moved beneath one of them is in it too).
 *
 * @param version the folder list's version: the ETag, for {@code If-Match}
 */
public record FolderListView(long id, String name, List<Long> groupIds, long version) {

    public FolderListView {
        groupIds = List.copyOf(groupIds);
    }
}
