package io.sessiongate.server.rescue;

import io.sessiongate.api.rescue.AssignChannelResult;
import io.sessiongate.api.rescue.CreateGroupResult;
import io.sessiongate.api.rescue.CreateUserResult;
import io.sessiongate.api.rescue.DeleteNodeResult;
import io.sessiongate.api.rescue.GetAccountResult;
import io.sessiongate.api.rescue.GetGroupResult;
import io.sessiongate.api.rescue.GetHierarchyResult;
import io.sessiongate.api.rescue.GetUserResult;
import io.sessiongate.api.rescue.MoveNodeResult;
import io.sessiongate.api.rescue.RescueCode;
import io.sessiongate.api.rescue.SetGroupResult;
import io.sessiongate.api.rescue.SetUserResult;
import io.sessiongate.api.rescue.SetUserStatusResult;
import io.sessiongate.api.rescue.UnassignChannelResult;
import io.sessiongate.core.account.DirectoryOutcome;
import io.sessiongate.core.account.DirectoryOutcome.Conflict;
import io.sessiongate.core.account.DirectoryOutcome.Reference;
import io.sessiongate.core.account.FieldError.Field;
import java.util.EnumMap;
import java.util.Map;

/**
 * Which vendor code each administration method answers for each {@link DirectoryOutcome}: the refusals to
 * the authentication codes (a technician, who does not administer, is NOTLOGGEDIN as the provisioning
 * methods document it), a missing node to its parameter's INVALIDPARAM code, the first broken field to its
 * parameter's code, a broken rule of the hierarchy to INVALID_MOVE, INVALID_DELETE, INVALID_ASSIGN or
 * INVALID_DEASSIGN. A node outside the caller's reach answers as a missing one (the vendor does not tell them
 * apart). Anything a table does not name answers ERROR.
 */
final class DirectoryCodes<C extends RescueCode> {

    static final DirectoryCodes<GetAccountResult> GET_ACCOUNT = new DirectoryCodes<>(GetAccountResult.OK,
            GetAccountResult.ERROR, GetAccountResult.NOT_LOGGED_IN, GetAccountResult.INVALID_SECRET_AUTH_CODE,
            GetAccountResult.USER_DELETED_OR_DISABLED);

    static final DirectoryCodes<GetHierarchyResult> GET_HIERARCHY = new DirectoryCodes<>(GetHierarchyResult.OK,
            GetHierarchyResult.ERROR, GetHierarchyResult.NOT_LOGGED_IN, GetHierarchyResult.INVALID_SECRET_AUTH_CODE,
            GetHierarchyResult.USER_DELETED_OR_DISABLED)
            .missing(Reference.NODE, GetHierarchyResult.INVALID_PARAM_NODE);

    static final DirectoryCodes<GetUserResult> GET_USER = new DirectoryCodes<>(GetUserResult.OK, GetUserResult.ERROR,
            GetUserResult.NOT_LOGGED_IN, GetUserResult.INVALID_SECRET_AUTH_CODE,
            GetUserResult.USER_DELETED_OR_DISABLED)
            .missing(Reference.NODE, GetUserResult.INVALID_PARAM_NODE);

    static final DirectoryCodes<CreateUserResult> CREATE_USER = new DirectoryCodes<>(CreateUserResult.OK,
            CreateUserResult.ERROR, CreateUserResult.NOT_LOGGED_IN, CreateUserResult.INVALID_SECRET_AUTH_CODE,
            CreateUserResult.USER_DELETED_OR_DISABLED)
            .missing(Reference.PARENT, CreateUserResult.INVALID_PARAM_PARENT)
            .field(Field.PARENT, CreateUserResult.INVALID_PARAM_PARENT)
            .field(Field.NAME, CreateUserResult.INVALID_PARAM_NAME)
            .field(Field.EMAIL, CreateUserResult.INVALID_PARAM_EMAIL)
            .field(Field.PASSWORD, CreateUserResult.INVALID_PARAM_PWD)
            .field(Field.STATUS, CreateUserResult.INVALID_PARAM_STATUS)
            .field(Field.DESCRIPTION, CreateUserResult.INVALID_PARAM_DESCRIPTION);

    static final DirectoryCodes<SetUserResult> SET_USER = new DirectoryCodes<>(SetUserResult.OK, SetUserResult.ERROR,
            SetUserResult.NOT_LOGGED_IN, SetUserResult.INVALID_SECRET_AUTH_CODE, SetUserResult.USER_DELETED_OR_DISABLED)
            .missing(Reference.NODE, SetUserResult.INVALID_PARAM_NODE)
            .field(Field.NAME, SetUserResult.INVALID_PARAM_NAME)
            .field(Field.NICK, SetUserResult.INVALID_PARAM_NICK)
            .field(Field.EMAIL, SetUserResult.INVALID_PARAM_EMAIL)
            .field(Field.SSO_ID, SetUserResult.INVALID_PARAM_SSOID)
            .field(Field.PASSWORD, SetUserResult.INVALID_PARAM_PWD)
            .field(Field.PASSWORD_CONFIRMATION, SetUserResult.INVALID_PARAM_CONFPWD)
            .field(Field.CURRENT_PASSWORD, SetUserResult.INVALID_PARAM_OLDPWD)
            .field(Field.STATUS, SetUserResult.INVALID_PARAM_STATUS)
            .field(Field.DESCRIPTION, SetUserResult.INVALID_PARAM_DESCRIPTION);

    static final DirectoryCodes<SetUserStatusResult> SET_USER_STATUS = new DirectoryCodes<>(SetUserStatusResult.OK,
            SetUserStatusResult.ERROR, SetUserStatusResult.NOT_LOGGED_IN, SetUserStatusResult.INVALID_SECRET_AUTH_CODE,
            SetUserStatusResult.USER_DELETED_OR_DISABLED)
            .missing(Reference.NODE, SetUserStatusResult.INVALID_PARAM_NODE)
            .field(Field.STATUS, SetUserStatusResult.INVALID_PARAM_STATUS);

    static final DirectoryCodes<CreateGroupResult> CREATE_GROUP = new DirectoryCodes<>(CreateGroupResult.OK,
            CreateGroupResult.ERROR, CreateGroupResult.NOT_LOGGED_IN, CreateGroupResult.INVALID_SECRET_AUTH_CODE,
            CreateGroupResult.USER_DELETED_OR_DISABLED)
            .missing(Reference.PARENT, CreateGroupResult.INVALID_PARAM_PARENT)
            .field(Field.PARENT, CreateGroupResult.INVALID_PARAM_PARENT)
            .field(Field.NAME, CreateGroupResult.INVALID_PARAM_NAME)
            .field(Field.STATUS, CreateGroupResult.INVALID_PARAM_STATUS)
            .field(Field.DESCRIPTION, CreateGroupResult.INVALID_PARAM_DESCRIPTION);

    static final DirectoryCodes<GetGroupResult> GET_GROUP = new DirectoryCodes<>(GetGroupResult.OK,
            GetGroupResult.ERROR, GetGroupResult.NOT_LOGGED_IN, GetGroupResult.INVALID_SECRET_AUTH_CODE,
            GetGroupResult.USER_DELETED_OR_DISABLED)
            .missing(Reference.NODE, GetGroupResult.INVALID_PARAM_NODE);

    static final DirectoryCodes<SetGroupResult> SET_GROUP = new DirectoryCodes<>(SetGroupResult.OK,
            SetGroupResult.ERROR, SetGroupResult.NOT_LOGGED_IN, SetGroupResult.INVALID_SECRET_AUTH_CODE,
            SetGroupResult.USER_DELETED_OR_DISABLED)
            .missing(Reference.NODE, SetGroupResult.INVALID_PARAM_NODE)
            .field(Field.NAME, SetGroupResult.INVALID_PARAM_NAME)
            .field(Field.STATUS, SetGroupResult.INVALID_PARAM_STATUS)
            .field(Field.DESCRIPTION, SetGroupResult.INVALID_PARAM_DESCRIPTION)
            // the root and organisation nodes are not groups setGroup may change
            .conflict(Conflict.CHANGE_ORGANISATION_NODE, SetGroupResult.INVALID_PARAM_NODE);

    static final DirectoryCodes<MoveNodeResult> MOVE_NODE = new DirectoryCodes<>(MoveNodeResult.OK,
            MoveNodeResult.ERROR, MoveNodeResult.NOT_LOGGED_IN, MoveNodeResult.INVALID_SECRET_AUTH_CODE,
            MoveNodeResult.USER_DELETED_OR_DISABLED)
            .missing(Reference.NODE, MoveNodeResult.INVALID_PARAM_NODE)
            .missing(Reference.TARGET, MoveNodeResult.INVALID_PARAM_TARGET_NODE)
            .conflict(Conflict.MOVE_ORGANISATION_NODE, MoveNodeResult.INVALID_MOVE)
            .conflict(Conflict.MOVE_WRONG_KIND, MoveNodeResult.INVALID_MOVE)
            .conflict(Conflict.MOVE_INTO_ITSELF, MoveNodeResult.INVALID_MOVE);

    static final DirectoryCodes<DeleteNodeResult> DELETE_NODE = new DirectoryCodes<>(DeleteNodeResult.OK,
            DeleteNodeResult.ERROR, DeleteNodeResult.NOT_LOGGED_IN, DeleteNodeResult.INVALID_SECRET_AUTH_CODE,
            DeleteNodeResult.USER_DELETED_OR_DISABLED)
            .missing(Reference.NODE, DeleteNodeResult.INVALID_PARAM_NODE)
            .conflict(Conflict.DELETE_ORGANISATION_NODE, DeleteNodeResult.INVALID_DELETE)
            .conflict(Conflict.DELETE_SELF, DeleteNodeResult.INVALID_DELETE)
            .conflict(Conflict.DELETE_NOT_EMPTY, DeleteNodeResult.INVALID_DELETE)
            .conflict(Conflict.DELETE_LIVE_SESSIONS, DeleteNodeResult.INVALID_DELETE);

    static final DirectoryCodes<AssignChannelResult> ASSIGN_CHANNEL = new DirectoryCodes<>(AssignChannelResult.OK,
            AssignChannelResult.ERROR, AssignChannelResult.NOT_LOGGED_IN, AssignChannelResult.INVALID_SECRET_AUTH_CODE,
            AssignChannelResult.USER_DELETED_OR_DISABLED)
            .missing(Reference.NODE, AssignChannelResult.INVALID_PARAM_NODE)
            .missing(Reference.ENTRY, AssignChannelResult.INVALID_PARAM_ENTRY)
            .conflict(Conflict.ASSIGN_NOT_A_TECHNICIAN_GROUP, AssignChannelResult.INVALID_ASSIGN);

    static final DirectoryCodes<UnassignChannelResult> UNASSIGN_CHANNEL = new DirectoryCodes<>(
            UnassignChannelResult.OK, UnassignChannelResult.ERROR, UnassignChannelResult.NOT_LOGGED_IN,
            UnassignChannelResult.INVALID_SECRET_AUTH_CODE, UnassignChannelResult.USER_DELETED_OR_DISABLED)
            .missing(Reference.NODE, UnassignChannelResult.INVALID_PARAM_NODE)
            .missing(Reference.ENTRY, UnassignChannelResult.INVALID_PARAM_ENTRY)
            .conflict(Conflict.ASSIGN_NOT_A_TECHNICIAN_GROUP, UnassignChannelResult.INVALID_DEASSIGN)
            .conflict(Conflict.UNASSIGN_NOT_ASSIGNED, UnassignChannelResult.INVALID_DEASSIGN);

    private final C ok;
    private final C error;
    private final C notLoggedIn;
    private final C invalidAuthCode;
    private final C userDisabled;
    private final Map<Reference, C> missing = new EnumMap<>(Reference.class);
    private final Map<Field, C> fields = new EnumMap<>(Field.class);
    private final Map<Conflict, C> conflicts = new EnumMap<>(Conflict.class);

    private DirectoryCodes(C ok, C error, C notLoggedIn, C invalidAuthCode, C userDisabled) {
        this.ok = ok;
        this.error = error;
        this.notLoggedIn = notLoggedIn;
        this.invalidAuthCode = invalidAuthCode;
        this.userDisabled = userDisabled;
    }

    private DirectoryCodes<C> missing(Reference reference, C code) {
        missing.put(reference, code);
        return this;
    }

    private DirectoryCodes<C> field(Field field, C code) {
        fields.put(field, code);
        return this;
    }

    private DirectoryCodes<C> conflict(Conflict conflict, C code) {
        conflicts.put(conflict, code);
        return this;
    }

    /** The code of {@code outcome}. */
    C of(DirectoryOutcome<?> outcome) {
        if (outcome instanceof DirectoryOutcome.Done<?>) {
            return ok;
        }
        if (outcome instanceof DirectoryOutcome.Refused<?> r) {
            return r.refusal().rescueCode(invalidAuthCode, notLoggedIn, userDisabled);
        }
        if (outcome instanceof DirectoryOutcome.Missing<?> m) {
            return missing.getOrDefault(m.reference(), error);
        }
        if (outcome instanceof DirectoryOutcome.Forbidden<?> f) {
            return missing.getOrDefault(f.reference(), error); // the vendor does not tell "not yours" apart
        }
        if (outcome instanceof DirectoryOutcome.Stale<?>) {
            return error; // the Rescue methods name no version
        }
        if (outcome instanceof DirectoryOutcome.Invalid<?> i) {
            return fields.getOrDefault(i.first().field(), error);
        }
        return conflicts.getOrDefault(((DirectoryOutcome.Conflicting<?>) outcome).conflict(), error);
    }
}
