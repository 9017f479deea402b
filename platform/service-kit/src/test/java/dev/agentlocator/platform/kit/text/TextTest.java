package dev.agentlocator.platform.kit.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void blankIsNothingAndAValueLosesItsSurroundingWhitespace() {
        assertThat(Text.blankToNull(null)).isNull();
        assertThat(Text.blankToNull("")).isNull();
        assertThat(Text.blankToNull(" \t\n")).isNull();
        assertThat(Text.blankToNull("\u2003"))
                .as("a Unicode space is blank too")
                .isNull();
        assertThat(Text.blankToNull("  דנה כהן ")).isEqualTo("דנה כהן");
        assertThat(Text.blankToNull("a b")).isEqualTo("a b");
    }
}
