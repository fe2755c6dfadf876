package io.sessiongate.core.account;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
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
 * A login identity of one account (the APIServer "user"): email unique within the account, a
 * bcrypt password hash, a status, optionally an administrator node and a technician node, its
 * roles and optionally a folder list of its own.
 */
@Entity
@Table(name = "app_user")
public class User {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(name = "email", nullable = false, length = 254)
    private String email;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "password_hash", nullable = false, length = 100)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "status", nullable = false, length = 16)
    private UserStatus status;

    @Column(name = "admin_node_id")
    private Long adminNodeId;

    @Column(name = "tech_node_id")
    private Long techNodeId;

    @Column(name = "folder_list_id")
    private Long folderListId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** setUser_v2's nick (V10). */
    @Column(name = "nick", nullable = false, length = 64)
    private String nick = "";

    /** The user's single sign-on id (V10); stored and shown, not used to log in yet. */
    @Column(name = "sso_id", nullable = false, length = 128)
    private String ssoId = "";

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @ElementCollection
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role_id")
    private Set<Long> roleIds = new HashSet<>();

    protected User() {
    }

    public User(Long accountId, String email, String name, String passwordHash, Instant createdAt) {
        this.accountId = accountId;
        this.email = email;
        this.name = name;
        this.passwordHash = passwordHash;
        this.status = UserStatus.ENABLED;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getEmail() {
        return email;
    }

    public String getName() {
        return name;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public UserStatus getStatus() {
        return status;
    }

    public void setStatus(UserStatus status) {
        this.status = status;
    }

    public Long getAdminNodeId() {
        return adminNodeId;
    }

    public void setAdminNodeId(Long adminNodeId) {
        this.adminNodeId = adminNodeId;
    }

    public Long getTechNodeId() {
        return techNodeId;
    }

    public void setTechNodeId(Long techNodeId) {
        this.techNodeId = techNodeId;
    }

    public Long getFolderListId() {
        return folderListId;
    }

    public void setFolderListId(Long folderListId) {
        this.folderListId = folderListId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getNick() {
        return nick;
    }

    public void setNick(String nick) {
        this.nick = nick;
    }

    public String getSsoId() {
        return ssoId;
    }

    public void setSsoId(String ssoId) {
        this.ssoId = ssoId;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** Whether a password has been set: a user that createUser made with only a parent has none yet. */
    public boolean hasPassword() {
        return passwordHash != null && !passwordHash.isEmpty();
    }

    public long getVersion() {
        return version;
    }

    public Set<Long> getRoleIds() {
        return roleIds;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof User other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
