package io.sessiongate.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Query string and form body read together, as ASP.NET reads them. */
class FormParametersTest {

    @Test
    void namesMatchInAnyCaseAndTheQueryStringWinsOverTheBody() {
        FormParameters p = FormParameters.parse("Session=5001&node=1&node=2", "SESSION=9&comment=a+b%7Cc%0Ad");
        assertThat(p.get("session")).isEqualTo("5001");
        assertThat(p.get("NODE")).isEqualTo("1");
        assertThat(p.get("Comment")).isEqualTo("a b|c\nd");
        assertThat(p.get("missing")).isNull();
    }

    @Test
    void aNameWithoutValueIsEmptyAndEmptyPairsAreSkipped() {
        FormParameters p = FormParameters.parse("&&flag&x=", null);
        assertThat(p.get("flag")).isEmpty();
        assertThat(p.get("x")).isEmpty();
    }

    @Test
    void anInvalidPercentEncodingIsRefused() {
        assertThatThrownBy(() -> FormParameters.parse("a=%zz", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FormParameters.parse(null, "a=%4")).isInstanceOf(IllegalArgumentException.class);
    }
}
