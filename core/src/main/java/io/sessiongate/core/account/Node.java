package io.sessiongate.core.account;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An entry of an account's hierarchy: the root, an organisation node, a group, a technician, an
 * administrator or a channel (see {@link NodeKind}). Node IDs are unique integers across the
 * installation; they come from {@code node_seq} unless chosen explicitly. Only the root has no parent.
 */
@Entity
@Table(name = "node")
public class Node {

    @Id
    private Long id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "kind", nullable = false, length = 32)
    private NodeKind kind;

    @Column(name = "parent_id")
    private Long parentId;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "status", nullable = false, length = 16)
    private NodeStatus status = NodeStatus.ENABLED;

    @Column(name = "description", nullable = false, length = 512)
    private String description = "";

    /** When the node was deleted; a deleted node stays only as the anchor of its history (V10). */
    @Column(name = "deleted_at")
    private Instant deletedAt;

    /**
     * Bumped by every change through this entity (V11), a channel's assignments included: the ETag of the JSON
     * API's node, which a PATCH names in If-Match.
     */
    @Version
    @Column(name = "version", nullable = false)
    private long version;

    /** For a channel: the technician groups it is assigned to. */
    @ElementCollection
    @CollectionTable(name = "channel_assignment", joinColumns = @JoinColumn(name = "channel_id"))
    @Column(name = "group_id")
    private Set<Long> assignedGroupIds = new HashSet<>();

    protected Node() {
    }

    public Node(Long id, Long accountId, NodeKind kind, Long parentId, String name, Instant createdAt) {
        this.id = id;
        this.accountId = accountId;
        this.kind = kind;
        this.parentId = parentId;
        this.name = name;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Long getAccountId() {
        return accountId;
    }

    public NodeKind getKind() {
        return kind;
    }

    public Long getParentId() {
        return parentId;
    }

    public void setParentId(Long parentId) {
        this.parentId = parentId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public NodeStatus getStatus() {
        return status;
    }

    public void setStatus(NodeStatus status) {
        this.status = status;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public void setDeletedAt(Instant deletedAt) {
        this.deletedAt = deletedAt;
    }

    public long getVersion() {
        return version;
    }

    public Set<Long> getAssignedGroupIds() {
        return assignedGroupIds;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Node other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
