package io.sessiongate.core.rescue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A customer's support session: owned by a technician, or waiting in a channel's queue
 * ({@code technicianNodeId} null). The version serialises concurrent changes optimistically.
 */
@Entity
@Table(name = "support_session")
public class SupportSession {

    @Id
    private Long id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "status", nullable = false, length = 16)
    private SupportSessionStatus status;

    @Column(name = "technician_node_id")
    private Long technicianNodeId;

    @Column(name = "channel_node_id")
    private Long channelNodeId;

    @Column(name = "custom_field0", length = 64)
    private String customField0;
    @Column(name = "custom_field1", length = 512)
    private String customField1;
    @Column(name = "custom_field2", length = 512)
    private String customField2;
    @Column(name = "custom_field3", length = 256)
    private String customField3;
    @Column(name = "custom_field4", length = 64)
    private String customField4;
    @Column(name = "custom_field5", length = 64)
    private String customField5;

    @Column(name = "language", nullable = false, length = 16)
    private String language;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "status_changed_at", nullable = false)
    private Instant statusChangedAt;

    @Column(name = "transferred_to", length = 200)
    private String transferredTo;

    @Column(name = "transferred_comment", length = 1000)
    private String transferredComment;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected SupportSession() {
    }

    public SupportSession(Long id, Long accountId, SupportSessionStatus status, Long technicianNodeId,
                          Long channelNodeId, String language, Instant startedAt) {
        this.id = id;
        this.accountId = accountId;
        this.status = status;
        this.technicianNodeId = technicianNodeId;
        this.channelNodeId = channelNodeId;
        this.language = language;
        this.startedAt = startedAt;
        this.statusChangedAt = startedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getAccountId() {
        return accountId;
    }

    public SupportSessionStatus getStatus() {
        return status;
    }

    public void setStatus(SupportSessionStatus status, Instant at) {
        this.status = status;
        this.statusChangedAt = at;
    }

    public Long getTechnicianNodeId() {
        return technicianNodeId;
    }

    public void setTechnicianNodeId(Long technicianNodeId) {
        this.technicianNodeId = technicianNodeId;
    }

    public Long getChannelNodeId() {
        return channelNodeId;
    }

    public void setChannelNodeId(Long channelNodeId) {
        this.channelNodeId = channelNodeId;
    }

    /** Custom field {@code index} (0 to 5), or null. */
    public String getCustomField(int index) {
        return switch (index) {
            case 0 -> customField0;
            case 1 -> customField1;
            case 2 -> customField2;
            case 3 -> customField3;
            case 4 -> customField4;
            case 5 -> customField5;
            default -> throw new IndexOutOfBoundsException(index);
        };
    }

    public void setCustomField(int index, String value) {
        switch (index) {
            case 0 -> customField0 = value;
            case 1 -> customField1 = value;
            case 2 -> customField2 = value;
            case 3 -> customField3 = value;
            case 4 -> customField4 = value;
            case 5 -> customField5 = value;
            default -> throw new IndexOutOfBoundsException(index);
        }
    }

    public String getLanguage() {
        return language;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getStatusChangedAt() {
        return statusChangedAt;
    }

    public String getTransferredTo() {
        return transferredTo;
    }

    public void setTransferredTo(String transferredTo) {
        this.transferredTo = transferredTo;
    }

    public String getTransferredComment() {
        return transferredComment;
    }

    public void setTransferredComment(String transferredComment) {
        this.transferredComment = transferredComment;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SupportSession other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
