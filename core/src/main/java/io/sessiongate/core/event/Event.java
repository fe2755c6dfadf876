package io.sessiongate.core.event;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A recorded change: which object, what happened, its state before and after, by whom, when. */
@Entity
@Table(name = "event")
public class Event {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(name = "object_type", nullable = false, length = 32)
    private String objectType;

    @Column(name = "object_id", nullable = false)
    private Long objectId;

    @Column(name = "action", nullable = false, length = 32)
    private String action;

    @Column(name = "before_state", columnDefinition = "text")
    private String beforeState;

    @Column(name = "after_state", columnDefinition = "text")
    private String afterState;

    @Column(name = "by_user_id")
    private Long byUserId;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected Event() {
    }

    public Event(Long accountId, String objectType, Long objectId, String action, String beforeState,
                 String afterState, Long byUserId, Instant occurredAt) {
        this.accountId = accountId;
        this.objectType = objectType;
        this.objectId = objectId;
        this.action = action;
        this.beforeState = beforeState;
        this.afterState = afterState;
        this.byUserId = byUserId;
        this.occurredAt = occurredAt;
    }

    public Long getId() {
        return id;
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getObjectType() {
        return objectType;
    }

    public Long getObjectId() {
        return objectId;
    }

    public String getAction() {
        return action;
    }

    public String getBeforeState() {
        return beforeState;
    }

    public String getAfterState() {
        return afterState;
    }

    public Long getByUserId() {
        return byUserId;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Event other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
