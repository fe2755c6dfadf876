package io.sessiongate.core.admin;

import io.sessiongate.api.admin.CreateChannel;
import io.sessiongate.api.admin.CreateGroup;
import io.sessiongate.api.admin.CreateUser;
import io.sessiongate.api.admin.FieldError;
import io.sessiongate.api.admin.HierarchyView;
import io.sessiongate.api.admin.NodePatch;
import io.sessiongate.api.admin.NodeView;
import io.sessiongate.api.admin.UserPatch;
import io.sessiongate.api.admin.UserView;
import io.sessiongate.core.account.DirectoryNode;
import io.sessiongate.core.account.DirectoryOutcome;
import io.sessiongate.core.account.DirectoryOutcome.Conflict;
import io.sessiongate.core.account.DirectoryOutcome.Reference;
import io.sessiongate.core.account.DirectoryService;
import io.sessiongate.core.account.DirectoryUser;
import io.sessiongate.core.account.HierarchyQuery;
import io.sessiongate.core.account.NewChannel;
import io.sessiongate.core.account.NewGroup;
import io.sessiongate.core.account.NewUser;
import io.sessiongate.core.account.NodeChange;
import io.sessiongate.core.account.NodeKind;
import io.sessiongate.core.account.Requester;
import io.sessiongate.core.account.UserChange;
import io.sessiongate.core.account.UserStatus;
import io.sessiongate.core.websession.Credentials;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The directory as the administration API shows it: the hierarchy, groups, channels, nodes, channel
 * assignments and users of {@code /api/v1/accounts/{siteKey}}. Every rule is {@link DirectoryService}'s (the one
 * the Rescue administration methods use too): each method is the gate ({@link AdminAccess}) and one call of the
 * directory service in the same transaction ({@link Requester#within}), its outcome turned into this API's
 * ({@link DirectoryOutcome} to {@link AdminOutcome}) and its values into the JSON views. What a path names and is
 * missing is 404; what a body (or query) names and is missing is a 422 on that field; a node of the account
 * outside an administrator's folder list is 403 {@code OUTSIDE_FOLDER_LIST}.
 */
public final class DirectoryAdministration {

    /** The JSON name of each field of the directory's commands. */
    private static final Map<io.sessiongate.core.account.FieldError.Field, String> FIELDS = new EnumMap<>(Map.ofEntries(
            Map.entry(io.sessiongate.core.account.FieldError.Field.PARENT, "parentId"),
            Map.entry(io.sessiongate.core.account.FieldError.Field.TECHNICIAN_PARENT, "technicianGroupId"),
            Map.entry(io.sessiongate.core.account.FieldError.Field.ADMINISTRATOR_PARENT, "administratorGroupId"),
            Map.entry(io.sessiongate.core.account.FieldError.Field.KIND, "kind"),
            Map.entry(io.sessiongate.core.account.FieldError.Field.NAME, "name"),
            Map.entry(io.sessiongate.core.account.FieldError.Field.NICK, "nick"),
            Map.entry(io.sessiongate.core.account.FieldError.Field.EMAIL, "email"),
            Map.entry(io.sessiongate.core.account.FieldError.Field.SSO_ID, "ssoId"),
            Map.entry(io.sessiongate.core.account.FieldError.Field.PASSWORD, "password"),
            Map.entry(io.sessiongate.core.account.FieldError.Field.PASSWORD_CONFIRMATION, "passwordConfirmation"),
            Map.entry(io.sessiongate.core.account.FieldError.Field.CURRENT_PASSWORD, "currentPassword"),
            Map.entry(io.sessiongate.core.account.FieldError.Field.STATUS, "status"),
            Map.entry(io.sessiongate.core.account.FieldError.Field.DESCRIPTION, "description"),
            Map.entry(io.sessiongate.core.account.FieldError.Field.ROLES, "roles"),
            Map.entry(io.sessiongate.core.account.FieldError.Field.FOLDER_LIST, "folderListId"),
            Map.entry(io.sessiongate.core.account.FieldError.Field.IS_NODE, "beneath"),
            Map.entry(io.sessiongate.core.account.FieldError.Field.FILTER_OFFLINE, "filterOffline")));

    /** What each broken rule of the hierarchy means, for the 409's detail. */
    private static final Map<Conflict, String> CONFLICTS = new EnumMap<>(Map.ofEntries(
            Map.entry(Conflict.MOVE_ORGANISATION_NODE, "the root and the organisation nodes never move"),
            Map.entry(Conflict.MOVE_WRONG_KIND, "the node cannot hang there (technicians and technician groups go in"
                    + " technician groups, administrators and administrator groups in administrator groups,"
                    + " channels under the root)"),
            Map.entry(Conflict.MOVE_INTO_ITSELF, "a group cannot move into itself or beneath itself"),
            Map.entry(Conflict.DELETE_ORGANISATION_NODE, "the root and the organisation nodes are never deleted"),
            Map.entry(Conflict.DELETE_SELF, "a user does not delete their own node"),
            Map.entry(Conflict.DELETE_NOT_EMPTY, "the group still holds people or groups: move or delete them first"),
            Map.entry(Conflict.DELETE_LIVE_SESSIONS, "support sessions that are not closed are with this technician"
                    + " or in this channel: close or transfer them first"),
            Map.entry(Conflict.ASSIGN_NOT_A_TECHNICIAN_GROUP, "a channel serves technician groups (or Technicians)"
                    + " only"),
            Map.entry(Conflict.UNASSIGN_NOT_ASSIGNED, "the channel does not serve this group"),
            Map.entry(Conflict.CHANGE_ORGANISATION_NODE, "the root and the organisation nodes keep their names and"
                    + " are never disabled"),
            Map.entry(Conflict.USER_DELETED, "a deleted user stays deleted")));

    private final AdminAccess access;
    private final DirectoryService directory;

    public DirectoryAdministration(AdminAccess access, DirectoryService directory) {
        this.access = access;
        this.directory = directory;
    }

    // ------------------------------------------------------------------------------------------ the hierarchy

    /** The hierarchy the caller reaches, whole or beneath node {@code beneath}; {@code parseErrors} of the query. */
    public AdminOutcome<HierarchyView> hierarchy(Credentials credentials, String siteKey, Long beneath,
                                                 List<FieldError> parseErrors) {
        return access.inTransaction(credentials, siteKey, AdminAccess.Need.ADMINISTRATOR, (s, who) -> {
            if (!parseErrors.isEmpty()) {
                return AdminOutcome.invalid(parseErrors);
            }
            return outcome(directory.hierarchy(Requester.within(s, who.caller()), beneath == null
                            ? HierarchyQuery.wholeAccount() : HierarchyQuery.beneath(beneath)),
                    Map.of(Reference.NODE, notFound("beneath", "beneath is not a node of the account.")),
                    nodes -> new HierarchyView(nodes.stream().map(DirectoryAdministration::view).toList()));
        });
    }

    /** One node the caller reaches, with its version. */
    public AdminOutcome<Versioned<NodeView>> node(Credentials credentials, String siteKey, Long nodeId) {
        return access.inTransaction(credentials, siteKey, AdminAccess.Need.ADMINISTRATOR, (s, who) ->
                outcome(directory.node(Requester.within(s, who.caller()), nodeId), Map.of(),
                        DirectoryAdministration::versioned));
    }

    public AdminOutcome<NodeView> createGroup(Credentials credentials, String siteKey, CreateGroup body) {
        return access.inTransaction(credentials, siteKey, AdminAccess.Need.ADMINISTRATOR, (s, who) -> {
            if (body == null) {
                return bodyRequired();
            }
            return outcome(directory.createGroup(Requester.within(s, who.caller()), new NewGroup(body.parentId(),
                            body.name(), body.status(), body.description(), body.kind())),
                    Map.of(Reference.PARENT, body.parentId() == null
                            ? new FieldError("parentId", "REQUIRED", "give parentId, or kind to make the group at the"
                                    + " top of its kind.")
                            : notFound("parentId", "parentId is not a group of the account.")),
                    DirectoryAdministration::view);
        });
    }

    public AdminOutcome<NodeView> createChannel(Credentials credentials, String siteKey, CreateChannel body) {
        return access.inTransaction(credentials, siteKey, AdminAccess.Need.ADMINISTRATOR, (s, who) -> {
            if (body == null) {
                return bodyRequired();
            }
            return outcome(directory.createChannel(Requester.within(s, who.caller()), new NewChannel(body.name(),
                    body.status(), body.description())), Map.of(), DirectoryAdministration::view);
        });
    }

    /** Changes node {@code nodeId} under the version the caller read ({@code null}: any); see {@link NodeChange}. */
    public AdminOutcome<Versioned<NodeView>> patchNode(Credentials credentials, String siteKey, Long nodeId,
                                                       Long expectedVersion, NodePatch body) {
        return access.inTransaction(credentials, siteKey, AdminAccess.Need.ADMINISTRATOR, (s, who) -> {
            if (body == null) {
                return bodyRequired();
            }
            return outcome(directory.changeNode(Requester.within(s, who.caller()), new NodeChange(nodeId,
                            expectedVersion, body.name(), body.description(), body.status(), body.parentId())),
                    Map.of(Reference.TARGET, notFound("parentId", "parentId is not a group of the account (nor its"
                            + " root, for a channel).")),
                    DirectoryAdministration::versioned);
        });
    }

    /** Deletes node {@code nodeId}; answers it as it was. */
    public AdminOutcome<NodeView> deleteNode(Credentials credentials, String siteKey, Long nodeId) {
        return access.inTransaction(credentials, siteKey, AdminAccess.Need.ADMINISTRATOR, (s, who) ->
                outcome(directory.deleteNode(Requester.within(s, who.caller()), nodeId), Map.of(),
                        DirectoryAdministration::view));
    }

    /** Channel {@code channelId} serves (or stops serving) technician group {@code groupId}; answers the channel. */
    public AdminOutcome<NodeView> assignment(Credentials credentials, String siteKey, Long channelId, Long groupId,
                                             boolean assign) {
        return access.inTransaction(credentials, siteKey, AdminAccess.Need.ADMINISTRATOR, (s, who) -> {
            Requester requester = Requester.within(s, who.caller());
            return outcome(assign ? directory.assignChannel(requester, groupId, channelId)
                    : directory.unassignChannel(requester, groupId, channelId), Map.of(), DirectoryAdministration::view);
        });
    }

    // ----------------------------------------------------------------------------------------------- users

    public AdminOutcome<UserView> createUser(Credentials credentials, String siteKey, CreateUser body) {
        return access.inTransaction(credentials, siteKey, AdminAccess.Need.ADMINISTRATOR, (s, who) -> {
            if (body == null) {
                return bodyRequired();
            }
            return outcome(directory.createPerson(Requester.within(s, who.caller()), NewUser.placed(
                            body.technicianGroupId(), body.administratorGroupId(), body.name(), body.email(),
                            body.password(), null, body.roles(), body.folderListId())),
                    Map.of(Reference.TECHNICIAN_PARENT, notFound("technicianGroupId",
                                    "technicianGroupId is not a group of the account."),
                            Reference.ADMINISTRATOR_PARENT, notFound("administratorGroupId",
                                    "administratorGroupId is not a group of the account.")),
                    DirectoryAdministration::view);
        });
    }

    /** A page of the users the caller reaches, of {@code status} (null: all but the deleted). */
    public AdminOutcome<Slice<UserView>> users(Credentials credentials, String siteKey, String status, PageQuery page,
                                               List<FieldError> parseErrors) {
        List<FieldError> errors = new ArrayList<>(parseErrors);
        if (status != null && java.util.Arrays.stream(UserStatus.values()).noneMatch(v -> v.name().equals(status))) {
            errors.add(new FieldError("status", "UNKNOWN_VALUE", "status is ENABLED, DISABLED or DELETED."));
        }
        return access.inTransaction(credentials, siteKey, AdminAccess.Need.ADMINISTRATOR, (s, who) -> {
            if (!errors.isEmpty()) {
                return AdminOutcome.invalid(errors);
            }
            return outcome(directory.users(Requester.within(s, who.caller()), status, page.afterId(), page.limit()),
                    Map.of(), p -> new Slice<>(p.users().stream().map(DirectoryAdministration::view).toList(),
                            p.nextAfterId()));
        });
    }

    public AdminOutcome<Versioned<UserView>> user(Credentials credentials, String siteKey, Long userId) {
        return access.inTransaction(credentials, siteKey, AdminAccess.Need.ADMINISTRATOR, (s, who) ->
                outcome(directory.userById(Requester.within(s, who.caller()), userId), Map.of(),
                        u -> new Versioned<>(view(u), u.version())));
    }

    /** Changes user {@code userId} under the version the caller read ({@code null}: any); see {@link UserPatch}. */
    public AdminOutcome<Versioned<UserView>> patchUser(Credentials credentials, String siteKey, Long userId,
                                                       Long expectedVersion, UserPatch body) {
        return access.inTransaction(credentials, siteKey, AdminAccess.Need.ADMINISTRATOR, (s, who) -> {
            if (body == null) {
                return bodyRequired();
            }
            if (userId == null) {
                return new AdminOutcome.NotFound<>();
            }
            boolean noFolderList = body.folderListId() != null && body.folderListId() == 0;
            return outcome(directory.changePerson(Requester.within(s, who.caller()), UserChange.ofUser(userId,
                            expectedVersion, body.name(), body.email(), body.nick(), body.ssoId(), body.password(),
                            body.currentPassword(), body.status(), body.roles(), noFolderList ? null
                                    : body.folderListId(), noFolderList)),
                    Map.of(), u -> new Versioned<>(view(u), u.version()));
        });
    }

    // ------------------------------------------------------------------------------------------- rendering

    /**
     * This API's outcome of a directory outcome: {@code missingInBody} names the references that a body or query
     * gave (a missing one is that field's 422); every other missing node is the path's (404).
     */
    private static <T, U> AdminOutcome<U> outcome(DirectoryOutcome<T> outcome, Map<Reference, FieldError> missingInBody,
                                                  Function<T, U> render) {
        if (outcome instanceof DirectoryOutcome.Done<T> done) {
            return AdminOutcome.done(render.apply(done.value()));
        }
        if (outcome instanceof DirectoryOutcome.Refused<T> refused) {
            return AdminAccess.refusal(refused.refusal());
        }
        if (outcome instanceof DirectoryOutcome.Missing<T> missing) {
            FieldError field = missingInBody.get(missing.reference());
            return field == null ? new AdminOutcome.NotFound<>() : AdminOutcome.invalid(List.of(field));
        }
        if (outcome instanceof DirectoryOutcome.Forbidden<T> forbidden) {
            return switch (forbidden.reason()) {
                case OUTSIDE_REACH -> new AdminOutcome.Forbidden<>("OUTSIDE_FOLDER_LIST",
                        "this is outside the caller's folder list");
                case WHOLE_ACCOUNT_REQUIRED -> new AdminOutcome.Forbidden<>("WHOLE_ACCOUNT_REQUIRED",
                        "only a master administrator or an API token may give roles and folder lists");
            };
        }
        if (outcome instanceof DirectoryOutcome.Stale<T>) {
            return new AdminOutcome.PreconditionFailed<>();
        }
        if (outcome instanceof DirectoryOutcome.Invalid<T> invalid) {
            return AdminOutcome.invalid(invalid.errors().stream().map(e -> new FieldError(
                    FIELDS.getOrDefault(e.field(), e.field().name()), e.rule().name(), e.message())).toList());
        }
        Conflict conflict = ((DirectoryOutcome.Conflicting<T>) outcome).conflict();
        return new AdminOutcome.Conflict<>(conflict.name(), CONFLICTS.getOrDefault(conflict, conflict.name()));
    }

    private static FieldError notFound(String field, String message) {
        return new FieldError(field, "NOT_FOUND", message);
    }

    private static <T> AdminOutcome<T> bodyRequired() {
        return AdminOutcome.invalid(List.of(new FieldError("", "REQUIRED", "a JSON body is mandatory.")));
    }

    private static Versioned<NodeView> versioned(DirectoryNode n) {
        return new Versioned<>(view(n), n.version());
    }

    /** A node as this API shows it: a person's status is their user's; a technician's presence, OFFLINE without a console. */
    static NodeView view(DirectoryNode n) {
        DirectoryNode.Person person = n.person();
        String presence = null;
        if (n.kind() == NodeKind.TECHNICIAN) {
            presence = n.isOnlineTechnician() ? person.presence().name() : "OFFLINE";
        }
        return new NodeView(n.id(), n.parentId(), n.kind().name(), n.name(), n.description(),
                person != null ? person.status().name() : n.status().name(), person == null ? null : person.userId(),
                person == null ? null : person.email(), presence, n.channelGroupIds().stream().sorted().toList(),
                n.version());
    }

    static UserView view(DirectoryUser u) {
        return new UserView(u.userId(), u.email(), u.name(), u.nick(), u.ssoId(), u.status().name(),
                u.technicianNodeId(), u.technicianGroupId(), u.administratorNodeId(), u.administratorGroupId(),
                u.administratorKind() == null ? null : u.administratorKind().name(),
                u.roleIds().stream().sorted().toList(), u.folderListId(), u.createdAt(), u.version());
    }
}
