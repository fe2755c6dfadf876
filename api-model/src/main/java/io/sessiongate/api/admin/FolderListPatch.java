package io.sessiongate.api.admin;

import java.util.List;

/** A change of a folder list: a new name, and its groups from now on; absent (or null) fields are left as they are. */
public record FolderListPatch(String name, List<Long> groupIds) {
}
