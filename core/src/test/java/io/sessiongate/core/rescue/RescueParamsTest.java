package io.sessiongate.core.rescue;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessiongate.api.rescue.NodeRef;
import org.junit.jupiter.api.Test;

/** The Rescue API's parameters, read as leniently as the vendor reads them and no more. */
class RescueParamsTest {

    @Test
    void anIdIsAPositiveIntegerWithSpaceAroundAtMost() {
        assertThat(RescueParams.id(" 42 ")).hasValue(42);
        assertThat(RescueParams.id("0")).isEmpty();
        assertThat(RescueParams.id("-1")).isEmpty();
        assertThat(RescueParams.id("4x")).isEmpty();
        assertThat(RescueParams.id("1".repeat(19))).isEmpty();
        assertThat(RescueParams.id(null)).isEmpty();
        assertThat(RescueParams.id("")).isEmpty();
    }

    @Test
    void aBooleanIsTrueFalseOneOrZeroInAnyCase() {
        assertThat(RescueParams.bool("TRUE", false)).isTrue();
        assertThat(RescueParams.bool("0", true)).isFalse();
        assertThat(RescueParams.bool(" ", true)).isTrue();
        assertThat(RescueParams.bool(null, false)).isFalse();
        assertThat(RescueParams.bool("yes", false)).isNull();
    }

    @Test
    void aNodeRefIsNodeWhenMissingAndNothingElseThanNodeOrChannel() {
        assertThat(RescueParams.nodeRef(null)).contains(NodeRef.NODE);
        assertThat(RescueParams.nodeRef("channel")).contains(NodeRef.CHANNEL);
        assertThat(RescueParams.nodeRef("group")).isEmpty();
    }
}
