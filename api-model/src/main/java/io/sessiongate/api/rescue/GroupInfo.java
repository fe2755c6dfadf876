package io.sessiongate.api.rescue;

/** A group as {@code getGroup_v2} describes it. */
public record GroupInfo(long nodeId, Long parentId, String name, String description, NodeType type,
                        boolean enabled) {
}
