package io.sessiongate.api.admin;

import java.util.List;

/** A new folder list: its name and groups (ids of the account's groups, organisation nodes included). */
public record CreateFolderList(String name, List<Long> groupIds) {
}
