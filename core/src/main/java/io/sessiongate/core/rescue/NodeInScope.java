package io.sessiongate.core.rescue;

import io.sessiongate.core.account.NodeKind;
import io.sessiongate.core.account.NodeStatus;
import java.util.Set;

/**
 * A node as the scope policy needs it: its kind, its account, its parent group, (for a channel)
 * the technician groups it serves, and whether it is enabled.
 */
public record NodeInScope(NodeKind kind, long accountId, Long parentId, Set<Long> channelGroupIds,
                          NodeStatus status) {

    public NodeInScope {
        channelGroupIds = Set.copyOf(channelGroupIds);
    }

    /** An enabled node. */
    public NodeInScope(NodeKind kind, long accountId, Long parentId, Set<Long> channelGroupIds) {
        this(kind, accountId, parentId, channelGroupIds, NodeStatus.ENABLED);
    }

    public boolean isEnabled() {
        return status == NodeStatus.ENABLED;
    }
}
