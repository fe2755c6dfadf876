package io.sessiongate.core.rescue;

import io.sessiongate.api.rescue.NodeRef;
import io.sessiongate.core.account.NodeKind;
import io.sessiongate.core.websession.Caller;
import java.util.Set;

/**
 * The one scope policy: which nodes and support sessions a caller may act on. Only their own
 * account's, and within it only what their folder list reaches: a technician whose group is in
 * the list, a channel that serves a group in the list, a session owned by such a technician or
 * waiting in such a channel; a master administrator reaches the whole account. Another account's node
 * or session reads exactly like one that does not exist.
 */
public final class Scope {

    private Scope() {
    }

    /**
     * Whether {@code node} (null: none) is a node of the kind {@code ref} names that the caller may
     * act on: a technician for {@code NODE}, a channel for {@code CHANNEL}.
     */
    public static boolean mayTarget(Caller caller, NodeInScope node, NodeRef ref) {
        if (node == null || caller.accountId() != node.accountId()) {
            return false;
        }
        return switch (ref) {
            case NODE -> node.kind() == NodeKind.TECHNICIAN && caller.mayActIn(node.parentId());
            case CHANNEL -> node.kind() == NodeKind.CHANNEL && reachesAny(caller, node.channelGroupIds());
        };
    }

    /**
     * Whether the caller may act on a support session of {@code accountId} owned by a technician of
     * group {@code technicianGroupId} (null: none) or waiting in a channel serving {@code channelGroupIds}.
     */
    public static boolean maySee(Caller caller, long accountId, Long technicianGroupId, Set<Long> channelGroupIds) {
        return caller.accountId() == accountId
                && (caller.wholeAccount() || caller.mayActIn(technicianGroupId) || reachesAny(caller, channelGroupIds));
    }

    private static boolean reachesAny(Caller caller, Set<Long> groupIds) {
        for (Long id : groupIds) {
            if (caller.mayActIn(id)) {
                return true;
            }
        }
        return false;
    }
}
