package io.sessiongate.core.account;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/** A named set of group nodes: the part of the hierarchy an administrator may act in. */
@Entity
@Table(name = "folder_list")
public class FolderList {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    /** Bumped by every change (V11), of its groups too: the ETag a PATCH names in If-Match. */
    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @ElementCollection
    @CollectionTable(name = "folder_list_group", joinColumns = @JoinColumn(name = "folder_list_id"))
    @Column(name = "group_id")
    private Set<Long> groupIds = new HashSet<>();

    protected FolderList() {
    }

    public FolderList(Long accountId, String name, Set<Long> groupIds) {
        this.accountId = accountId;
        this.name = name;
        this.groupIds = new HashSet<>(groupIds);
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

    public long getVersion() {
        return version;
    }

    public Set<Long> getGroupIds() {
        return groupIds;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FolderList other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
