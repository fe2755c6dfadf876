package io.sessiongate.core.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A site role: a kind (what it allows), a priority (the higher wins when a user has several)
 * and the folder list that applies when the user has none of their own. Roles marked
 * {@code anonymous} form the site's anonymous role set, given to web sessions without a user.
 */
@Entity
@Table(name = "role")
public class Role {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "kind", nullable = false, length = 32)
    private RoleKind kind;

    @Column(name = "priority", nullable = false)
    private int priority;

    @Column(name = "folder_list_id", nullable = false)
    private Long folderListId;

    @Column(name = "anonymous", nullable = false)
    private boolean anonymous;

    /** Bumped by every change (V11): the ETag a PATCH names in If-Match. */
    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Role() {
    }

    public Role(Long accountId, String name, RoleKind kind, int priority, Long folderListId, boolean anonymous) {
        this.accountId = accountId;
        this.name = name;
        this.kind = kind;
        this.priority = priority;
        this.folderListId = folderListId;
        this.anonymous = anonymous;
    }

    public Long getId() {
        return id;
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public RoleKind getKind() {
        return kind;
    }

    public void setKind(RoleKind kind) {
        this.kind = kind;
    }

    public int getPriority() {
        return priority;
    }

    public void setPriority(int priority) {
        this.priority = priority;
    }

    public long getVersion() {
        return version;
    }

    public Long getFolderListId() {
        return folderListId;
    }

    public void setFolderListId(Long folderListId) {
        this.folderListId = folderListId;
    }

    public boolean isAnonymous() {
        return anonymous;
    }

    public void setAnonymous(boolean anonymous) {
        this.anonymous = anonymous;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Role other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
