package io.sessiongate.api.apiserver;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The reply of {@code Session.Update} and {@code Session.UpdateValidation}, and the error shape of
 * every APIServer call: the returned status, and the error array of at most 20 entries.
 *
 * @param incidentId on a system fault (HTTP 500), the id under which it was logged
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiServerReply(@JsonProperty("ReturnedStatus") String returnedStatus,
                             @JsonProperty("NumberOfErrors") int numberOfErrors,
                             @JsonProperty("ErrorArray") List<ApiServerError> errorArray,
                             @JsonProperty("IncidentId") String incidentId) {

    public static final String SUCCESSFUL = "*Successful";
    public static final String ERROR = "*Error";

    /** The spec's ErrorArray(20): the most errors one reply carries. */
    public static final int MAX_ERRORS = 20;

    public ApiServerReply {
        errorArray = errorArray == null ? List.of() : List.copyOf(errorArray);
    }

    public static ApiServerReply successful() {
        return new ApiServerReply(SUCCESSFUL, 0, List.of(), null);
    }

    /** A failed reply with the first {@link #MAX_ERRORS} of {@code errors}; NumberOfErrors counts those written. */
    public static ApiServerReply failed(List<ApiServerError> errors) {
        List<ApiServerError> written = errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors;
        return new ApiServerReply(ERROR, written.size(), written, null);
    }

    public static ApiServerReply fault(String incidentId) {
        return new ApiServerReply(ERROR, 1, List.of(ApiServerError.of(ErrorCode.SYSTEM_ERROR, null,
                "A system error occurred; it was logged as incident " + incidentId + ".")), incidentId);
    }

    @JsonIgnore
    public boolean isSuccessful() {
        return SUCCESSFUL.equals(returnedStatus);
    }
}
