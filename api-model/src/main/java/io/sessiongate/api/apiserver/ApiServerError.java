package io.sessiongate.api.apiserver;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One entry of the error array: what is wrong, in which field, under which stable code. */
public record ApiServerError(@JsonProperty("ErrorMessage") String errorMessage,
                             @JsonProperty("Field") String field,
                             @JsonProperty("Code") String code) {

    public static ApiServerError of(ErrorCode code, String field, String message) {
        return new ApiServerError(message, field, code.name());
    }
}
