package io.sessiongate.server;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %msg} with {@link LogText#of} applied: installed in {@code logback.xml} for every logger,
 * ours and the libraries', so that no message can hold a line break or a NUL, whoever wrote it.
 */
public final class EscapedMessage extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return LogText.of(event.getFormattedMessage());
    }
}
