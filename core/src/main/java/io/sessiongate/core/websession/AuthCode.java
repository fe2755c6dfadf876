package io.sessiongate.core.websession;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A user's one live secret auth code (requestAuthCode), stored only as its SHA-256. */
@Entity
@Table(name = "auth_code")
public class AuthCode {

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Column(name = "code_hash", nullable = false, length = 64)
    private String codeHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected AuthCode() {
    }

    public AuthCode(Long userId, String codeHash, Instant createdAt) {
        this.userId = userId;
        this.codeHash = codeHash;
        this.createdAt = createdAt;
    }

    public Long getUserId() {
        return userId;
    }

    public String getCodeHash() {
        return codeHash;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** A new request invalidates the previous code: the row is replaced. */
    public void replace(String codeHash, Instant at) {
        this.codeHash = codeHash;
        this.createdAt = at;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthCode other && userId != null && userId.equals(other.userId);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(userId);
    }
}
