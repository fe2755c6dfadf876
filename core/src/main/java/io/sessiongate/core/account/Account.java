package io.sessiongate.core.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A tenant (the APIServer "site"): nothing is visible or changeable across accounts. */
@Entity
@Table(name = "account")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "site_key", nullable = false, length = 64)
    private String siteKey;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Bumped by every directory change of the account (V10): see DirectoryService on why. */
    @Column(name = "directory_version", nullable = false)
    private long directoryVersion;

    protected Account() {
    }

    public Account(String siteKey, String name, Instant createdAt) {
        this.siteKey = siteKey;
        this.name = name;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getSiteKey() {
        return siteKey;
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

    public long getDirectoryVersion() {
        return directoryVersion;
    }

    /** Records that the account's directory changed (one write that concurrent changes conflict on). */
    public void directoryChanged() {
        directoryVersion++;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Account other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
