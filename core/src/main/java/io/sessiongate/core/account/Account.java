package io.sessiongate.core.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
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

    /**
     * Bumped by every directory change of the account (V10): see DirectoryService on why. Not a change of the
     * account itself: it leaves {@link #version} (the account's ETag) alone.
     */
    @org.hibernate.annotations.OptimisticLock(excluded = true)
    @Column(name = "directory_version", nullable = false)
    private long directoryVersion;

    /** The account's time-outs, in minutes (0: never), read by the session lifecycle's SQL. */
    @Column(name = "pin_validity_minutes", nullable = false)
    private int pinValidityMinutes = 20;

    @Column(name = "waiting_timeout_minutes", nullable = false)
    private int waitingTimeoutMinutes;

    @Column(name = "idle_timeout_minutes", nullable = false)
    private int idleTimeoutMinutes;

    /** How long a web session (the login cookie) may stay idle; authentication reads it with the session. */
    @Column(name = "web_session_timeout_minutes", nullable = false)
    private int webSessionTimeoutMinutes = 20;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

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

    public int getPinValidityMinutes() {
        return pinValidityMinutes;
    }

    public void setPinValidityMinutes(int minutes) {
        this.pinValidityMinutes = minutes;
    }

    public int getWaitingTimeoutMinutes() {
        return waitingTimeoutMinutes;
    }

    public void setWaitingTimeoutMinutes(int minutes) {
        this.waitingTimeoutMinutes = minutes;
    }

    public int getIdleTimeoutMinutes() {
        return idleTimeoutMinutes;
    }

    public void setIdleTimeoutMinutes(int minutes) {
        this.idleTimeoutMinutes = minutes;
    }

    public int getWebSessionTimeoutMinutes() {
        return webSessionTimeoutMinutes;
    }

    public void setWebSessionTimeoutMinutes(int minutes) {
        this.webSessionTimeoutMinutes = minutes;
    }

    /** The row's version: bumped by every change, the administration API's ETag. */
    public long getVersion() {
        return version;
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
