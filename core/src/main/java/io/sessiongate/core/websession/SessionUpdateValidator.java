package io.sessiongate.core.websession;

import io.sessiongate.api.apiserver.ApiServerError;
import io.sessiongate.api.apiserver.ErrorCode;
import io.sessiongate.api.apiserver.SessionStatus;
import io.sessiongate.api.apiserver.SessionUpdate;
import io.sessiongate.core.Identifiers;
import io.sessiongate.core.account.UserStatus;
import io.sessiongate.core.persistence.NativeSql;
import io.sessiongate.core.persistence.Tx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Session.UpdateValidation's rules, all checked and all reported together: the session, the
 * site, the user, the IP address, the status and the refresh flag. One read finds the site, the
 * session and the user at once. Everything is scoped to the caller's account: another account's
 * site, session or user reads exactly like one that does not exist.
 */
public final class SessionUpdateValidator {

    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    /** The session as the validation read it, for the update that follows. */
    record Target(long id, long accountId, Long userId, String ipAddress, String roleIds, boolean administrator,
                  boolean wholeAccount, Long folderListId, String folderGroupIds, long version) {
    }

    private final WebSessionRepository webSessions;

    SessionUpdateValidator(WebSessionRepository webSessions) {
        this.webSessions = webSessions;
    }

    /** The outcome: the errors, or the parsed values and the session to change. */
    record Validation(List<ApiServerError> errors, Target target, Long userId, String ipAddress,
                      SessionStatus status, boolean refresh) {
        boolean isValid() {
            return errors.isEmpty();
        }
    }

    /** Validates {@code request}, reading what it names now. */
    Validation validate(Tx tx, Caller caller, SessionUpdate request, Instant now) {
        return validate(caller, request, now, lookupAhead(tx, request));
    }

    /** What the request names, as read for the one look-up (null where absent or malformed). */
    private record Keys(String siteKey, Long sessionId, Long userId) {
    }

    /** The request's keys; what is missing or malformed is added to {@code errors}. */
    private static Keys keys(SessionUpdate request, List<ApiServerError> errors) {
        Long sessionId = id(request.sessionSurrogate(), "SessionSurrogate", ErrorCode.SESSION_SURROGATE_MISSING,
                ErrorCode.SESSION_SURROGATE_INVALID, errors);
        String siteKey = blankToNull(request.sessionSiteKey());
        if (siteKey == null) {
            errors.add(ApiServerError.of(ErrorCode.SITE_KEY_MISSING, "SessionSiteKey", "SessionSiteKey is mandatory."));
        }
        Long userId = id(request.sessionUserSurrogate(), "SessionUserSurrogate", null,
                ErrorCode.USER_SURROGATE_INVALID, errors);
        return new Keys(siteKey, sessionId, userId);
    }

    /**
     * The validation's one read, asked ahead ({@link NativeSql.Run#ahead}) so that it can travel behind the
     * caller's authentication; the caller is not known yet, and nothing of the read is used unless admitted.
     */
    NativeSql.Ahead<WebSessionRepository.UpdateLookup> lookupAhead(Tx tx, SessionUpdate request) {
        Keys keys = keys(request, new ArrayList<>()); // the validation reports the errors
        return webSessions.forUpdateAhead(tx, keys.siteKey(), keys.sessionId(), keys.userId());
    }

    /** Validates {@code request} on {@code lookup}, asked ahead for it by {@link #lookupAhead}. */
    Validation validate(Caller caller, SessionUpdate request, Instant now,
                        NativeSql.Ahead<WebSessionRepository.UpdateLookup> lookup) {
        List<ApiServerError> errors = new ArrayList<>();
        Keys keys = keys(request, errors);
        String siteKey = keys.siteKey();
        Long sessionId = keys.sessionId();
        Long userId = keys.userId();
        WebSessionRepository.UpdateLookup found = lookup.get().orElseThrow(); // the derived table yields one row

        if (siteKey != null && !caller.accountId().equals(found.siteAccountId())) {
            errors.add(ApiServerError.of(ErrorCode.SITE_NOT_FOUND, "SessionSiteKey",
                    "SessionSiteKey does not name an existing site."));
        }
        Target target = null;
        if (sessionId != null) {
            if (found.sessionId() == null || !caller.accountId().equals(found.sessionAccountId())) {
                errors.add(ApiServerError.of(ErrorCode.SESSION_NOT_FOUND, "SessionSurrogate",
                        "SessionSurrogate does not name a session of the site."));
            } else if (found.status() != SessionStatus.ACTIVE || isIdle(found, caller, now)) {
                errors.add(ApiServerError.of(ErrorCode.SESSION_NOT_ACTIVE, "SessionSurrogate",
                        "The session must be Active to be updated."));
            } else {
                target = new Target(sessionId, found.sessionAccountId(), found.userId(), found.ipAddress(),
                        found.roleIds(), found.administrator(), found.wholeAccount(), found.folderListId(),
                        found.folderGroupIds(),
                        found.version());
            }
        }
        if (userId != null) {
            if (found.foundUserId() == null || !caller.accountId().equals(found.userAccountId())
                    || found.userStatus() == UserStatus.DELETED) {
                errors.add(ApiServerError.of(ErrorCode.USER_NOT_FOUND, "SessionUserSurrogate",
                        "SessionUserSurrogate does not name a user of the site."));
            } else if (target != null && target.userId() != null && !target.userId().equals(userId)) {
                errors.add(ApiServerError.of(ErrorCode.USER_CANNOT_CHANGE, "SessionUserSurrogate",
                        "User for session can't be updated (the session already has an assigned user)."));
            }
        }
        String ip = blankToNull(request.ipAddress());
        if (ip != null && !isIpAddress(ip)) {
            errors.add(ApiServerError.of(ErrorCode.IP_ADDRESS_INVALID, "IpAddress",
                    "IpAddress must be an IPv4 or IPv6 address."));
        }
        Optional<SessionStatus> status = Optional.empty();
        if (blankToNull(request.sessionStatus()) == null) {
            errors.add(ApiServerError.of(ErrorCode.STATUS_MISSING, "SessionStatus", "SessionStatus is mandatory."));
        } else {
            status = SessionStatus.parse(request.sessionStatus());
            if (status.isEmpty()) {
                errors.add(ApiServerError.of(ErrorCode.STATUS_INVALID, "SessionStatus",
                        "Valid values are 'Active', 'Ended', 'TimedOut' (A, E, T)."));
            }
        }
        Boolean refresh = yesNo(request.refreshRolesAndFolderList());
        if (refresh == null) {
            errors.add(ApiServerError.of(ErrorCode.REFRESH_INVALID, "RefreshRolesAndFolderList",
                    "RefreshRolesAndFolderList must be Y or N."));
        }
        return new Validation(List.copyOf(errors), target, userId, ip, status.orElse(null),
                Boolean.TRUE.equals(refresh));
    }

    /**
     * Whether the session found has been idle past its timeout. The caller's own session is not, whatever the
     * look-up read: the authentication has just touched it in this transaction, and the look-up, asked ahead,
     * may have been read before that touch.
     */
    private static boolean isIdle(WebSessionRepository.UpdateLookup found, Caller caller, Instant now) {
        return !found.sessionId().equals(caller.webSessionId())
                && IdleTimeout.isIdle(found.lastRequestAt(), found.timeout(), now);
    }

    /** A positive integer, or null when absent (an error {@code missing} when that is given); errors are added. */
    static Long id(String raw, String field, ErrorCode missing, ErrorCode invalid, List<ApiServerError> errors) {
        Identifiers.Parsed parsed = Identifiers.parse(raw);
        if (parsed instanceof Identifiers.Parsed.Id id) {
            return id.value();
        }
        if (parsed instanceof Identifiers.Parsed.Invalid) {
            errors.add(ApiServerError.of(invalid, field, field + " must be a positive integer."));
        } else if (missing != null) {
            errors.add(ApiServerError.of(missing, field, field + " is mandatory."));
        }
        return null;
    }

    static boolean isIpAddress(String ip) {
        if (IPV4.matcher(ip).matches()) {
            return true;
        }
        if (!ip.contains(":") || !IPV6_CHARS.matcher(ip).matches()) {
            return false;
        }
        try {
            // a literal with only hex digits, colons and dots: parsed, never looked up
            java.net.InetAddress.getByName(ip);
            return true;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static Boolean yesNo(String raw) {
        String v = blankToNull(raw);
        if (v == null) {
            return Boolean.FALSE;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "y", "yes" -> Boolean.TRUE;
            case "n", "no" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
