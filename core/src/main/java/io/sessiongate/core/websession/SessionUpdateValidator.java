package io.sessiongate.core.websession;

import static io.sessiongate.core.persistence.NativeRows.toBoolean;
import static io.sessiongate.core.persistence.NativeRows.toLong;

import io.sessiongate.api.apiserver.ApiServerError;
import io.sessiongate.api.apiserver.ErrorCode;
import io.sessiongate.api.apiserver.SessionStatus;
import io.sessiongate.api.apiserver.SessionUpdate;
import io.sessiongate.core.Identifiers;
import io.sessiongate.core.persistence.NativeSql;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hibernate.Session;

/**
 * Session.UpdateValidation's rules, all checked and all reported together: the session, the
 * site, the user, the IP address, the status and the refresh flag. One read finds the site, the
 * session and the user at once. Everything is scoped to the caller's account: another account's
 * site, session or user reads exactly like one that does not exist.
 */
public final class SessionUpdateValidator {

    /** Public so that the benchmark's database ceiling issues exactly this statement. */
    public static final NativeSql LOOKUP = NativeSql.of("""
            SELECT a.id, w.id, w.account_id, w.status, w.last_request_at < :cutoff, w.user_id, w.ip_address,
                   w.role_ids, w.administrator, w.folder_list_id, w.folder_group_ids, w.version,
                   u.id, u.account_id, u.status
            FROM (SELECT :site AS site, :session AS sid, :user AS uid) k
            LEFT JOIN account a ON a.site_key = k.site
            LEFT JOIN web_session w ON w.id = k.sid
            LEFT JOIN app_user u ON u.id = k.uid""");

    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    /** The session as the validation read it, for the update that follows. */
    record Target(long id, Long accountId, Long userId, String ipAddress, String roleIds, boolean administrator,
                  Long folderListId, String folderGroupIds, long version) {
    }

    /** The outcome: the errors, or the parsed values and the session to change. */
    record Validation(List<ApiServerError> errors, Target target, Long userId, String ipAddress,
                      SessionStatus status, boolean refresh) {
        boolean isValid() {
            return errors.isEmpty();
        }
    }

    Validation validate(Session s, Caller caller, SessionUpdate request, Instant now) {
        List<ApiServerError> errors = new ArrayList<>();
        Long sessionId = id(request.sessionSurrogate(), "SessionSurrogate", ErrorCode.SESSION_SURROGATE_MISSING,
                ErrorCode.SESSION_SURROGATE_INVALID, errors);
        String siteKey = blankToNull(request.sessionSiteKey());
        if (siteKey == null) {
            errors.add(ApiServerError.of(ErrorCode.SITE_KEY_MISSING, "SessionSiteKey", "SessionSiteKey is mandatory."));
        }
        Long userId = id(request.sessionUserSurrogate(), "SessionUserSurrogate", null,
                ErrorCode.USER_SURROGATE_INVALID, errors);

        Object[] row = LOOKUP.on(s)
                .set("cutoff", now.minus(CallerAuthenticator.IDLE_TIMEOUT))
                .set("site", siteKey)
                .set("session", sessionId)
                .set("user", userId)
                .one();

        if (siteKey != null && !caller.accountId().equals(toLong(row[0]))) {
            errors.add(ApiServerError.of(ErrorCode.SITE_NOT_FOUND, "SessionSiteKey",
                    "SessionSiteKey does not name an existing site."));
        }
        Target target = null;
        if (sessionId != null) {
            if (row[1] == null || !caller.accountId().equals(toLong(row[2]))) {
                errors.add(ApiServerError.of(ErrorCode.SESSION_NOT_FOUND, "SessionSurrogate",
                        "SessionSurrogate does not name a session of the site."));
            } else if (!SessionStatus.ACTIVE.code().equals(String.valueOf(row[3])) || toBoolean(row[4])) {
                errors.add(ApiServerError.of(ErrorCode.SESSION_NOT_ACTIVE, "SessionSurrogate",
                        "The session must be Active to be updated."));
            } else {
                target = new Target(sessionId, toLong(row[2]), toLong(row[5]), (String) row[6], (String) row[7],
                        toBoolean(row[8]), toLong(row[9]),
                        (String) row[10], toLong(row[11]));
            }
        }
        if (userId != null) {
            if (row[12] == null || !caller.accountId().equals(toLong(row[13])) || "DELETED".equals(row[14])) {
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
