package io.sessiongate.core.account;

/**
 * One broken field rule of a directory change. A change reports every broken rule at once, in the
 * order of {@link Field}, so that the JSON API can list them all (422) and the Rescue API can answer
 * the first one's code (e.g. {@code INVALIDPARAM_EMAIL}).
 */
public record FieldError(Field field, Rule rule, String message) {

    /** The fields of the directory's commands, in the order they are checked and reported. */
    public enum Field {
        PARENT,
        /** Where a user's technician node is made (the JSON API's {@code technicianGroupId}). */
        TECHNICIAN_PARENT,
        /** Where a user's administrator node is made (the JSON API's {@code administratorGroupId}). */
        ADMINISTRATOR_PARENT,
        /** A new group's kind (technician or administrator group), when the caller names it. */
        KIND,
        NAME,
        NICK,
        EMAIL,
        SSO_ID,
        PASSWORD,
        PASSWORD_CONFIRMATION,
        CURRENT_PASSWORD,
        STATUS,
        DESCRIPTION,
        /** The user's roles (ids of the account's roles). */
        ROLES,
        /** The user's own folder list (an id of the account's folder lists). */
        FOLDER_LIST,
        /** getHierarchy_v2's {@code isnode}. */
        IS_NODE,
        /** getHierarchy_v2's {@code filteroffline}. */
        FILTER_OFFLINE
    }

    /** What is wrong with the value. */
    public enum Rule {
        /** Given empty where a value is needed. */
        REQUIRED,
        TOO_SHORT,
        TOO_LONG,
        /** A control character (a line break in a one-line field, NUL, ...). */
        CONTROL_CHARACTER,
        /** Not of the field's form (an email without {@code @}, a flag that is not true or false). */
        MALFORMED,
        /** Not one of the values the field takes (a status other than Enabled, Disabled, Deleted). */
        UNKNOWN_VALUE,
        /** Another live user of the account has this email. */
        TAKEN,
        /** The confirmation differs from the password. */
        MISMATCH,
        /** The current password given is not the user's. */
        WRONG,
        /** The parent named cannot hold what is made (a user under a channel, a group under the root). */
        CANNOT_HOLD,
        /** Not a change a user may make to themself (disabling or deleting their own user). */
        SELF,
        /** Enabling a user who has no email or no password yet. */
        NEEDS_EMAIL_AND_PASSWORD,
        /** Deleting a technician who still has live support sessions. */
        LIVE_SESSIONS,
        /** Not allowed here (a user made already deleted; a person's name set on their node). */
        NOT_ALLOWED,
        /** A role or folder list id that is not one of the account's. */
        UNKNOWN_ID
    }

    static FieldError of(Field field, Rule rule, String message) {
        return new FieldError(field, rule, message);
    }
}
