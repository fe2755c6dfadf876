package io.sessiongate.api.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, the one error shape of the JSON admin API ({@code /api/v1}),
 * served as {@code application/problem+json}.
 *
 * @param type       a URI naming the kind of problem; {@code about:blank} when the status says it all
 * @param incidentId on a server fault, the id under which the fault was logged
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String incidentId) {

    /** The media type of a problem detail. */
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, null);
    }
}
