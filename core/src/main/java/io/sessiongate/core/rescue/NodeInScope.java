package io.sessiongate.core.rescue;

import io.sessiongate.core.account.NodeKind;
import java.util.Set;

/**
 * A node as the scope policy needs it: its kind, its account, its parent group, and (for a
 * channel) the technician groups it serves.
 */
public record NodeInScope(NodeKind kind, long accountId, Long parentId, Set<Long> channelGroupIds) {

    public NodeInScope {
        channelGroupIds = Set.copyOf(channelGroupIds);
    }
}
