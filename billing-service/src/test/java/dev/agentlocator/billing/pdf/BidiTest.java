package dev.agentlocator.billing.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BidiTest {

    @Test
    void hebrewIsDrawnRightToLeftWhileNumbersAndLatinKeepTheirOrder() {
        assertThat(Bidi.visual("חשבונית מס 12")).isEqualTo("12 סמ תינובשח");
        assertThat(Bidi.visual("סה״כ: 1,234.56 ₪")).isEqualTo("₪ 1,234.56 :כ״הס");
        assertThat(Bidi.visual("רחוב Herzl 12")).isEqualTo("Herzl 12 בוחר");
    }

    @Test
    void bracketsAreMirroredInsideHebrew() {
        assertThat(Bidi.visual("מספר (ניסוי)")).isEqualTo("(יוסינ) רפסמ");
    }
}
