package io.sessiongate.core.admin;

import io.sessiongate.api.admin.CreateRole;
import io.sessiongate.api.admin.FieldError;
import io.sessiongate.api.admin.RolePatch;
import io.sessiongate.api.admin.RoleView;
import io.sessiongate.core.account.Account;
import io.sessiongate.core.account.Role;
import io.sessiongate.core.account.RoleKind;
import io.sessiongate.core.account.User;
import io.sessiongate.core.account.UserStatus;
import io.sessiongate.core.event.EventAction;
import io.sessiongate.core.event.EventRecorder;
import io.sessiongate.core.event.ObjectType;
import io.sessiongate.core.persistence.Tx;
import io.sessiongate.core.websession.Credentials;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hibernate.Session;

/**
 * An account's roles, administered: listed, read, made, changed and deleted by a caller acting on the whole
 * account (a master administrator or an API token). A role has a name (unique in the account), a kind (what its
 * holders may do: {@link RoleKind}), a priority (a user's highest-priority role gives their folder list when
 * they have none of their own), that folder list (one of the account's), and the anonymous flag (the account's
 * anonymous roles are those of a web session without a user). A role that a user who is not deleted holds is
 * not deleted (409 {@code ROLE_IN_USE}). Every change locks the account's row first, like the directory's
 * (so that a role, a folder list and the hierarchy change one after the other), and records one event.
 *
 * <p>A change reaches a live web session at its next refresh (Session.Update with
 * {@code RefreshRolesAndFolderList=Y}, or {@code PATCH .../web-sessions/{id}} with
 * {@code refreshRolesAndFolderList}) or its next login: a session keeps the snapshot taken then. An auth code
 * derives its caller's access at every call, so it sees the change at once.
 */
public final class RoleAdministration {

    /** The highest priority a role may have. */
    static final int MAX_PRIORITY = 1000;

    private final EventRecorder events;
    private final AdminAccess access;

    public RoleAdministration(EventRecorder events, AdminAccess access) {
        this.events = events;
        this.access = access;
    }

    public AdminOutcome<Slice<RoleView>> list(Credentials credentials, String siteKey, PageQuery page) {
        return access.inTransaction(credentials, siteKey, AdminAccess.Need.WHOLE_ACCOUNT, (s, who) -> {
            List<RoleView> rows = s.createSelectionQuery("from Role where accountId = :a and id > :after order by id",
                            Role.class).setParameter("a", who.accountId()).setParameter("after", page.afterId())
                    .setMaxResults(page.limit() + 1).getResultList().stream().map(RoleAdministration::view).toList();
            return AdminOutcome.done(Slice.of(rows, page.limit(), RoleView::id));
        });
    }

    public AdminOutcome<Versioned<RoleView>> get(Credentials credentials, String siteKey, Long id) {
        return access.inTransaction(credentials, siteKey, AdminAccess.Need.WHOLE_ACCOUNT, (s, who) -> {
            Role role = find(s, who.accountId(), id);
            return role == null ? new AdminOutcome.NotFound<>() : AdminOutcome.done(versioned(role));
        });
    }

    public AdminOutcome<RoleView> create(Credentials credentials, String siteKey, CreateRole body) {
        return access.inTransaction(credentials, siteKey, AdminAccess.Need.WHOLE_ACCOUNT, (s, who) -> {
            List<FieldError> errors = new ArrayList<>();
            Rules rules = new Rules(errors);
            if (body == null) {
                rules.add("", "REQUIRED", "a body {name, kind, priority, folderListId} is mandatory.");
                return AdminOutcome.invalid(errors);
            }
            Account account = lock(s, who.accountId());
            if (rules.text("name", body.name(), 100)) {
                nameFree(s, rules, who.accountId(), body.name().strip(), null);
            }
            RoleKind kind = kind(rules, body.kind(), true);
            if (body.priority() == null) {
                rules.add("priority", "REQUIRED", "priority is mandatory.");
            }
            rules.range("priority", body.priority(), 0, MAX_PRIORITY);
            if (body.folderListId() == null) {
                rules.add("folderListId", "REQUIRED", "folderListId is mandatory.");
            } else {
                folderListOf(s, rules, who.accountId(), body.folderListId());
            }
            if (!errors.isEmpty()) {
                return AdminOutcome.invalid(errors);
            }
            Role role = new Role(who.accountId(), body.name().strip(), kind, body.priority(), body.folderListId(),
                    Boolean.TRUE.equals(body.anonymous()));
            s.persist(role);
            s.flush();
            account.directoryChanged();
            events.record(Tx.of(s), who.accountId(), ObjectType.ROLE, role.getId(), EventAction.CREATED, null,
                    state(role), who.caller().userId());
            return AdminOutcome.done(view(role));
        });
    }

    /** Changes role {@code id} under the version the caller read ({@code null}: any). */
    public AdminOutcome<Versioned<RoleView>> patch(Credentials credentials, String siteKey, Long id,
                                                   Long expectedVersion, RolePatch body) {
        return access.inTransaction(credentials, siteKey, AdminAccess.Need.WHOLE_ACCOUNT, (s, who) -> {
            if (body == null) {
                return AdminOutcome.invalid(List.of(new FieldError("", "REQUIRED", "a JSON body is mandatory.")));
            }
            Account account = lock(s, who.accountId());
            Role role = find(s, who.accountId(), id);
            if (role == null) {
                return new AdminOutcome.NotFound<>();
            }
            if (expectedVersion != null && expectedVersion != role.getVersion()) {
                return new AdminOutcome.PreconditionFailed<>();
            }
            List<FieldError> errors = new ArrayList<>();
            Rules rules = new Rules(errors);
            if (rules.optionalText("name", body.name(), 100) && body.name() != null) {
                nameFree(s, rules, who.accountId(), body.name().strip(), role.getId());
            }
            RoleKind kind = kind(rules, body.kind(), false);
            rules.range("priority", body.priority(), 0, MAX_PRIORITY);
            if (body.folderListId() != null) {
                folderListOf(s, rules, who.accountId(), body.folderListId());
            }
            if (!errors.isEmpty()) {
                return AdminOutcome.invalid(errors);
            }
            Map<String, Object> before = state(role);
            if (body.name() != null) {
                role.setName(body.name().strip());
            }
            if (kind != null) {
                role.setKind(kind);
            }
            if (body.priority() != null) {
                role.setPriority(body.priority());
            }
            if (body.folderListId() != null) {
                role.setFolderListId(body.folderListId());
            }
            if (body.anonymous() != null) {
                role.setAnonymous(body.anonymous());
            }
            Map<String, Object> after = state(role);
            if (!after.equals(before)) {
                s.flush();
                account.directoryChanged();
                changedOnly(before, after);
                events.record(Tx.of(s), who.accountId(), ObjectType.ROLE, role.getId(), EventAction.CHANGED, before,
                        after, who.caller().userId());
            }
            return AdminOutcome.done(versioned(role));
        });
    }

    /** Deletes role {@code id}, unless a user who is not deleted holds it; answers it as it was. */
    public AdminOutcome<RoleView> delete(Credentials credentials, String siteKey, Long id) {
        return access.inTransaction(credentials, siteKey, AdminAccess.Need.WHOLE_ACCOUNT, (s, who) -> {
            Account account = lock(s, who.accountId());
            Role role = find(s, who.accountId(), id);
            if (role == null) {
                return new AdminOutcome.NotFound<>();
            }
            List<User> holders = s.createSelectionQuery("select u from User u join u.roleIds r where r = :role",
                    User.class).setParameter("role", role.getId()).getResultList();
            long live = holders.stream().filter(u -> u.getStatus() != UserStatus.DELETED).count();
            if (live > 0) {
                return new AdminOutcome.Conflict<>("ROLE_IN_USE", live + (live == 1 ? " user holds" : " users hold")
                        + " this role: give them another one first");
            }
            holders.forEach(u -> u.getRoleIds().remove(role.getId())); // deleted users keep no tie to it
            RoleView was = view(role);
            s.remove(role);
            account.directoryChanged();
            events.record(Tx.of(s), who.accountId(), ObjectType.ROLE, role.getId(), EventAction.DELETED, state(role),
                    null, who.caller().userId());
            return AdminOutcome.done(was);
        });
    }

    /** The account's row, locked: the directory's changes, roles' and folder lists' run one after the other. */
    static Account lock(Session s, long accountId) {
        return Objects.requireNonNull(s.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE));
    }

    private static Role find(Session s, long accountId, Long id) {
        Role role = id == null ? null : s.get(Role.class, id);
        return role == null || role.getAccountId() != accountId ? null : role;
    }

    private static void nameFree(Session s, Rules rules, long accountId, String name, Long except) {
        boolean taken = s.createSelectionQuery("select count(*) from Role where accountId = :a and name = :n"
                        + " and id <> :except", Long.class).setParameter("a", accountId).setParameter("n", name)
                .setParameter("except", except == null ? 0L : except).getSingleResult() > 0;
        if (taken) {
            rules.add("name", "TAKEN", "another role of the account has this name.");
        }
    }

    private static RoleKind kind(Rules rules, String raw, boolean required) {
        if (raw == null) {
            if (required) {
                rules.add("kind", "REQUIRED", "kind is mandatory.");
            }
            return null;
        }
        return Arrays.stream(RoleKind.values()).filter(k -> k.name().equals(raw)).findFirst().orElseGet(() -> {
            rules.add("kind", "UNKNOWN_VALUE", "kind is one of " + Arrays.toString(RoleKind.values()) + ".");
            return null;
        });
    }

    /** A folder list of the account, or a broken rule. */
    static void folderListOf(Session s, Rules rules, long accountId, long folderListId) {
        io.sessiongate.core.account.FolderList list = s.get(io.sessiongate.core.account.FolderList.class, folderListId);
        if (list == null || list.getAccountId() != accountId) {
            rules.add("folderListId", "UNKNOWN_ID", "folderListId is not one of the account's folder lists.");
        }
    }

    /** Keeps in {@code before} and {@code after} only the fields that differ. */
    static void changedOnly(Map<String, Object> before, Map<String, Object> after) {
        for (String key : new ArrayList<>(after.keySet())) {
            if (Objects.equals(before.get(key), after.get(key))) {
                before.remove(key);
                after.remove(key);
            }
        }
    }

    private static Map<String, Object> state(Role role) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", role.getName());
        m.put("kind", role.getKind().name());
        m.put("priority", role.getPriority());
        m.put("folderListId", role.getFolderListId());
        m.put("anonymous", role.isAnonymous());
        return m;
    }

    private static Versioned<RoleView> versioned(Role role) {
        return new Versioned<>(view(role), role.getVersion());
    }

    static RoleView view(Role r) {
        return new RoleView(r.getId(), r.getName(), r.getKind().name(), r.getPriority(), r.getFolderListId(),
                r.isAnonymous(), r.getVersion());
    }
}
