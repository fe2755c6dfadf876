package io.sessiongate.core.admin;

import io.sessiongate.api.admin.CreateFolderList;
import io.sessiongate.api.admin.FieldError;
import io.sessiongate.api.admin.FolderListPatch;
import io.sessiongate.api.admin.FolderListView;
import io.sessiongate.core.account.Account;
import io.sessiongate.core.account.FolderList;
import io.sessiongate.core.account.Node;
import io.sessiongate.core.account.User;
import io.sessiongate.core.account.UserStatus;
import io.sessiongate.core.event.EventAction;
import io.sessiongate.core.event.EventRecorder;
import io.sessiongate.core.event.ObjectType;
import io.sessiongate.core.persistence.Tx;
import io.sessiongate.core.websession.Credentials;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * An account's folder lists, administered by a caller acting on the whole account: a folder list is a name
 * (unique in the account) and a set of the account's groups (technician and administrator groups, and the
 * organisation nodes Technicians, Administrators, Master Administrators; never a person, a channel, a deleted
 * node or another account's). An administrator acts inside the groups of their folder list and beneath them
 * ({@link io.sessiongate.core.account.AdministrationReach}); the directory keeps the lists in step as groups are
 * made, moved and deleted. A list that a role or a user who is not deleted names is not deleted (409
 * {@code FOLDER_LIST_IN_USE}); a web session keeps the snapshot of its groups. Every change locks the account's
 * row first and records one event; it reaches a live web session at its next refresh or login, as for
 * {@link RoleAdministration roles}.
 */
public final class FolderListAdministration {

    private final EventRecorder events;
    private final AdminAccess access;

    public FolderListAdministration(EventRecorder events, AdminAccess access) {
        this.events = events;
        this.access = access;
    }

    public AdminOutcome<Slice<FolderListView>> list(Credentials credentials, String siteKey, PageQuery page) {
        return access.inTransaction(credentials, siteKey, AdminAccess.Need.WHOLE_ACCOUNT, (s, who) -> {
            List<FolderListView> rows = s.createSelectionQuery("from FolderList where accountId = :a and id > :after"
                            + " order by id", FolderList.class).setParameter("a", who.accountId())
                    .setParameter("after", page.afterId()).setMaxResults(page.limit() + 1).getResultList().stream()
                    .map(FolderListAdministration::view).toList();
            return AdminOutcome.done(Slice.of(rows, page.limit(), FolderListView::id));
        });
    }

    public AdminOutcome<Versioned<FolderListView>> get(Credentials credentials, String siteKey, Long id) {
        return access.inTransaction(credentials, siteKey, AdminAccess.Need.WHOLE_ACCOUNT, (s, who) -> {
            FolderList list = find(s, who.accountId(), id);
            return list == null ? new AdminOutcome.NotFound<>() : AdminOutcome.done(versioned(list));
        });
    }

    public AdminOutcome<FolderListView> create(Credentials credentials, String siteKey, CreateFolderList body) {
        return access.inTransaction(credentials, siteKey, AdminAccess.Need.WHOLE_ACCOUNT, (s, who) -> {
            List<FieldError> errors = new ArrayList<>();
            Rules rules = new Rules(errors);
            if (body == null) {
                rules.add("", "REQUIRED", "a body {name, groupIds} is mandatory.");
                return AdminOutcome.invalid(errors);
            }
            Account account = RoleAdministration.lock(s, who.accountId());
            if (rules.text("name", body.name(), 200)) {
                nameFree(s, rules, who.accountId(), body.name().strip(), null);
            }
            if (body.groupIds() == null) {
                rules.add("groupIds", "REQUIRED", "groupIds is mandatory (it may be empty).");
            } else {
                groups(s, rules, who.accountId(), body.groupIds());
            }
            if (!errors.isEmpty()) {
                return AdminOutcome.invalid(errors);
            }
            FolderList list = new FolderList(who.accountId(), body.name().strip(), Set.copyOf(body.groupIds()));
            s.persist(list);
            s.flush();
            account.directoryChanged();
            events.record(Tx.of(s), who.accountId(), ObjectType.FOLDER_LIST, list.getId(), EventAction.CREATED, null,
                    state(list), who.caller().userId());
            return AdminOutcome.done(view(list));
        });
    }

    /** Changes folder list {@code id} under the version the caller read ({@code null}: any). */
    public AdminOutcome<Versioned<FolderListView>> patch(Credentials credentials, String siteKey, Long id,
                                                         Long expectedVersion, FolderListPatch body) {
        return access.inTransaction(credentials, siteKey, AdminAccess.Need.WHOLE_ACCOUNT, (s, who) -> {
            if (body == null) {
                return AdminOutcome.invalid(List.of(new FieldError("", "REQUIRED", "a JSON body is mandatory.")));
            }
            Account account = RoleAdministration.lock(s, who.accountId());
            FolderList list = find(s, who.accountId(), id);
            if (list == null) {
                return new AdminOutcome.NotFound<>();
            }
            if (expectedVersion != null && expectedVersion != list.getVersion()) {
                return new AdminOutcome.PreconditionFailed<>();
            }
            List<FieldError> errors = new ArrayList<>();
            Rules rules = new Rules(errors);
            if (rules.optionalText("name", body.name(), 200) && body.name() != null) {
                nameFree(s, rules, who.accountId(), body.name().strip(), list.getId());
            }
            if (body.groupIds() != null) {
                groups(s, rules, who.accountId(), body.groupIds());
            }
            if (!errors.isEmpty()) {
                return AdminOutcome.invalid(errors);
            }
            Map<String, Object> before = state(list);
            if (body.name() != null) {
                list.setName(body.name().strip());
            }
            if (body.groupIds() != null && !list.getGroupIds().equals(Set.copyOf(body.groupIds()))) {
                list.getGroupIds().clear();
                list.getGroupIds().addAll(body.groupIds());
            }
            Map<String, Object> after = state(list);
            if (!after.equals(before)) {
                s.flush();
                account.directoryChanged();
                RoleAdministration.changedOnly(before, after);
                events.record(Tx.of(s), who.accountId(), ObjectType.FOLDER_LIST, list.getId(), EventAction.CHANGED,
                        before, after, who.caller().userId());
            }
            return AdminOutcome.done(versioned(list));
        });
    }

    /** Deletes folder list {@code id}, unless a role or a user who is not deleted names it; answers it as it was. */
    public AdminOutcome<FolderListView> delete(Credentials credentials, String siteKey, Long id) {
        return access.inTransaction(credentials, siteKey, AdminAccess.Need.WHOLE_ACCOUNT, (s, who) -> {
            Account account = RoleAdministration.lock(s, who.accountId());
            FolderList list = find(s, who.accountId(), id);
            if (list == null) {
                return new AdminOutcome.NotFound<>();
            }
            long roles = s.createSelectionQuery("select count(*) from Role where folderListId = :l", Long.class)
                    .setParameter("l", list.getId()).getSingleResult();
            List<User> users = s.createSelectionQuery("from User where folderListId = :l", User.class)
                    .setParameter("l", list.getId()).getResultList();
            long liveUsers = users.stream().filter(u -> u.getStatus() != UserStatus.DELETED).count();
            if (roles > 0 || liveUsers > 0) {
                return new AdminOutcome.Conflict<>("FOLDER_LIST_IN_USE", "this folder list is named by " + roles
                        + " role(s) and " + liveUsers + " user(s): give them another one first");
            }
            users.forEach(u -> u.setFolderListId(null)); // deleted users keep no tie to it
            FolderListView was = view(list);
            Map<String, Object> before = state(list);
            s.remove(list);
            account.directoryChanged();
            events.record(Tx.of(s), who.accountId(), ObjectType.FOLDER_LIST, was.id(), EventAction.DELETED, before,
                    null, who.caller().userId());
            return AdminOutcome.done(was);
        });
    }

    private static FolderList find(Session s, long accountId, Long id) {
        FolderList list = id == null ? null : s.get(FolderList.class, id);
        return list == null || list.getAccountId() != accountId ? null : list;
    }

    private static void nameFree(Session s, Rules rules, long accountId, String name, Long except) {
        boolean taken = s.createSelectionQuery("select count(*) from FolderList where accountId = :a and name = :n"
                        + " and id <> :except", Long.class).setParameter("a", accountId).setParameter("n", name)
                .setParameter("except", except == null ? 0L : except).getSingleResult() > 0;
        if (taken) {
            rules.add("name", "TAKEN", "another folder list of the account has this name.");
        }
    }

    /** Every id a live group (or organisation node) of the account; else one broken rule naming the others. */
    private static void groups(Session s, Rules rules, long accountId, List<Long> ids) {
        if (ids.stream().anyMatch(Objects::isNull)) {
            rules.add("groupIds", "UNKNOWN_ID", "groupIds are ids of the account's groups.");
            return;
        }
        Set<Long> groups = ids.isEmpty() ? Set.of() : s.createSelectionQuery("from Node where accountId = :a"
                        + " and deletedAt is null and id in :ids", Node.class).setParameter("a", accountId)
                .setParameterList("ids", Set.copyOf(ids)).getResultList().stream().filter(n -> n.getKind().isGroup())
                .map(Node::getId).collect(Collectors.toSet());
        Set<Long> others = new TreeSet<>(ids);
        others.removeAll(groups);
        if (!others.isEmpty()) {
            rules.add("groupIds", "UNKNOWN_ID", "not groups of the account: " + others + ".");
        }
    }

    private static Map<String, Object> state(FolderList list) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", list.getName());
        m.put("groupIds", new TreeSet<>(list.getGroupIds()));
        return m;
    }

    private static Versioned<FolderListView> versioned(FolderList list) {
        return new Versioned<>(view(list), list.getVersion());
    }

    static FolderListView view(FolderList list) {
        return new FolderListView(list.getId(), list.getName(), list.getGroupIds().stream().sorted().toList(),
                list.getVersion());
    }
}
