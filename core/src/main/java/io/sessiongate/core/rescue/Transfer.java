package io.sessiongate.core.rescue;

import io.sessiongate.api.rescue.NodeRef;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One transfer of a support session: from which node, to which technician or channel, by whom, when. */
@Entity
@Table(name = "transfer")
public class Transfer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(name = "session_id", nullable = false)
    private Long sessionId;

    @Column(name = "from_node_id")
    private Long fromNodeId;

    @Column(name = "to_node_id", nullable = false)
    private Long toNodeId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "node_ref", nullable = false, length = 16)
    private NodeRef nodeRef;

    @Column(name = "comment", length = 1000)
    private String comment;

    @Column(name = "by_user_id", nullable = false)
    private Long byUserId;

    @Column(name = "transferred_at", nullable = false)
    private Instant transferredAt;

    protected Transfer() {
    }

    public Transfer(Long accountId, Long sessionId, Long fromNodeId, Long toNodeId, NodeRef nodeRef, String comment,
                    Long byUserId, Instant transferredAt) {
        this.accountId = accountId;
        this.sessionId = sessionId;
        this.fromNodeId = fromNodeId;
        this.toNodeId = toNodeId;
        this.nodeRef = nodeRef;
        this.comment = comment;
        this.byUserId = byUserId;
        this.transferredAt = transferredAt;
    }

    public Long getId() {
        return id;
    }

    public Long getAccountId() {
        return accountId;
    }

    public Long getSessionId() {
        return sessionId;
    }

    public Long getFromNodeId() {
        return fromNodeId;
    }

    public Long getToNodeId() {
        return toNodeId;
    }

    public NodeRef getNodeRef() {
        return nodeRef;
    }

    public String getComment() {
        return comment;
    }

    public Long getByUserId() {
        return byUserId;
    }

    public Instant getTransferredAt() {
        return transferredAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Transfer other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
