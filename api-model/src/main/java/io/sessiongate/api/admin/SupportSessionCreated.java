package io.sessiongate.api.admin;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The new session's id, its status, and for a technician's session its 6-digit PIN code (else null). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SupportSessionCreated(long id, String status, String pinCode) {
}
