package io.sessiongate.core.websession;

import io.sessiongate.api.apiserver.SessionStatus;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a web session's {@link SessionStatus} (the APIServer's own A/T/E) as its one-letter code. */
@Converter
public class WebSessionStatusConverter implements AttributeConverter<SessionStatus, String> {

    @Override
    public String convertToDatabaseColumn(SessionStatus status) {
        return status == null ? null : status.code();
    }

    @Override
    public SessionStatus convertToEntityAttribute(String code) {
        return code == null ? null : SessionStatus.parse(code)
                .orElseThrow(() -> new IllegalArgumentException("unknown web session status " + code));
    }
}
