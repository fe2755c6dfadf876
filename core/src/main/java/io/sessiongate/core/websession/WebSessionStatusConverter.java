package io.sessiongate.core.websession;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link WebSessionStatus} as its one-letter code. */
@Converter
public class WebSessionStatusConverter implements AttributeConverter<WebSessionStatus, String> {

    @Override
    public String convertToDatabaseColumn(WebSessionStatus status) {
        return status == null ? null : status.code();
    }

    @Override
    public WebSessionStatus convertToEntityAttribute(String code) {
        return code == null ? null : WebSessionStatus.fromCode(code);
    }
}
