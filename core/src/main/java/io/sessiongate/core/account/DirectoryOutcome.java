package io.sessiongate.core.account;

import io.sessiongate.core.websession.Admission;
import java.util.Comparator;
import java.util.List;

/**
 * What a {@link DirectoryService} call came to: a value, never an exception. Each shape maps to one
 * answer of each API: {@link Refused} to the authentication codes (401/403), {@link Missing} to
 * {@code INVALIDPARAM_NODE}/{@code _PARENT}/{@code _TARGETNODE}/{@code _ENTRY} (404, or 422 for a node a
 * body names), {@link Forbidden} to the same codes as Missing in the Rescue API (which does not tell them
 * apart) and to 403 in the JSON API, {@link Stale} to 412, {@link Invalid} to the first field's code (422
 * with every error), {@link Conflicting} to {@code INVALID_MOVE}, {@code INVALID_DELETE},
 * {@code INVALID_ASSIGN}, {@code INVALID_DEASSIGN} (409). The checks run in that order: admission, then the
 * nodes named (missing, then out of reach), then the version the caller named, then the fields, then the
 * rules of the hierarchy.
 */
public sealed interface DirectoryOutcome<T> {

    /** Done (or nothing to do, which is done too): the value the method answers. */
    record Done<T>(T value) implements DirectoryOutcome<T> {
    }

    /** Not admitted: no valid cookie or code, not an administrator (for a change), or a disabled caller. */
    record Refused<T>(Admission.Refusal refusal) implements DirectoryOutcome<T> {
    }

    /**
     * A node the call names is not one the caller may act on as that parameter needs: missing, deleted,
     * another account's, out of the caller's reach, or of a kind the parameter cannot name. All alike.
     */
    record Missing<T>(Reference reference) implements DirectoryOutcome<T> {
    }

    /**
     * The node a call names is one of the caller's account, but the caller may not act on it: it is outside
     * their {@link AdministrationReach reach} ({@link Reason#OUTSIDE_REACH}), or the change is one only a
     * caller acting on the whole account makes, such as giving roles or a folder list
     * ({@link Reason#WHOLE_ACCOUNT_REQUIRED}).
     */
    record Forbidden<T>(Reference reference, Reason reason) implements DirectoryOutcome<T> {
    }

    /** The object changed since the version the caller named (the JSON API's If-Match): nothing is written. */
    record Stale<T>() implements DirectoryOutcome<T> {
    }

    /** Broken field rules, all of them, in the order of {@link FieldError.Field}. */
    record Invalid<T>(List<FieldError> errors) implements DirectoryOutcome<T> {
        public Invalid {
            errors = errors.stream().sorted(Comparator.comparing(FieldError::field)).toList();
        }

        /** The first broken rule, the one a single-code API answers. */
        public FieldError first() {
            return errors.get(0);
        }
    }

    /** The change breaks a rule of the hierarchy. */
    record Conflicting<T>(Conflict conflict) implements DirectoryOutcome<T> {
    }

    /** Why a caller is {@link Forbidden}. */
    enum Reason {
        /** Neither the node nor a group above it is in the caller's folder list. */
        OUTSIDE_REACH,
        /** Only a master administrator (or an account API token) may do this. */
        WHOLE_ACCOUNT_REQUIRED
    }

    /** Which parameter named the node that is {@link Missing} (or {@link Forbidden}). */
    enum Reference {
        /** The node acted on (Rescue {@code node}; a user, for the calls that name a user). */
        NODE,
        /** Where a user or group is made (Rescue {@code parent}). */
        PARENT,
        /** Where a user's technician node is made (the JSON API's {@code technicianGroupId}). */
        TECHNICIAN_PARENT,
        /** Where a user's administrator node is made (the JSON API's {@code administratorGroupId}). */
        ADMINISTRATOR_PARENT,
        /** Where a node is moved (Rescue {@code targetNode}). */
        TARGET,
        /** The channel of an assignment (Rescue {@code entry}). */
        ENTRY
    }

    /** Which rule of the hierarchy a change breaks. */
    enum Conflict {
        /** The root and the organisation nodes never move. */
        MOVE_ORGANISATION_NODE,
        /** The node cannot hang under the target's kind (a technician into an administrator group, ...). */
        MOVE_WRONG_KIND,
        /** The target is the node itself or beneath it. */
        MOVE_INTO_ITSELF,
        /** The root and the organisation nodes are never deleted. */
        DELETE_ORGANISATION_NODE,
        /** A user does not delete their own node. */
        DELETE_SELF,
        /** A group that still holds people or groups. */
        DELETE_NOT_EMPTY,
        /** A technician who owns, or a channel that holds, live support sessions. */
        DELETE_LIVE_SESSIONS,
        /** Channels serve technician groups (or the Technicians node) only, never a technician or an administrator group. */
        ASSIGN_NOT_A_TECHNICIAN_GROUP,
        /** The channel does not serve that group. */
        UNASSIGN_NOT_ASSIGNED,
        /** The root and the organisation nodes keep their names and are never disabled. */
        CHANGE_ORGANISATION_NODE,
        /** A deleted user stays deleted: their history remains, nothing of them changes. */
        USER_DELETED
    }
}
