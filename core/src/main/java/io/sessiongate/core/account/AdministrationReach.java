package io.sessiongate.core.account;

import io.sessiongate.core.websession.Caller;
import java.util.function.Function;

/**
 * The administration reach: which nodes of the hierarchy a caller may read and administer. One rule,
 * used by every method of {@link DirectoryService} (and so by the Rescue administration methods and the
 * JSON API alike):
 * <ul>
 *   <li>only nodes of the caller's own account (another account's node reads like a missing one);</li>
 *   <li>a caller who acts on the whole account (a master administrator, an account API token) reaches
 *       every node of it;</li>
 *   <li>anyone else reaches a node when the node itself, or one of the groups above it, is in their folder
 *       list; so a group made or moved beneath a group of the list is reached at once, whatever the
 *       session's snapshot of the list holds;</li>
 *   <li>a channel, which hangs under the root, is reached when it serves a technician group so reached;</li>
 *   <li>the root, the Master Administrators node and the master administrators are reached only by those
 *       who act on the whole account, whatever a folder list names.</li>
 * </ul>
 * The transfer scope ({@link io.sessiongate.core.rescue.Scope}) looks at a technician's own group only;
 * the directory keeps the folder lists' rows in step (a new group joins the lists that reach its parent,
 * see {@link DirectoryService}), so both agree for every session snapshot taken since.
 */
public final class AdministrationReach {

    /** Deeper than any real hierarchy: a guard against a loop in broken data, never reached in practice. */
    private static final int MAX_DEPTH = 1000;

    private AdministrationReach() {
    }

    /**
     * Whether {@code caller} reaches {@code node} (null: none); {@code nodes} finds the caller's account's
     * live nodes by id (null when there is none).
     */
    public static boolean reaches(Caller caller, DirectoryNode node, Function<Long, DirectoryNode> nodes) {
        if (node == null || caller.accountId() == null || caller.accountId() != node.accountId()) {
            return false;
        }
        if (caller.wholeAccount()) {
            return true;
        }
        return switch (node.kind()) {
            case ROOT, MASTER_ADMINISTRATORS, MASTER_ADMINISTRATOR -> false;
            case CHANNEL -> node.channelGroupIds().stream()
                    .anyMatch(g -> throughFolderList(caller, nodes.apply(g), nodes));
            default -> throughFolderList(caller, node, nodes);
        };
    }

    /** The node, or a group above it, is in the caller's folder list. */
    private static boolean throughFolderList(Caller caller, DirectoryNode node, Function<Long, DirectoryNode> nodes) {
        DirectoryNode current = node;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (current.accountId() != caller.accountId()) {
                return false;
            }
            if (current.kind().isGroup() && caller.folderGroupIds().contains(current.id())) {
                return true;
            }
            current = current.parentId() == null ? null : nodes.apply(current.parentId());
        }
        return false;
    }
}
