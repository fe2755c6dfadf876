package io.sessiongate.core.account;

import io.sessiongate.core.account.DirectoryOutcome.Conflict;
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
        return db.inTransaction(s -> {
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
                    return missing(Reference.NODE);
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
                .<DirectoryOutcome<DirectoryNode>>map(DirectoryService::done).orElseGet(() -> missing(Reference.NODE)));
    }

    /** getUser_v2: the user holding person node {@code nodeId}, if the caller reaches it. */
    public DirectoryOutcome<DirectoryNode> user(Requester requester, Long nodeId) {
        return run(requester, false, w -> w.person(nodeId)
                .<DirectoryOutcome<DirectoryNode>>map(DirectoryService::done).orElseGet(() -> missing(Reference.NODE)));
    }

    /** Any node the caller reaches (the JSON API's reads of one node). */
    public DirectoryOutcome<DirectoryNode> node(Requester requester, Long nodeId) {
        return run(requester, false, w -> w.reached(nodeId)
                .<DirectoryOutcome<DirectoryNode>>map(DirectoryService::done).orElseGet(() -> missing(Reference.NODE)));
    }

    // ---------------------------------------------------------------------------------------------- changes

    /** createUser: see {@link NewUser}. Answers the new person node (its {@code person().userId()} the user). */
    public DirectoryOutcome<DirectoryNode> createUser(Requester requester, NewUser command) {
        List<FieldError> fieldErrors = new ArrayList<>();
        String name = DirectoryFields.name(command.name(), fieldErrors);
        String email = DirectoryFields.email(command.email(), fieldErrors);
        String password = DirectoryFields.password(command.password(), fieldErrors);
        UserStatus status = DirectoryFields.userStatus(command.status(), fieldErrors);
        String description = DirectoryFields.description(command.description(), fieldErrors);
        return run(requester, true, w -> {
            Optional<DirectoryNode> parent = w.reached(command.parentId());
            if (parent.isEmpty()) {
                return missing(Reference.PARENT);
            }
            List<FieldError> errors = new ArrayList<>(fieldErrors);
            NodeKind kind = placedUnder(PEOPLE, parent.get().kind());
            if (kind == null) {
                errors.add(FieldError.of(Field.PARENT, Rule.CANNOT_HOLD, "A user is made in a technician group or an"
                        + " administrator group, or under Technicians, Administrators or Master Administrators."));
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
            String userName = name != null ? name : "New " + switch (kind) {
                case TECHNICIAN -> "Technician";
                case ADMINISTRATOR -> "Administrator";
                default -> "Master Administrator";
            };
            Node node = new Node(AccountService.nextNodeId(w.s), w.accountId(), kind, parent.get().id(), userName,
                    w.now);
            node.setDescription(description == null ? "" : description);
            w.s.persist(node);
            User user = new User(w.accountId(), email == null ? "" : email, userName,
                    password == null ? "" : passwords.hash(password), w.now);
            user.setStatus(status != null ? status : email != null && password != null ? UserStatus.ENABLED
                    : UserStatus.DISABLED);
            if (kind == NodeKind.TECHNICIAN) {
                user.setTechNodeId(node.getId());
            } else {
                user.setAdminNodeId(node.getId());
            }
            roleFor(w, kind).ifPresent(role -> user.getRoleIds().add(role));
            w.s.persist(user);
            w.s.flush();
            w.changed();
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("nodeId", node.getId());
            after.put("kind", kind.name());
            after.put("parentId", node.getParentId());
            after.put("name", userName);
            after.put("email", user.getEmail());
            after.put("status", user.getStatus().name());
            after.put("roleIds", new TreeSet<>(user.getRoleIds()));
            w.record(ObjectType.USER, user.getId(), EventAction.CREATED, null, after);
            return done(view(node, user, null));
        });
    }

    /** setUser_v2: see {@link UserChange}. Disabling or deleting cuts the user off at once ({@link ForcedSignOut}). */
    public DirectoryOutcome<DirectoryNode> changeUser(Requester requester, UserChange change) {
        return changeUser(requester, change, false);
    }

    /** setUserStatus: {@code Enabled}, {@code Disabled} or {@code Deleted}, in any case; required. */
    public DirectoryOutcome<DirectoryNode> changeUserStatus(Requester requester, Long nodeId, String status) {
        return changeUser(requester, UserChange.status(nodeId, status), true);
    }

    private DirectoryOutcome<DirectoryNode> changeUser(Requester requester, UserChange c, boolean statusRequired) {
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
            Optional<DirectoryNode> target = w.person(c.nodeId());
            if (target.isEmpty()) {
                return missing(Reference.NODE);
            }
            User user = w.s.get(User.class, target.get().person().userId());
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
            if (!errors.isEmpty()) {
                return new DirectoryOutcome.Invalid<>(errors);
            }
            Node node = w.s.get(Node.class, target.get().id());
            Map<String, Object> before = new LinkedHashMap<>();
            Map<String, Object> after = new LinkedHashMap<>();
            before.put("nodeId", node.getId());
            after.put("nodeId", node.getId());
            if (name != null && !name.equals(user.getName())) {
                changed(before, after, "name", user.getName(), name);
                user.setName(name);
                for (Long id : nodesOf(user)) {
                    Node n = w.s.get(Node.class, id);
                    if (n != null && !n.isDeleted()) {
                        n.setName(name);
                    }
                }
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
            if (description != null && !description.equals(node.getDescription())) {
                changed(before, after, "description", node.getDescription(), description);
                node.setDescription(description);
            }
            if (status != null && status != user.getStatus()) {
                changed(before, after, "status", user.getStatus().name(), status.name());
                applyStatus(w, user, status, after);
            }
            if (after.size() == 1) {
                return done(target.get()); // nothing to change
            }
            w.changed();
            w.record(ObjectType.USER, user.getId(), status == UserStatus.DELETED ? EventAction.DELETED
                    : EventAction.CHANGED, before, after);
            return done(view(node, user, user.getStatus() == UserStatus.ENABLED ? target.get().person().presence()
                    : null));
        });
    }

    /** createGroup: see {@link NewGroup}. Answers the new group. */
    public DirectoryOutcome<DirectoryNode> createGroup(Requester requester, NewGroup command) {
        List<FieldError> fieldErrors = new ArrayList<>();
        String name = DirectoryFields.name(command.name(), fieldErrors);
        NodeStatus status = DirectoryFields.nodeStatus(command.status(), fieldErrors);
        String description = DirectoryFields.description(command.description(), fieldErrors);
        return run(requester, true, w -> {
            Optional<DirectoryNode> parent = w.reached(command.parentId());
            if (parent.isEmpty()) {
                return missing(Reference.PARENT);
            }
            List<FieldError> errors = new ArrayList<>(fieldErrors);
            NodeKind kind = placedUnder(GROUPS, parent.get().kind());
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
                return missing(Reference.NODE);
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
            return done(view(node, null, null));
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
            if (root == null || !w.tree.reaches(w.caller, root)) {
                return missing(Reference.PARENT);
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
                return missing(Reference.NODE);
            }
            Optional<DirectoryNode> target = w.reached(targetId)
                    .filter(t -> t.kind().isGroup() || t.kind() == NodeKind.ROOT);
            if (target.isEmpty()) {
                return missing(Reference.TARGET);
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
            return done(new DirectoryNode(n.id(), n.accountId(), t.id(), n.kind(), n.name(), n.description(),
                    n.status(), n.person(), n.channelGroupIds()));
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
                return missing(Reference.NODE);
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
                return missing(Reference.NODE);
            }
            Optional<DirectoryNode> channel = w.reached(channelId).filter(c -> c.kind() == NodeKind.CHANNEL);
            if (channel.isEmpty()) {
                return missing(Reference.ENTRY);
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
        return db.inTransaction(s -> {
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

    private Admission admit(Session s, Requester requester, Admission.Policy policy) {
        if (requester instanceof Requester.WithCredentials w) {
            return authenticator.admit(s, w.credentials(), policy);
        }
        return Admission.of(new Authentication.Authenticated(((Requester.AsCaller) requester).caller()), policy);
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
                node.getDescription(), node.getStatus(), person, node.getAssignedGroupIds());
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

    private static <T> DirectoryOutcome<T> conflict(Conflict conflict) {
        return new DirectoryOutcome.Conflicting<>(conflict);
    }
}
