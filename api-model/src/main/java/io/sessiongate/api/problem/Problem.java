package io.sessiongate.api.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sessiongate.api.admin.FieldError;
import java.util.List;

/**
 * An RFC 9457 problem detail, the one error shape of the JSON API ({@code /api/v1}), served as
 * {@code application/problem+json}. Each kind of problem has a stable absolute {@code type} URI (a
 * {@code tag:} URI, RFC 9457 section 4.2: an identifier, not meant to be dereferenced); the
 * extension members carry what a program needs.
 *
 * @param type       a URI naming the kind of problem ({@code tag:sessiongate.io,2026:problems/...})
 * @param code       a machine-readable code where the kind has several (e.g. the Rescue code of a refused
 *                   support-session action, {@code ACTIONFAILED}); null otherwise
 * @param errors     for a validation failure (422): every broken rule, not only the first
 * @param incidentId on a server fault, the id under which the fault was logged
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String code,
                      List<FieldError> errors, String incidentId) {

    /** The media type of a problem detail. */
    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        errors = errors == null ? null : List.copyOf(errors);
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, null, null, null);
    }
}
