package io.sessiongate.core.websession;

import io.sessiongate.api.apiserver.SessionStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The API/web login session: what the cookie {@code ASP.NET_SessionId} names, and what the
 * APIServer calls a Session. It holds a snapshot of the roles and folder list taken at login or on
 * refresh; a changed permission reaches a live session only through a refresh. The cookie token
 * itself is never stored, only its SHA-256.
 */
@Entity
@Table(name = "web_session")
public class WebSession {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(name = "user_id")
    private Long userId;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "ip_address", length = 45)
    private String ipAddress;

    @Convert(converter = WebSessionStatusConverter.class)
    @Column(name = "status", nullable = false, length = 1)
    private SessionStatus status;

    @Column(name = "role_ids", nullable = false, length = 1000)
    private String roleIds = "";

    /** Derived from the role snapshot when it is taken: whether any of the roles administers. */
    @Column(name = "administrator", nullable = false)
    private boolean administrator;

    @Column(name = "folder_list_id")
    private Long folderListId;

    @Column(name = "folder_group_ids", nullable = false, length = 4000)
    private String folderGroupIds = "";

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_request_at", nullable = false)
    private Instant lastRequestAt;

    @Column(name = "request_count", nullable = false)
    private long requestCount;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected WebSession() {
    }

    public WebSession(Long accountId, String tokenHash, String ipAddress, Instant createdAt) {
        this.accountId = accountId;
        this.tokenHash = tokenHash;
        this.ipAddress = ipAddress;
        this.status = SessionStatus.ACTIVE;
        this.createdAt = createdAt;
        this.lastRequestAt = createdAt;
    }

    /** The surrogate: the APIServer's SessionSurrogate. */
    public Long getId() {
        return id;
    }

    public Long getAccountId() {
        return accountId;
    }

    public Long getUserId() {
        return userId;
    }

    public void setUserId(Long userId) {
        this.userId = userId;
    }

    public String getTokenHash() {
        return tokenHash;
    }

    public void setTokenHash(String tokenHash) {
        this.tokenHash = tokenHash;
    }

    public String getIpAddress() {
        return ipAddress;
    }

    public void setIpAddress(String ipAddress) {
        this.ipAddress = ipAddress;
    }

    public SessionStatus getStatus() {
        return status;
    }

    public void setStatus(SessionStatus status) {
        this.status = status;
    }

    public Set<Long> getRoleIds() {
        return parseIds(roleIds);
    }

    public boolean isAdministrator() {
        return administrator;
    }

    public Long getFolderListId() {
        return folderListId;
    }

    public Set<Long> getFolderGroupIds() {
        return parseIds(folderGroupIds);
    }

    /** Replaces the roles and folder list snapshot. */
    public void setAccess(Collection<Long> roleIds, boolean administrator, Long folderListId, Collection<Long> groupIds) {
        this.roleIds = joinIds(roleIds);
        this.administrator = administrator;
        this.folderListId = folderListId;
        this.folderGroupIds = joinIds(groupIds);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastRequestAt() {
        return lastRequestAt;
    }

    public long getRequestCount() {
        return requestCount;
    }

    public void touch(Instant at) {
        this.lastRequestAt = at;
        this.requestCount++;
    }

    public long getVersion() {
        return version;
    }

    /** Parses a comma-separated list of IDs as stored in the snapshot columns. */
    public static Set<Long> parseIds(String csv) {
        if (csv == null || csv.isEmpty()) {
            return Set.of();
        }
        return Arrays.stream(csv.split(",")).map(Long::valueOf).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The stored form of a set of IDs: sorted, comma-separated. */
    public static String joinIds(Collection<Long> ids) {
        return ids.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebSession other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
