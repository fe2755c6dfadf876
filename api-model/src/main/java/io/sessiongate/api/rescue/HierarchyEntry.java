package io.sessiongate.api.rescue;

/**
 * One node of a {@code getHierarchy_v2} reply.
 *
 * @param parentId null for the root
 * @param email    a person's email; empty for groups and channels
 * @param status   {@code Online}, {@code Away}, {@code Busy}, {@code Offline} or {@code Disabled}
 */
public record HierarchyEntry(long nodeId, Long parentId, String name, String email, String description,
                             String status, NodeType type) {
}
