package io.sessiongate.core.account;

import io.sessiongate.core.websession.Caller;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The live nodes of one account, read at once ({@link HierarchyReads#tree}), with the walks the directory's
 * rules need: up to the root, down a subtree, the whole tree in order. Deleted nodes are not in it, so they
 * are missing to every rule. Siblings are kept in the order of their kinds (as {@link NodeKind} lists them:
 * organisation nodes, groups, people, channels), then of their ids, so the order of a reply never varies.
 */
final class DirectoryTree {

    /** Siblings in the order of their kinds (organisation nodes, groups, people, channels), then of their ids. */
    private static final Comparator<DirectoryNode> SIBLINGS = Comparator.comparing(DirectoryNode::kind)
            .thenComparingLong(DirectoryNode::id);

    private final Map<Long, DirectoryNode> byId = new LinkedHashMap<>();
    private final Map<Long, List<DirectoryNode>> children = new HashMap<>();
    private DirectoryNode root;

    DirectoryTree(List<DirectoryNode> nodes) {
        for (DirectoryNode n : nodes) {
            byId.put(n.id(), n);
            if (n.kind() == NodeKind.ROOT) {
                root = n;
            }
        }
        for (DirectoryNode n : byId.values()) {
            if (n.parentId() != null) {
                children.computeIfAbsent(n.parentId(), k -> new ArrayList<>()).add(n);
            }
        }
        children.values().forEach(list -> list.sort(SIBLINGS));
    }

    /** The live node with this id (null: none asked). */
    Optional<DirectoryNode> get(Long id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    /** The live node with this id that {@code caller} reaches. */
    Optional<DirectoryNode> reached(Caller caller, Long id) {
        return get(id).filter(n -> reaches(caller, n));
    }

    boolean reaches(Caller caller, DirectoryNode node) {
        return AdministrationReach.reaches(caller, node, byId::get);
    }

    List<DirectoryNode> children(long id) {
        return children.getOrDefault(id, List.of());
    }

    /** The node's parent, its parent's parent, ... up to the root. */
    List<DirectoryNode> ancestors(long id) {
        List<DirectoryNode> up = new ArrayList<>();
        DirectoryNode n = byId.get(id);
        while (n != null && n.parentId() != null && up.size() < byId.size()) {
            n = byId.get(n.parentId());
            if (n != null) {
                up.add(n);
            }
        }
        return up;
    }

    /** The node and its ancestors' ids. */
    List<Long> selfAndAncestorIds(long id) {
        List<Long> ids = new ArrayList<>();
        ids.add(id);
        ancestors(id).forEach(a -> ids.add(a.id()));
        return ids;
    }

    /** Whether {@code id} is {@code ancestorId} or beneath it. */
    boolean isWithin(long id, long ancestorId) {
        return selfAndAncestorIds(id).contains(ancestorId);
    }

    /** {@code id} and everything beneath it, parents before children, siblings in id order. */
    List<DirectoryNode> subtree(long id) {
        List<DirectoryNode> out = new ArrayList<>();
        DirectoryNode start = byId.get(id);
        if (start == null) {
            return out;
        }
        Deque<DirectoryNode> stack = new ArrayDeque<>();
        stack.push(start);
        while (!stack.isEmpty()) {
            DirectoryNode n = stack.pop();
            out.add(n);
            List<DirectoryNode> kids = children(n.id());
            for (int i = kids.size() - 1; i >= 0; i--) {
                stack.push(kids.get(i));
            }
        }
        return out;
    }

    /** The whole tree from the root, parents before children. */
    List<DirectoryNode> all() {
        return root == null ? List.of() : subtree(root.id());
    }

    DirectoryNode root() {
        return root;
    }

    /** The first live node of {@code kind} (for an organisation node: the account's one). */
    Optional<DirectoryNode> ofKind(NodeKind kind) {
        return byId.values().stream().filter(n -> n.kind() == kind).findFirst();
    }
}
