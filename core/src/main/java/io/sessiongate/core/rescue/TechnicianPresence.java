package io.sessiongate.core.rescue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The last heartbeat of a technician's console. */
@Entity
@Table(name = "technician_presence")
public class TechnicianPresence {

    /** A technician whose console has been silent this long is Offline. */
    public static final Duration OFFLINE_AFTER = Duration.ofSeconds(90);

    @Id
    @Column(name = "node_id")
    private Long nodeId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "status", nullable = false, length = 16)
    private PresenceStatus status;

    @Column(name = "last_heartbeat", nullable = false)
    private Instant lastHeartbeat;

    protected TechnicianPresence() {
    }

    public TechnicianPresence(Long nodeId, PresenceStatus status, Instant lastHeartbeat) {
        this.nodeId = nodeId;
        this.status = status;
        this.lastHeartbeat = lastHeartbeat;
    }

    public Long getNodeId() {
        return nodeId;
    }

    public PresenceStatus getStatus() {
        return status;
    }

    public Instant getLastHeartbeat() {
        return lastHeartbeat;
    }

    public void beat(PresenceStatus status, Instant at) {
        this.status = status;
        this.lastHeartbeat = at;
    }

    /** True while the console's last heartbeat is recent enough. */
    public boolean isConsoleRunning(Instant now) {
        return lastHeartbeat.isAfter(now.minus(OFFLINE_AFTER));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TechnicianPresence other && nodeId != null && nodeId.equals(other.nodeId);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(nodeId);
    }
}
