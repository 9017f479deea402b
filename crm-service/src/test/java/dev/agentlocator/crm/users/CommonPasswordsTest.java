package dev.agentlocator.crm.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentlocator.platform.kit.errors.ApiException;
import org.junit.jupiter.api.Test;

class CommonPasswordsTest {

    private final CommonPasswords common = new CommonPasswords();

    @Test
    void theShippedListHoldsTenThousandPasswords() {
        assertThat(common.size()).isEqualTo(10_000);
    }

    @Test
    void refusesListedPasswordsWhateverTheirCase() {
        assertThat(common.isCommon("password")).isTrue();
        assertThat(common.isCommon("Password1")).isTrue();
        assertThat(common.isCommon("QWERTY123")).isTrue();
        assertThatThrownBy(() -> common.check("iloveyou"))
                .isInstanceOf(ApiException.class)
                .hasMessage(CommonPasswords.TOO_COMMON);
    }

    @Test
    void acceptsWhatIsNotOnTheList() {
        assertThat(common.isCommon("Galil-office-2026")).isFalse();
        assertThat(common.isCommon("סיסמה-ארוכה-בעברית")).isFalse();
        common.check("Galil-office-2026");
        common.check(null);
    }
}
