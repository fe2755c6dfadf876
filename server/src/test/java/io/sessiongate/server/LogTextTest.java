package io.sessiongate.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void lineBreaksControlCharactersAndNulAreEscaped() {
        assertThat(LogText.of("demo\n2026-12-01 INFO fake line\r\u0000\u0001\u2028\\"))
                .isEqualTo("demo\\n2026-12-01 INFO fake line\\r\\u0000\\u0001\\u2028\\\\");
        assertThat(LogText.of("plain text é")).isEqualTo("plain text é");
    }

    @Test
    void anExceptionMessageInATraceIsEscapedToo() {
        EscapedThrowable converter = new EscapedThrowable();
        converter.setContext(new ch.qos.logback.classic.LoggerContext());
        converter.start();
        ch.qos.logback.classic.spi.LoggingEvent event = new ch.qos.logback.classic.spi.LoggingEvent();
        event.setThrowableProxy(new ch.qos.logback.classic.spi.ThrowableProxy(new IllegalArgumentException(
                "site\n2026-12-01 ERROR forged", new IllegalStateException("nul\u0000"))));
        String trace = converter.convert(event);
        assertThat(trace).contains("IllegalArgumentException: site\\n2026-12-01 ERROR forged")
                .contains("Caused by: java.lang.IllegalStateException: nul\\u0000").doesNotContain("\u0000")
                .doesNotContain("\n2026-12-01");
    }

    @Test
    void aPathIsCutWhereAQueryStringCouldHaveBeenPut() {
        assertThat(LogText.path("/API/login.aspx%3Femail=a%40b.example%26pwd=SECRET")).isEqualTo("/API/login.aspx[...]");
        assertThat(LogText.path("/API/login.aspx;pwd=SECRET")).isEqualTo("/API/login.aspx[...]");
        assertThat(LogText.path("/API/login.aspx")).isEqualTo("/API/login.aspx");
        assertThat(LogText.path("/" + "a".repeat(300))).hasSize(LogText.MAX_PATH + 5);
    }
}
