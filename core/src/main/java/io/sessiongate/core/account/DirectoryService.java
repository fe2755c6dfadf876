package io.sessiongate.core.account;

import io.sessiongate.core.account.DirectoryOutcome.Conflict;
import io.sessiongate.core.account.DirectoryOutcome.Reason;
import io.sessiongate.core.account.DirectoryOutcome.Reference;
import io.sessiongate.core.account.FieldError.Field;
import io.sessiongate.core.account.FieldError.Rule;
import io.sessiongate.core.event.EventAction;
import io.sessiongate.core.event.EventRecorder;
import io.sessiongate.core.event.ObjectType;
import io.sessiongate.core.persistence.Database;
import io.sessiongate.core.persistence.Tx;
import io.sessiongate.core.rescue.PresenceStatus;
import io.sessiongate.core.websession.Admission;
import io.sessiongate.core.websession.Authentication;
import io.sessiongate.core.websession.Caller;
import io.sessiongate.core.websession.CallerAuthenticator;
import io.sessiongate.core.websession.ForcedSignOut;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import org.hibernate.Session;

/**
 * The administration of an account's directory: the one place of every rule about making, changing, moving
 * and deleting users, groups and channels, assigning channels, and reading the hierarchy. The Rescue
 * administration methods call it, and so does the JSON administration API.
 *
 * <p>Every method is one transaction: the requester is admitted first (any enabled user for
 * {@link #account}, an administrator for everything else: technicians do not administer), then the nodes
 * the call names are looked up in the caller's {@link AdministrationReach reach}, then the fields are
 * checked (all of them, {@link FieldError}), then the rules of the hierarchy; the first of these that fails
 * is the answer ({@link DirectoryOutcome}), and nothing is written. A change writes through the entities
 * and records one event (USER for people, NODE for groups and channels; an ended web session records its
 * own). The directory changes of one account run one after the other: each locks the account's row before
 * it reads the tree, and one that writes bumps the account's directory version, which makes two changes on
 * two Galera nodes conflict at certification (one is retried whole and sees the other).
 *
 * <p>Folder lists: a folder list names groups; the administration reach counts a group's ancestors, so a
 * group made or moved beneath a listed group is reached at once. The lists' rows are kept in step with that
 * for the transfer scope, which looks at a technician's own group: a new group joins every folder list that
 * reaches its parent; a moved group, and every group beneath it, joins every list that reaches its new
 * parent and leaves the lists that reached it only through its old one; a deleted group leaves every list.
 * A web session keeps the snapshot of its list taken at login (refreshed by Session.Update with
 * RefreshRolesAndFolderList=Y); an auth code derives it at each call.
 */
public final class DirectoryService {

    /** The shortest password a user may be given; the longest is 72 bytes in UTF-8 (bcrypt's). */
    public static final int MIN_PASSWORD_LENGTH = DirectoryFields.MIN_PASSWORD_LENGTH;

    private static final List<NodeKind> PEOPLE = List.of(NodeKind.TECHNICIAN, NodeKind.ADMINISTRATOR,
            NodeKind.MASTER_ADMINISTRATOR);
    private static final List<NodeKind> GROUPS = List.of(NodeKind.TECHNICIAN_GROUP, NodeKind.ADMINISTRATOR_GROUP);

    private final Database db;
    private final CallerAuthenticator authenticator;
    private final PasswordHasher passwords;
    private final Clock clock;
    private final EventRecorder events;
    private final ForcedSignOut signOut;
    private final HierarchyReads reads = new HierarchyReads();

    public DirectoryService(Database db, CallerAuthenticator authenticator, PasswordHasher passwords, Clock clock,
                            EventRecorder events, ForcedSignOut signOut) {
        this.db = db;
        this.authenticator = authenticator;
        this.passwords = passwords;
        this.clock = clock;
        this.events = events;
        this.signOut = signOut;
    }

    // ------------------------------------------------------------------------------------------------ reads

    /** getAccount: the caller's account, with their own node ids and email. Any enabled user may ask. */
    public DirectoryOutcome<CallerAccount> account(Requester requester) {
        return transaction(requester, s -> {
            Admission admission = admit(s, requester, Admission.Policy.ANY_USER);
            if (admission instanceof Admission.Refused r) {
                return new DirectoryOutcome.Refused<>(r.refusal());
            }
            Caller caller = ((Admission.Admitted) admission).caller();
            return new DirectoryOutcome.Done<>(reads.callerAccount(Tx.of(s), caller.accountId(), caller.userId())
                    .orElseThrow(() -> new IllegalStateException("the caller's account is gone")));
        });
    }

    /**
     * getHierarchy(_v2): the nodes the caller reaches, of the whole account or of one node and its subtree,
     * parents before children and siblings in id order; with {@code filterOffline}, without the technicians
     * who are not Online, Away or Busy (disabled ones included).
     */
    public DirectoryOutcome<List<DirectoryNode>> hierarchy(Requester requester, HierarchyQuery query) {
        return run(requester, false, w -> {
            List<DirectoryNode> nodes;
            if (Boolean.TRUE.equals(query.isNode())) {
                Optional<DirectoryNode> start = w.reached(query.node());
                if (start.isEmpty()) {
                    return w.unreached(query.node(), Reference.NODE, k -> true);
                }
                nodes = w.tree.subtree(start.get().id());
            } else {
                nodes = w.tree.all();
            }
            List<FieldError> errors = new ArrayList<>();
            if (query.isNode() == null) {
                errors.add(FieldError.of(Field.IS_NODE, Rule.MALFORMED, "isnode is true or false."));
            }
            if (query.filterOffline() == null) {
                errors.add(FieldError.of(Field.FILTER_OFFLINE, Rule.MALFORMED, "filteroffline is true or false."));
            }
            if (!errors.isEmpty()) {
                return new DirectoryOutcome.Invalid<>(errors);
            }
            boolean onlineOnly = query.filterOffline();
            return done(nodes.stream().filter(n -> w.tree.reaches(w.caller, n))
                    .filter(n -> !onlineOnly || n.kind() != NodeKind.TECHNICIAN || n.isOnlineTechnician())
                    .toList());
        });
    }

    /** getGroup_v2: a group (or organisation node) the caller reaches. */
    public DirectoryOutcome<DirectoryNode> group(Requester requester, Long nodeId) {
        return run(requester, false, w -> w.reached(nodeId).filter(n -> n.kind().isGroup())
                .<DirectoryOutcome<DirectoryNode>>map(DirectoryService::done)
                .orElseGet(() -> w.unreached(nodeId, Reference.NODE, NodeKind::isGroup)));
    }

    /** getUser_v2: the user holding person node {@code nodeId}, if the caller reaches it. */
    public DirectoryOutcome<DirectoryNode> user(Requester requester, Long nodeId) {
        return run(requester, false, w -> w.person(nodeId)
                .<DirectoryOutcome<DirectoryNode>>map(DirectoryService::done)
                .orElseGet(() -> w.unreached(nodeId, Reference.NODE, NodeKind::isPerson)));
    }

    /** Any node the caller reaches (the JSON API's reads of one node). */
    public DirectoryOutcome<DirectoryNode> node(Requester requester, Long nodeId) {
        return run(requester, false, w -> w.reached(nodeId)
                .<DirectoryOutcome<DirectoryNode>>map(DirectoryService::done)
                .orElseGet(() -> w.unreached(nodeId, Reference.NODE, k -> true)));
    }

    /**
     * The JSON API's read of one user by id, whatever their status: {@link Reference#NODE} missing when the
     * account has no such user; forbidden when the caller reaches none of their nodes (a caller acting on the
     * whole account reaches every user, deleted ones and those without a node included).
     */
    public DirectoryOutcome<DirectoryUser> userById(Requester requester, Long userId) {
        return run(requester, false, w -> {
            User user = userId == null ? null : w.s.get(User.class, userId);
            if (user == null || user.getAccountId() != w.accountId()) {
                return missing(Reference.NODE);
            }
            return w.reaches(user) ? done(w.userView(user)) : forbidden(Reference.NODE, Reason.OUTSIDE_REACH);
        });
    }

    /**
     * The JSON API's list of users: of {@code status} ({@code Enabled}, {@code Disabled}, {@code Deleted}, in any
     * case; null: every one who is not deleted), those the caller reaches (see {@link #userById}), in id order,
     * after id {@code afterId}, at most {@code limit}. One keyset read.
     */
    public DirectoryOutcome<DirectoryUser.Page> users(Requester requester, String status, long afterId, int limit) {
        List<FieldError> fieldErrors = new ArrayList<>();
        UserStatus wanted = DirectoryFields.userStatus(status, fieldErrors);
        return run(requester, false, w -> {
            if (!fieldErrors.isEmpty()) {
                return new DirectoryOutcome.Invalid<>(fieldErrors);
            }
            Set<Long> reached = null;
            if (!w.caller.wholeAccount()) {
                reached = new TreeSet<>();
                for (DirectoryNode n : w.tree.all()) {
                    if (n.person() != null && w.tree.reaches(w.caller, n)) {
                        reached.add(n.person().userId());
                    }
                }
                if (reached.isEmpty()) {
                    return done(new DirectoryUser.Page(List.of(), null));
                }
            }
            List<HierarchyReads.UserRow> rows = reads.users(w.tx, w.accountId(), wanted, reached, afterId, limit + 1);
            List<DirectoryUser> page = rows.stream().limit(limit).map(w::userView).toList();
            return done(new DirectoryUser.Page(page, rows.size() > limit ? page.get(limit - 1).userId() : null));
        });
    }

    // ---------------------------------------------------------------------------------------------- changes

    /** createUser: see {@link NewUser}. Answers the new person node (its {@code person().userId()} the user). */
    public DirectoryOutcome<DirectoryNode> createUser(Requester requester, NewUser command) {
        return createUser(requester, command, (w, made) -> view(made.nodes().get(0), made.user(), null));
    }

    /**
     * The JSON API's user creation: see {@link NewUser#placed}. Answers the new user with the node or nodes made
     * for them (a technician node, an administrator node, or both: one user, two node ids).
     */
    public DirectoryOutcome<DirectoryUser> createPerson(Requester requester, NewUser command) {
        return createUser(requester, command, (w, made) -> w.userView(made.user()));
    }

    /** What a creation made: the user, and their nodes (the technician node first when there are two). */
    private record Made(User user, List<Node> nodes) {
    }

    /** Where a new person node goes: under {@code parent}, of {@code kind}. */
    private record Place(DirectoryNode parent, NodeKind kind) {
    }

    private <T> DirectoryOutcome<T> createUser(Requester requester, NewUser command,
                                               java.util.function.BiFunction<Work, Made, T> answer) {
        List<FieldError> fieldErrors = new ArrayList<>();
        String name = DirectoryFields.name(command.name(), fieldErrors);
        String email = DirectoryFields.email(command.email(), fieldErrors);
        String password = DirectoryFields.password(command.password(), fieldErrors);
        UserStatus status = DirectoryFields.userStatus(command.status(), fieldErrors);
        String description = DirectoryFields.description(command.description(), fieldErrors);
        return run(requester, true, w -> {
            List<FieldError> errors = new ArrayList<>(fieldErrors);
            List<Place> places = new ArrayList<>();
            if (!command.byRole()) {
                Optional<DirectoryNode> parent = w.reached(command.parentId());
                if (parent.isEmpty()) {
                    return w.unreached(command.parentId(), Reference.PARENT, k -> true);
                }
                NodeKind kind = placedUnder(PEOPLE, parent.get().kind());
                if (kind == null) {
                    errors.add(FieldError.of(Field.PARENT, Rule.CANNOT_HOLD, "A user is made in a technician group or"
                            + " an administrator group, or under Technicians, Administrators or Master Administrators."));
                } else {
                    places.add(new Place(parent.get(), kind));
                }
            } else {
                Optional<DirectoryNode> technicianParent = w.reached(command.technicianParentId());
                if (command.technicianParentId() != null && technicianParent.isEmpty()) {
                    return w.unreached(command.technicianParentId(), Reference.TECHNICIAN_PARENT, k -> true);
                }
                Optional<DirectoryNode> administratorParent = w.reached(command.administratorParentId());
                if (command.administratorParentId() != null && administratorParent.isEmpty()) {
                    return w.unreached(command.administratorParentId(), Reference.ADMINISTRATOR_PARENT, k -> true);
                }
                if ((command.roleIds() != null || command.folderListId() != null) && !w.caller.wholeAccount()) {
                    return forbidden(Reference.NODE, Reason.WHOLE_ACCOUNT_REQUIRED);
                }
                if (technicianParent.isEmpty() && administratorParent.isEmpty()) {
                    errors.add(FieldError.of(Field.TECHNICIAN_PARENT, Rule.REQUIRED, "A user is made with a technician"
                            + " group, an administrator group, or both (one user holding two nodes)."));
                }
                technicianParent.ifPresent(p -> {
                    if (NodeKind.TECHNICIAN.mayBePlacedUnder(p.kind())) {
                        places.add(new Place(p, NodeKind.TECHNICIAN));
                    } else {
                        errors.add(FieldError.of(Field.TECHNICIAN_PARENT, Rule.CANNOT_HOLD,
                                "A technician is made in a technician group or under Technicians."));
                    }
                });
                administratorParent.ifPresent(p -> {
                    NodeKind kind = placedUnder(List.of(NodeKind.ADMINISTRATOR, NodeKind.MASTER_ADMINISTRATOR),
                            p.kind());
                    if (kind != null) {
                        places.add(new Place(p, kind));
                    } else {
                        errors.add(FieldError.of(Field.ADMINISTRATOR_PARENT, Rule.CANNOT_HOLD, "An administrator is"
                                + " made in an administrator group or under Administrators, a master administrator"
                                + " under Master Administrators."));
                    }
                });
                accessRules(w, command.roleIds(), command.folderListId(), errors);
            }
            if (email != null && reads.emailTaken(w.tx, w.accountId(), email, null)) {
                errors.add(taken());
            }
            if (status == UserStatus.DELETED) {
                errors.add(FieldError.of(Field.STATUS, Rule.NOT_ALLOWED, "A user is made Enabled or Disabled."));
            } else if (status == UserStatus.ENABLED && (email == null || password == null)) {
                errors.add(needsEmailAndPassword());
            }
            if (!errors.isEmpty()) {
                return new DirectoryOutcome.Invalid<>(errors);
            }
            String userName = name != null ? name : "New " + switch (places.get(0).kind()) {
                case TECHNICIAN -> "Technician";
                case ADMINISTRATOR -> "Administrator";
                default -> "Master Administrator";
            };
            User user = new User(w.accountId(), email == null ? "" : email, userName,
                    password == null ? "" : passwords.hash(password), w.now);
            user.setStatus(status != null ? status : email != null && password != null ? UserStatus.ENABLED
                    : UserStatus.DISABLED);
            List<Node> nodes = new ArrayList<>();
            for (Place place : places) {
                Node node = new Node(AccountService.nextNodeId(w.s), w.accountId(), place.kind(), place.parent().id(),
                        userName, w.now);
                node.setDescription(description == null ? "" : description);
                w.s.persist(node);
                nodes.add(node);
                if (place.kind() == NodeKind.TECHNICIAN) {
                    user.setTechNodeId(node.getId());
                } else {
                    user.setAdminNodeId(node.getId());
                }
                if (command.roleIds() == null) {
                    roleFor(w, place.kind()).ifPresent(role -> user.getRoleIds().add(role));
                }
            }
            if (command.roleIds() != null) {
                user.getRoleIds().addAll(command.roleIds());
            }
            user.setFolderListId(command.folderListId());
            w.s.persist(user);
            w.s.flush();
            w.changed();
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("nodeId", nodes.get(0).getId());
            after.put("kind", places.get(0).kind().name());
            after.put("parentId", nodes.get(0).getParentId());
            if (nodes.size() > 1) {
                after.put("otherNodeId", nodes.get(1).getId());
                after.put("otherKind", places.get(1).kind().name());
                after.put("otherParentId", nodes.get(1).getParentId());
            }
            after.put("name", userName);
            after.put("email", user.getEmail());
            after.put("status", user.getStatus().name());
            after.put("roleIds", new TreeSet<>(user.getRoleIds()));
            if (user.getFolderListId() != null) {
                after.put("folderListId", user.getFolderListId());
            }
            w.record(ObjectType.USER, user.getId(), EventAction.CREATED, null, after);
            return done(answer.apply(w, new Made(user, nodes)));
        });
    }

    /** Roles and a folder list given to a user: the account's own, or a broken rule each. */
    private void accessRules(Work w, List<Long> roleIds, Long folderListId, List<FieldError> errors) {
        if (roleIds != null && (roleIds.stream().anyMatch(Objects::isNull)
                || !reads.roleIds(w.tx, w.accountId()).containsAll(roleIds))) {
            errors.add(FieldError.of(Field.ROLES, Rule.UNKNOWN_ID, "Roles are ids of the account's roles."));
        }
        if (folderListId != null && !reads.folderListOf(w.tx, w.accountId(), folderListId)) {
            errors.add(FieldError.of(Field.FOLDER_LIST, Rule.UNKNOWN_ID,
                    "A folder list is the id of one of the account's folder lists."));
        }
    }

    /** setUser_v2: see {@link UserChange}. Disabling or deleting cuts the user off at once ({@link ForcedSignOut}). */
    public DirectoryOutcome<DirectoryNode> changeUser(Requester requester, UserChange change) {
        return changeUser(requester, change, false, (w, c) -> c.answer());
    }

    /**
     * The JSON API's change of a user named by id ({@link UserChange#ofUser}): their name, email, password,
     * status, roles and own folder list, under the version the caller read. Answers the user as changed.
     */
    public DirectoryOutcome<DirectoryUser> changePerson(Requester requester, UserChange change) {
        return changeUser(requester, change, false, (w, c) -> w.userView(c.user()));
    }

    /** setUserStatus: {@code Enabled}, {@code Disabled} or {@code Deleted}, in any case; required. */
    public DirectoryOutcome<DirectoryNode> changeUserStatus(Requester requester, Long nodeId, String status) {
        return changeUser(requester, UserChange.status(nodeId, status), true, (w, c) -> c.answer());
    }

    /** What a user change came to: the user, and the node to answer (the one named, as it is now). */
    private record UserChanged(User user, DirectoryNode answer) {
    }

    private <T> DirectoryOutcome<T> changeUser(Requester requester, UserChange c, boolean statusRequired,
                                               java.util.function.BiFunction<Work, UserChanged, T> answer) {
        List<FieldError> fieldErrors = new ArrayList<>();
        String name = DirectoryFields.name(c.name(), fieldErrors);
        String nick = DirectoryFields.line(c.nick(), Field.NICK, DirectoryFields.MAX_NICK, fieldErrors);
        String email = DirectoryFields.email(c.email(), fieldErrors);
        String ssoId = DirectoryFields.line(c.ssoId(), Field.SSO_ID, DirectoryFields.MAX_SSO_ID, fieldErrors);
        String password = DirectoryFields.password(c.password(), fieldErrors);
        if (c.password() != null && !c.password().isEmpty() && c.passwordConfirmation() != null
                && !c.passwordConfirmation().equals(c.password())) {
            fieldErrors.add(FieldError.of(Field.PASSWORD_CONFIRMATION, Rule.MISMATCH,
                    "The confirmation differs from the password."));
        }
        UserStatus status = DirectoryFields.userStatus(c.status(), fieldErrors);
        if (statusRequired && (c.status() == null || c.status().isBlank())) {
            fieldErrors.add(FieldError.of(Field.STATUS, Rule.REQUIRED, "The status is Enabled, Disabled or Deleted."));
        }
        String description = DirectoryFields.description(c.description(), fieldErrors);
        return run(requester, true, w -> {
            User user;
            DirectoryNode named; // the node the change names (by node), or the user's first live node (by user)
            if (c.userId() == null) {
                Optional<DirectoryNode> target = w.person(c.nodeId());
                if (target.isEmpty()) {
                    return w.unreached(c.nodeId(), Reference.NODE, NodeKind::isPerson);
                }
                named = target.get();
                user = w.s.get(User.class, named.person().userId());
            } else {
                user = w.s.get(User.class, c.userId());
                if (user == null || user.getAccountId() != w.accountId()) {
                    return missing(Reference.NODE);
                }
                if (!w.reaches(user)) {
                    return forbidden(Reference.NODE, Reason.OUTSIDE_REACH);
                }
                named = w.liveNodes(user).stream().findFirst().orElse(null);
            }
            if (c.changesAccess() && !w.caller.wholeAccount()) {
                return forbidden(Reference.NODE, Reason.WHOLE_ACCOUNT_REQUIRED);
            }
            if (c.expectedVersion() != null && c.expectedVersion() != user.getVersion()) {
                return new DirectoryOutcome.Stale<>();
            }
            boolean self = Objects.equals(w.caller.userId(), user.getId());
            List<FieldError> errors = new ArrayList<>(fieldErrors);
            if (email != null && !email.equals(user.getEmail())
                    && reads.emailTaken(w.tx, w.accountId(), email, user.getId())) {
                errors.add(taken());
            }
            if (self && password != null && !passwords.matches(c.currentPassword(), user.getPasswordHash())) {
                boolean given = c.currentPassword() != null && !c.currentPassword().isEmpty();
                errors.add(FieldError.of(Field.CURRENT_PASSWORD, given ? Rule.WRONG : Rule.REQUIRED,
                        "Changing one's own password needs the current one."));
            }
            if (status != null && status != UserStatus.ENABLED && self) {
                errors.add(FieldError.of(Field.STATUS, Rule.SELF, "A user does not disable or delete themself."));
            } else if (status == UserStatus.ENABLED && user.getStatus() != UserStatus.ENABLED
                    && ((email == null ? user.getEmail() : email).isEmpty() || password == null && !user.hasPassword())) {
                errors.add(needsEmailAndPassword());
            } else if (status == UserStatus.DELETED && user.getTechNodeId() != null
                    && reads.holdsLiveSessions(w.tx, user.getTechNodeId())) {
                errors.add(FieldError.of(Field.STATUS, Rule.LIVE_SESSIONS,
                        "The technician still has support sessions that are not closed."));
            }
            accessRules(w, c.roleIds(), c.folderListId(), errors);
            if (!errors.isEmpty()) {
                return new DirectoryOutcome.Invalid<>(errors);
            }
            if (user.getStatus() == UserStatus.DELETED) {
                return conflict(Conflict.USER_DELETED);
            }
            List<Node> nodes = new ArrayList<>();
            for (Long id : nodesOf(user)) {
                Node n = w.s.get(Node.class, id);
                if (n != null && !n.isDeleted()) {
                    nodes.add(n);
                }
            }
            Node node = named == null ? null : w.s.get(Node.class, named.id());
            Map<String, Object> before = new LinkedHashMap<>();
            Map<String, Object> after = new LinkedHashMap<>();
            if (c.userId() == null) {
                before.put("nodeId", node.getId());
                after.put("nodeId", node.getId());
            }
            int unchanged = after.size();
            if (name != null && !name.equals(user.getName())) {
                changed(before, after, "name", user.getName(), name);
                user.setName(name);
                nodes.forEach(n -> n.setName(name));
            }
            if (nick != null && !nick.equals(user.getNick())) {
                changed(before, after, "nick", user.getNick(), nick);
                user.setNick(nick);
            }
            if (email != null && !email.equals(user.getEmail())) {
                changed(before, after, "email", user.getEmail(), email);
                user.setEmail(email);
            }
            if (ssoId != null && !ssoId.equals(user.getSsoId())) {
                changed(before, after, "ssoId", user.getSsoId(), ssoId);
                user.setSsoId(ssoId);
            }
            if (password != null) {
                user.setPasswordHash(passwords.hash(password));
                after.put("password", "changed"); // never the password, nor its hash
            }
            if (description != null) {
                for (Node n : c.userId() == null ? List.of(node) : nodes) {
                    if (!description.equals(n.getDescription())) {
                        changed(before, after, "description", n.getDescription(), description);
                        n.setDescription(description);
                    }
                }
            }
            if (c.roleIds() != null && !new HashSet<>(c.roleIds()).equals(user.getRoleIds())) {
                changed(before, after, "roleIds", new TreeSet<>(user.getRoleIds()), new TreeSet<>(c.roleIds()));
                user.getRoleIds().clear();
                user.getRoleIds().addAll(c.roleIds());
            }
            Long folderList = c.removeFolderList() ? null : c.folderListId() != null ? c.folderListId()
                    : user.getFolderListId();
            if (!Objects.equals(folderList, user.getFolderListId())) {
                changed(before, after, "folderListId", user.getFolderListId(), folderList);
                user.setFolderListId(folderList);
            }
            if (status != null && status != user.getStatus()) {
                changed(before, after, "status", user.getStatus().name(), status.name());
                applyStatus(w, user, status, after);
            }
            if (after.size() == unchanged) {
                return done(answer.apply(w, new UserChanged(user, named))); // nothing to change
            }
            w.changed();
            w.record(ObjectType.USER, user.getId(), status == UserStatus.DELETED ? EventAction.DELETED
                    : EventAction.CHANGED, before, after);
            w.s.flush();
            DirectoryNode now = node == null ? null : view(node, user, user.getStatus() == UserStatus.ENABLED
                    && named.person() != null ? named.person().presence() : null);
            return done(answer.apply(w, new UserChanged(user, now)));
        });
    }

    /** createGroup: see {@link NewGroup}. Answers the new group. */
    public DirectoryOutcome<DirectoryNode> createGroup(Requester requester, NewGroup command) {
        List<FieldError> fieldErrors = new ArrayList<>();
        String name = DirectoryFields.name(command.name(), fieldErrors);
        NodeStatus status = DirectoryFields.nodeStatus(command.status(), fieldErrors);
        String description = DirectoryFields.description(command.description(), fieldErrors);
        NodeKind wanted = command.kind() == null ? null
                : DirectoryFields.groupKind(command.kind(), fieldErrors);
        return run(requester, true, w -> {
            Long parentId = command.parentId();
            if (parentId == null && command.kind() != null && wanted == null) {
                return new DirectoryOutcome.Invalid<>(fieldErrors); // the kind asked is not one: say so
            }
            if (parentId == null && wanted != null) {
                parentId = w.tree.ofKind(wanted.defaultParent()).map(DirectoryNode::id).orElse(null);
            }
            Optional<DirectoryNode> parent = w.reached(parentId);
            if (parent.isEmpty()) {
                return w.unreached(parentId, Reference.PARENT, k -> true);
            }
            List<FieldError> errors = new ArrayList<>(fieldErrors);
            NodeKind kind = placedUnder(wanted == null ? GROUPS : List.of(wanted), parent.get().kind());
            if (kind == null) {
                errors.add(FieldError.of(Field.PARENT, Rule.CANNOT_HOLD, "A technician group is made in a technician"
                        + " group or under Technicians, an administrator group in an administrator group or under"
                        + " Administrators."));
            }
            if (!errors.isEmpty()) {
                return new DirectoryOutcome.Invalid<>(errors);
            }
            String groupName = name != null ? name
                    : kind == NodeKind.TECHNICIAN_GROUP ? "New Technician Group" : "New Administrator Group";
            Node node = new Node(AccountService.nextNodeId(w.s), w.accountId(), kind, parent.get().id(), groupName,
                    w.now);
            node.setStatus(status == null ? NodeStatus.ENABLED : status);
            node.setDescription(description == null ? "" : description);
            w.s.persist(node);
            List<Long> joined = new ArrayList<>();
            Set<Long> reachingParent = new HashSet<>(w.tree.selfAndAncestorIds(parent.get().id()));
            for (FolderList list : folderLists(w)) {
                if (intersects(list.getGroupIds(), reachingParent)) {
                    list.getGroupIds().add(node.getId());
                    joined.add(list.getId());
                }
            }
            w.changed();
            Map<String, Object> after = nodeState(node);
            after.put("joinedFolderLists", joined);
            w.record(ObjectType.NODE, node.getId(), EventAction.CREATED, null, after);
            return done(view(node, null, null));
        });
    }

    /** setGroup (and the JSON API's change of a group or channel): name, status, description. */
    public DirectoryOutcome<DirectoryNode> changeGroup(Requester requester, GroupChange change) {
        List<FieldError> fieldErrors = new ArrayList<>();
        String name = DirectoryFields.name(change.name(), fieldErrors);
        NodeStatus status = DirectoryFields.nodeStatus(change.status(), fieldErrors);
        String description = DirectoryFields.description(change.description(), fieldErrors);
        return run(requester, true, w -> {
            Optional<DirectoryNode> target = w.reached(change.nodeId())
                    .filter(n -> n.kind().isGroup() || n.kind() == NodeKind.CHANNEL);
            if (target.isEmpty()) {
                return w.unreached(change.nodeId(), Reference.NODE, k -> k.isGroup() || k == NodeKind.CHANNEL);
            }
            if (!fieldErrors.isEmpty()) {
                return new DirectoryOutcome.Invalid<>(fieldErrors);
            }
            if (target.get().kind().isOrganisation()) {
                return conflict(Conflict.CHANGE_ORGANISATION_NODE);
            }
            Node node = w.s.get(Node.class, target.get().id());
            Map<String, Object> before = new LinkedHashMap<>();
            Map<String, Object> after = new LinkedHashMap<>();
            if (name != null && !name.equals(node.getName())) {
                changed(before, after, "name", node.getName(), name);
                node.setName(name);
            }
            if (status != null && status != node.getStatus()) {
                changed(before, after, "status", node.getStatus().name(), status.name());
                node.setStatus(status);
            }
            if (description != null && !description.equals(node.getDescription())) {
                changed(before, after, "description", node.getDescription(), description);
                node.setDescription(description);
            }
            if (after.isEmpty()) {
                return done(target.get());
            }
            w.changed();
            w.record(ObjectType.NODE, node.getId(), EventAction.CHANGED, before, after);
            w.s.flush();
            return done(view(node, null, null));
        });
    }

    /**
     * The JSON API's change of a node: see {@link NodeChange}. A group's or channel's name, status and description,
     * a person node's description, and a move of a group, person or channel under another parent (where
     * {@link NodeKind#mayBePlacedUnder} allows, never into itself; a group's folder lists follow it), all under the
     * version the caller read, in one event: {@code MOVED} when only the place changed, else {@code CHANGED}
     * (a person's, as USER; the rest as NODE). The root and the organisation nodes are never changed or moved.
     */
    public DirectoryOutcome<DirectoryNode> changeNode(Requester requester, NodeChange change) {
        List<FieldError> fieldErrors = new ArrayList<>();
        String name = DirectoryFields.name(change.name(), fieldErrors);
        NodeStatus status = DirectoryFields.nodeStatus(change.status(), fieldErrors);
        String description = DirectoryFields.description(change.description(), fieldErrors);
        return run(requester, true, w -> {
            Optional<DirectoryNode> found = w.reached(change.nodeId());
            if (found.isEmpty()) {
                return w.unreached(change.nodeId(), Reference.NODE, k -> true);
            }
            Optional<DirectoryNode> target = Optional.empty();
            if (change.parentId() != null) {
                target = w.reached(change.parentId()).filter(t -> t.kind().isGroup() || t.kind() == NodeKind.ROOT);
                if (target.isEmpty()) {
                    return w.unreached(change.parentId(), Reference.TARGET,
                            k -> k.isGroup() || k == NodeKind.ROOT);
                }
            }
            DirectoryNode n = found.get();
            if (change.expectedVersion() != null && change.expectedVersion() != n.version()) {
                return new DirectoryOutcome.Stale<>();
            }
            List<FieldError> errors = new ArrayList<>(fieldErrors);
            if (n.kind().isPerson()) {
                if (change.name() != null) {
                    errors.add(FieldError.of(Field.NAME, Rule.NOT_ALLOWED,
                            "A person's name is their user's: change it on the user."));
                }
                if (change.status() != null) {
                    errors.add(FieldError.of(Field.STATUS, Rule.NOT_ALLOWED,
                            "A person is enabled or disabled as a user: change the user's status."));
                }
            }
            if (!errors.isEmpty()) {
                return new DirectoryOutcome.Invalid<>(errors);
            }
            if (n.kind().isOrganisation()) {
                return conflict(change.name() != null || change.status() != null || change.description() != null
                        ? Conflict.CHANGE_ORGANISATION_NODE : Conflict.MOVE_ORGANISATION_NODE);
            }
            if (target.isPresent()) {
                if (!n.kind().mayBePlacedUnder(target.get().kind())) {
                    return conflict(Conflict.MOVE_WRONG_KIND);
                }
                if (w.tree.isWithin(target.get().id(), n.id())) {
                    return conflict(Conflict.MOVE_INTO_ITSELF);
                }
            }
            Node node = w.s.get(Node.class, n.id());
            Map<String, Object> before = new LinkedHashMap<>();
            Map<String, Object> after = new LinkedHashMap<>();
            before.put("nodeId", n.id());
            after.put("nodeId", n.id());
            if (name != null && !name.equals(node.getName())) {
                changed(before, after, "name", node.getName(), name);
                node.setName(name);
            }
            if (status != null && status != node.getStatus()) {
                changed(before, after, "status", node.getStatus().name(), status.name());
                node.setStatus(status);
            }
            if (description != null && !description.equals(node.getDescription())) {
                changed(before, after, "description", node.getDescription(), description);
                node.setDescription(description);
            }
            boolean fields = after.size() > 1;
            if (target.isPresent() && !Objects.equals(n.parentId(), target.get().id())) {
                changed(before, after, "parentId", n.parentId(), target.get().id());
                if (n.kind().isGroup()) {
                    followFolderLists(w, n, n.parentId(), target.get().id(), after);
                }
                node.setParentId(target.get().id());
            }
            if (after.size() == 1) {
                return done(n); // nothing to change
            }
            w.changed();
            boolean person = n.kind().isPerson() && n.person() != null;
            w.record(person ? ObjectType.USER : ObjectType.NODE, person ? n.person().userId() : n.id(),
                    fields ? EventAction.CHANGED : EventAction.MOVED, before, after);
            w.s.flush();
            return done(new DirectoryNode(node.getId(), node.getAccountId(), node.getParentId(), node.getKind(),
                    node.getName(), node.getDescription(), node.getStatus(), n.person(), node.getAssignedGroupIds(),
                    node.getVersion()));
        });
    }

    /** A channel under the account's root: only a caller who reaches the root (the whole account) makes one. */
    public DirectoryOutcome<DirectoryNode> createChannel(Requester requester, NewChannel command) {
        List<FieldError> fieldErrors = new ArrayList<>();
        String name = DirectoryFields.name(command.name(), fieldErrors);
        NodeStatus status = DirectoryFields.nodeStatus(command.status(), fieldErrors);
        String description = DirectoryFields.description(command.description(), fieldErrors);
        return run(requester, true, w -> {
            DirectoryNode root = w.tree.root();
            if (root == null) {
                return missing(Reference.PARENT);
            }
            if (!w.tree.reaches(w.caller, root)) {
                return forbidden(Reference.PARENT, Reason.OUTSIDE_REACH);
            }
            if (!fieldErrors.isEmpty()) {
                return new DirectoryOutcome.Invalid<>(fieldErrors);
            }
            Node node = new Node(AccountService.nextNodeId(w.s), w.accountId(), NodeKind.CHANNEL, root.id(),
                    name != null ? name : "New Channel", w.now);
            node.setStatus(status == null ? NodeStatus.ENABLED : status);
            node.setDescription(description == null ? "" : description);
            w.s.persist(node);
            w.changed();
            w.record(ObjectType.NODE, node.getId(), EventAction.CREATED, null, nodeState(node));
            return done(view(node, null, null));
        });
    }


    /**
     * moveNode: {@code nodeId} goes under {@code targetId}. The target must be a group (or the root) the caller
     * reaches ({@link Reference#TARGET} otherwise); the node may only go where {@link NodeKind#mayBePlacedUnder}
     * allows, never into itself, and organisation nodes never move ({@link Conflict}). A group's folder lists
     * follow it (see the class comment). Moving a node where it is already is done, and changes nothing.
     */
    public DirectoryOutcome<DirectoryNode> moveNode(Requester requester, Long nodeId, Long targetId) {
        return run(requester, true, w -> {
            Optional<DirectoryNode> found = w.reached(nodeId);
            if (found.isEmpty()) {
                return w.unreached(nodeId, Reference.NODE, k -> true);
            }
            Optional<DirectoryNode> target = w.reached(targetId)
                    .filter(t -> t.kind().isGroup() || t.kind() == NodeKind.ROOT);
            if (target.isEmpty()) {
                return w.unreached(targetId, Reference.TARGET, k -> k.isGroup() || k == NodeKind.ROOT);
            }
            DirectoryNode n = found.get();
            DirectoryNode t = target.get();
            if (n.kind().isOrganisation()) {
                return conflict(Conflict.MOVE_ORGANISATION_NODE);
            }
            if (!n.kind().mayBePlacedUnder(t.kind())) {
                return conflict(Conflict.MOVE_WRONG_KIND);
            }
            if (w.tree.isWithin(t.id(), n.id())) {
                return conflict(Conflict.MOVE_INTO_ITSELF);
            }
            if (Objects.equals(n.parentId(), t.id())) {
                return done(n);
            }
            Map<String, Object> before = new LinkedHashMap<>();
            Map<String, Object> after = new LinkedHashMap<>();
            before.put("nodeId", n.id());
            after.put("nodeId", n.id());
            changed(before, after, "parentId", n.parentId(), t.id());
            if (n.kind().isGroup()) {
                followFolderLists(w, n, n.parentId(), t.id(), after);
            }
            w.s.get(Node.class, n.id()).setParentId(t.id());
            w.changed();
            boolean person = n.kind().isPerson() && n.person() != null;
            w.record(person ? ObjectType.USER : ObjectType.NODE, person ? n.person().userId() : n.id(),
                    EventAction.MOVED, before, after);
            return done(n.movedTo(t.id()));
        });
    }

    /**
     * deleteNode. Refused for the caller's own node (even outside their reach: "an administrator cannot delete
     * himself"), for the root and organisation nodes, for a group that still
     * holds people or groups, and for a technician or channel with support sessions that are not closed. A
     * deleted person node: when it was its user's only node the user is Deleted (cut off at once, its email free
     * for a new user); when the user holds another node, that one stays and this one is taken from them. A
     * deleted group leaves every folder list and channel; a deleted channel serves no group. The node row stays
     * as the anchor of its history and is gone from everything else. Answers the node as it was.
     */
    public DirectoryOutcome<DirectoryNode> deleteNode(Requester requester, Long nodeId) {
        return run(requester, true, w -> {
            // One's own node is refused as such even outside one's reach: the caller knows it already.
            if (w.tree.get(nodeId).map(DirectoryNode::person)
                    .filter(p -> Objects.equals(p.userId(), w.caller.userId())).isPresent()) {
                return conflict(Conflict.DELETE_SELF);
            }
            Optional<DirectoryNode> found = w.reached(nodeId);
            if (found.isEmpty()) {
                return w.unreached(nodeId, Reference.NODE, k -> true);
            }
            DirectoryNode n = found.get();
            if (n.kind().isOrganisation()) {
                return conflict(Conflict.DELETE_ORGANISATION_NODE);
            }
            if (n.kind().isGroup() && !w.tree.children(n.id()).isEmpty()) {
                return conflict(Conflict.DELETE_NOT_EMPTY);
            }
            if ((n.kind() == NodeKind.TECHNICIAN || n.kind() == NodeKind.CHANNEL)
                    && reads.holdsLiveSessions(w.tx, n.id())) {
                return conflict(Conflict.DELETE_LIVE_SESSIONS);
            }
            Node node = w.s.get(Node.class, n.id());
            Map<String, Object> before = nodeState(node);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("nodeId", n.id());
            after.put("deleted", true);
            w.changed();
            if (n.kind().isPerson() && n.person() != null) {
                User user = w.s.get(User.class, n.person().userId());
                boolean technicianNode = n.id() == Objects.requireNonNullElse(user.getTechNodeId(), -1L);
                Long other = technicianNode ? user.getAdminNodeId() : user.getTechNodeId();
                Node otherNode = other == null ? null : w.s.get(Node.class, other);
                node.setDeletedAt(w.now);
                if (otherNode != null && !otherNode.isDeleted()) {
                    if (technicianNode) {
                        user.setTechNodeId(null);
                    } else {
                        user.setAdminNodeId(null);
                    }
                    after.put("userKeeps", other);
                    w.record(ObjectType.USER, user.getId(), EventAction.CHANGED, before, after);
                } else {
                    before.put("status", user.getStatus().name());
                    after.put("status", UserStatus.DELETED.name());
                    applyStatus(w, user, UserStatus.DELETED, after);
                    w.record(ObjectType.USER, user.getId(), EventAction.DELETED, before, after);
                }
                return done(n);
            }
            if (n.kind().isGroup()) {
                List<Long> left = new ArrayList<>();
                for (FolderList list : folderLists(w)) {
                    if (list.getGroupIds().remove(n.id())) {
                        left.add(list.getId());
                    }
                }
                List<Long> channels = new ArrayList<>();
                for (DirectoryNode c : w.tree.all()) {
                    if (c.kind() == NodeKind.CHANNEL && c.channelGroupIds().contains(n.id())) {
                        w.s.get(Node.class, c.id()).getAssignedGroupIds().remove(n.id());
                        channels.add(c.id());
                    }
                }
                after.put("leftFolderLists", left);
                after.put("unassignedChannels", channels);
            } else if (n.kind() == NodeKind.CHANNEL) {
                after.put("unassignedGroups", new TreeSet<>(node.getAssignedGroupIds()));
                node.getAssignedGroupIds().clear();
            }
            node.setDeletedAt(w.now);
            w.record(ObjectType.NODE, n.id(), EventAction.DELETED, before, after);
            return done(n);
        });
    }

    /**
     * assignChannel: channel {@code channelId} (the Rescue {@code entry}) serves technician group {@code groupId}
     * (the Rescue {@code node}) too. Channels serve technician groups or the Technicians node only: a technician,
     * or an administrator group, is {@link Conflict#ASSIGN_NOT_A_TECHNICIAN_GROUP}. Assigning again is done and
     * changes nothing. Answers the channel.
     */
    public DirectoryOutcome<DirectoryNode> assignChannel(Requester requester, Long groupId, Long channelId) {
        return assignment(requester, groupId, channelId, true);
    }

    /** unassignChannel: the channel stops serving the group; {@link Conflict#UNASSIGN_NOT_ASSIGNED} when it did not. */
    public DirectoryOutcome<DirectoryNode> unassignChannel(Requester requester, Long groupId, Long channelId) {
        return assignment(requester, groupId, channelId, false);
    }

    private DirectoryOutcome<DirectoryNode> assignment(Requester requester, Long groupId, Long channelId,
                                                       boolean assign) {
        return run(requester, true, w -> {
            Optional<DirectoryNode> group = w.reached(groupId);
            if (group.isEmpty()) {
                return w.unreached(groupId, Reference.NODE, k -> true);
            }
            Optional<DirectoryNode> channel = w.reached(channelId).filter(c -> c.kind() == NodeKind.CHANNEL);
            if (channel.isEmpty()) {
                return w.unreached(channelId, Reference.ENTRY, k -> k == NodeKind.CHANNEL);
            }
            DirectoryNode g = group.get();
            DirectoryNode c = channel.get();
            if (g.kind() != NodeKind.TECHNICIAN_GROUP && g.kind() != NodeKind.TECHNICIANS) {
                return conflict(Conflict.ASSIGN_NOT_A_TECHNICIAN_GROUP);
            }
            boolean assigned = c.channelGroupIds().contains(g.id());
            if (assigned == assign) {
                return assign ? done(c) : conflict(Conflict.UNASSIGN_NOT_ASSIGNED);
            }
            Node node = w.s.get(Node.class, c.id());
            if (assign) {
                node.getAssignedGroupIds().add(g.id());
            } else {
                node.getAssignedGroupIds().remove(g.id());
            }
            w.changed();
            w.record(ObjectType.NODE, c.id(), assign ? EventAction.ASSIGNED : EventAction.UNASSIGNED,
                    Map.of("groupIds", new TreeSet<>(c.channelGroupIds())),
                    Map.of("groupIds", new TreeSet<>(node.getAssignedGroupIds()), "groupId", g.id()));
            w.s.flush();
            return done(view(node, null, null));
        });
    }

    // ----------------------------------------------------------------------------------------------- shared

    /** One call's transaction: who asks, the account's live tree as read now, and for a change its locked account. */
    private final class Work {
        final Session s;
        final Tx tx;
        final Caller caller;
        final DirectoryTree tree;
        final Instant now;
        final Account account;
        private boolean changed;

        Work(Session s, Caller caller, Account account, Instant now) {
            this.s = s;
            this.tx = Tx.of(s);
            this.caller = caller;
            this.account = account;
            this.now = now;
            this.tree = reads.tree(tx, caller.accountId(), now);
        }

        long accountId() {
            return caller.accountId();
        }

        /** The live node {@code id} if the caller reaches it. */
        Optional<DirectoryNode> reached(Long id) {
            return tree.reached(caller, id);
        }

        /** The live person node {@code id}, held by a user, if the caller reaches it. */
        Optional<DirectoryNode> person(Long id) {
            return reached(id).filter(n -> n.kind().isPerson() && n.person() != null);
        }

        /**
         * Why node {@code id}, which the caller does not reach as {@code reference} needs, is refused: a live node
         * of the account of a kind {@code kinds} accepts is {@link DirectoryOutcome.Forbidden} (outside their
         * reach); anything else (no such node, deleted, another account's, a kind the parameter cannot name) is
         * {@link DirectoryOutcome.Missing}.
         */
        <T> DirectoryOutcome<T> unreached(Long id, Reference reference, Predicate<NodeKind> kinds) {
            return tree.get(id).filter(n -> kinds.test(n.kind())).isPresent()
                    ? forbidden(reference, Reason.OUTSIDE_REACH) : missing(reference);
        }

        /** The user's live nodes, technician node first. */
        List<DirectoryNode> liveNodes(User user) {
            List<DirectoryNode> nodes = new ArrayList<>(2);
            tree.get(user.getTechNodeId()).ifPresent(nodes::add);
            tree.get(user.getAdminNodeId()).ifPresent(nodes::add);
            return nodes;
        }

        /** Whether the caller reaches the user: the whole account, or one of their live nodes. */
        boolean reaches(User user) {
            return caller.wholeAccount() || liveNodes(user).stream().anyMatch(n -> tree.reaches(caller, n));
        }

        /**
         * The user as the JSON API shows them, with where their live nodes hang, as this transaction has them
         * (nodes made or moved in it included); flushed first, so that the version is the one committed.
         */
        DirectoryUser userView(User user) {
            s.flush();
            return user(user.getId(), user.getAccountId(), user.getEmail(), user.getName(), user.getNick(),
                    user.getSsoId(), user.getStatus(), liveNode(user.getTechNodeId()),
                    liveNode(user.getAdminNodeId()), user.getRoleIds(), user.getFolderListId(), user.getCreatedAt(),
                    user.getVersion());
        }

        /** A user as read (the lists), with where their live nodes hang in the tree. */
        DirectoryUser userView(HierarchyReads.UserRow r) {
            return user(r.id(), r.accountId(), r.email(), r.name(), r.nick(), r.ssoId(), r.status(),
                    tree.get(r.techNodeId()).orElse(null), tree.get(r.adminNodeId()).orElse(null), r.roleIds(),
                    r.folderListId(), r.createdAt(), r.version());
        }

        private DirectoryNode liveNode(Long id) {
            Node n = id == null ? null : s.get(Node.class, id);
            return n == null || n.isDeleted() ? null : view(n, null, null);
        }

        private DirectoryUser user(long id, long accountId, String email, String name, String nick, String ssoId,
                                   UserStatus status, DirectoryNode tech, DirectoryNode admin, Set<Long> roleIds,
                                   Long folderListId, Instant createdAt, long version) {
            return new DirectoryUser(id, accountId, email, name, nick, ssoId, status,
                    tech == null ? null : tech.id(), tech == null ? null : tech.parentId(),
                    admin == null ? null : admin.id(), admin == null ? null : admin.parentId(),
                    admin == null ? null : admin.kind(), roleIds, folderListId,
                    createdAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS), version);
        }

        /** Marks the account's directory changed: the one write concurrent changes of the account conflict on. */
        void changed() {
            if (!changed) {
                account.directoryChanged();
                changed = true;
            }
        }

        void record(ObjectType type, long id, EventAction action, Map<String, ?> before, Map<String, ?> after) {
            events.record(tx, accountId(), type, id, action, before, after, caller.userId());
        }
    }

    /** Admits the requester as an administrator, then runs {@code body}; a change first locks the account's row. */
    private <T> DirectoryOutcome<T> run(Requester requester, boolean change, Function<Work, DirectoryOutcome<T>> body) {
        return transaction(requester, s -> {
            Admission admission = admit(s, requester, Admission.Policy.ADMINISTRATOR);
            if (admission instanceof Admission.Refused r) {
                return new DirectoryOutcome.Refused<>(r.refusal());
            }
            Caller caller = ((Admission.Admitted) admission).caller();
            Account account = null;
            if (change) {
                account = s.find(Account.class, caller.accountId(), LockModeType.PESSIMISTIC_WRITE);
                if (account == null) {
                    throw new IllegalStateException("the caller's account is gone");
                }
            }
            return body.apply(new Work(s, caller, account, clock.instant()));
        });
    }

    /** {@code work} in a transaction of its own, or in the open one of a {@link Requester.Within}. */
    private <T> T transaction(Requester requester, Function<Session, T> work) {
        return requester instanceof Requester.Within within ? work.apply(within.session()) : db.inTransaction(work);
    }

    private Admission admit(Session s, Requester requester, Admission.Policy policy) {
        if (requester instanceof Requester.WithCredentials w) {
            return authenticator.admit(s, w.credentials(), policy);
        }
        Caller caller = requester instanceof Requester.Within w ? w.caller() : ((Requester.AsCaller) requester).caller();
        return Admission.of(new Authentication.Authenticated(caller), policy);
    }

    /** Sets the user's status; one not Enabled any more is cut off at once; a Deleted one loses their nodes. */
    private void applyStatus(Work w, User user, UserStatus status, Map<String, Object> after) {
        user.setStatus(status);
        if (status != UserStatus.ENABLED) {
            ForcedSignOut.Done cut = signOut.signOut(w.tx, user.getId(), w.caller.userId());
            after.put("endedWebSessions", cut.endedWebSessionIds());
            after.put("authCodeRevoked", cut.authCodeRevoked());
        }
        if (status == UserStatus.DELETED) {
            for (Long id : nodesOf(user)) {
                Node n = w.s.get(Node.class, id);
                if (n != null && !n.isDeleted()) {
                    n.setDeletedAt(w.now);
                }
            }
        }
    }

    /**
     * A moved group, and every group beneath it, joins the folder lists that reach the new parent and leaves the
     * lists that reached it only through the old one.
     */
    private void followFolderLists(Work w, DirectoryNode group, Long oldParent, long newParent,
                                   Map<String, Object> after) {
        Set<Long> moved = new TreeSet<>();
        w.tree.subtree(group.id()).stream().filter(n -> n.kind().isGroup()).forEach(n -> moved.add(n.id()));
        Set<Long> oldWay = oldParent == null ? Set.of() : new HashSet<>(w.tree.selfAndAncestorIds(oldParent));
        Set<Long> newWay = new HashSet<>(w.tree.selfAndAncestorIds(newParent));
        List<Long> joined = new ArrayList<>();
        List<Long> left = new ArrayList<>();
        for (FolderList list : folderLists(w)) {
            if (intersects(list.getGroupIds(), newWay)) {
                if (list.getGroupIds().addAll(moved)) {
                    joined.add(list.getId());
                }
            } else if (intersects(list.getGroupIds(), oldWay) && list.getGroupIds().removeAll(moved)) {
                left.add(list.getId());
            }
        }
        after.put("joinedFolderLists", joined);
        after.put("leftFolderLists", left);
    }

    private static List<FolderList> folderLists(Work w) {
        return w.s.createSelectionQuery("from FolderList where accountId = :a order by id", FolderList.class)
                .setParameter("a", w.accountId()).getResultList();
    }

    /** The account's role for a new person of {@code kind}: its highest-priority role of that kind, not anonymous. */
    private static Optional<Long> roleFor(Work w, NodeKind kind) {
        RoleKind roleKind = switch (kind) {
            case TECHNICIAN -> RoleKind.TECHNICIAN;
            case ADMINISTRATOR -> RoleKind.ADMINISTRATOR;
            default -> RoleKind.MASTER_ADMINISTRATOR;
        };
        return w.s.createSelectionQuery("from Role where accountId = :a and kind = :k and anonymous = false"
                        + " order by priority desc, id", Role.class)
                .setParameter("a", w.accountId()).setParameter("k", roleKind).setMaxResults(1)
                .uniqueResultOptional().map(Role::getId);
    }

    /** Which of {@code kinds} may be placed under a parent of kind {@code parent}; null when none. */
    private static NodeKind placedUnder(List<NodeKind> kinds, NodeKind parent) {
        return kinds.stream().filter(k -> k.mayBePlacedUnder(parent)).findFirst().orElse(null);
    }

    private static List<Long> nodesOf(User user) {
        List<Long> ids = new ArrayList<>(2);
        if (user.getAdminNodeId() != null) {
            ids.add(user.getAdminNodeId());
        }
        if (user.getTechNodeId() != null) {
            ids.add(user.getTechNodeId());
        }
        return ids;
    }

    private static DirectoryNode view(Node node, User user, PresenceStatus presence) {
        DirectoryNode.Person person = user == null ? null : new DirectoryNode.Person(user.getId(), user.getEmail(),
                user.getNick(), user.getSsoId(), user.getStatus(), presence);
        return new DirectoryNode(node.getId(), node.getAccountId(), node.getParentId(), node.getKind(), node.getName(),
                node.getDescription(), node.getStatus(), person, node.getAssignedGroupIds(), node.getVersion());
    }

    private static Map<String, Object> nodeState(Node node) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nodeId", node.getId());
        m.put("kind", node.getKind().name());
        m.put("parentId", node.getParentId());
        m.put("name", node.getName());
        m.put("status", node.getStatus().name());
        m.put("description", node.getDescription());
        return m;
    }

    private static void changed(Map<String, Object> before, Map<String, Object> after, String field, Object was,
                                Object is) {
        before.put(field, was);
        after.put(field, is);
    }

    private static boolean intersects(Collection<Long> a, Set<Long> b) {
        for (Long id : a) {
            if (b.contains(id)) {
                return true;
            }
        }
        return false;
    }

    private static FieldError taken() {
        return FieldError.of(Field.EMAIL, Rule.TAKEN, "Another user of the account has this email.");
    }

    private static FieldError needsEmailAndPassword() {
        return FieldError.of(Field.STATUS, Rule.NEEDS_EMAIL_AND_PASSWORD,
                "A user is enabled once they have an email and a password.");
    }

    private static <T> DirectoryOutcome<T> done(T value) {
        return new DirectoryOutcome.Done<>(value);
    }

    private static <T> DirectoryOutcome<T> missing(Reference reference) {
        return new DirectoryOutcome.Missing<>(reference);
    }

    private static <T> DirectoryOutcome<T> forbidden(Reference reference, Reason reason) {
        return new DirectoryOutcome.Forbidden<>(reference, reason);
    }

    private static <T> DirectoryOutcome<T> conflict(Conflict conflict) {
        return new DirectoryOutcome.Conflicting<>(conflict);
    }
}
