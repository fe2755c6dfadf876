package io.sessiongate.api.admin;

import java.util.List;

/**
 * An account's hierarchy as the caller reaches it (or one node and everything beneath it): the nodes, parents
 * before children, siblings by kind (organisation nodes, groups, people, channels) and then id; each names its
 * parent, so the tree can be rebuilt from the list.
 */
public record HierarchyView(List<NodeView> nodes) {

    public HierarchyView {
        nodes = List.copyOf(nodes);
    }
}
