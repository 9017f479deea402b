package dev.agentlocator.telephony.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhonesTest {

    @Test
    void normalisesIsraeliAndTwilioFormsToE164() {
        assertThat(Phones.normalise("050-1234567")).contains("+972501234567");
        assertThat(Phones.normalise("+972501234567")).contains("+972501234567");
        assertThat(Phones.normalise("whatsapp:+972501234567")).contains("+972501234567");
        assertThat(Phones.normalise("+972 (0)50 123 4567")).contains("+972501234567");
        assertThat(Phones.normalise("00442071838750")).contains("+442071838750");
        assertThat(Phones.normalise("+14155238886")).contains("+14155238886");
    }

    @Test
    void refusesWhatIsNoPhoneNumber() {
        assertThat(Phones.normalise("anonymous")).isEmpty();
        assertThat(Phones.normalise("client:agent")).isEmpty();
        assertThat(Phones.normalise("")).isEmpty();
        assertThat(Phones.normalise(null)).isEmpty();
        assertThat(Phones.normalise("+12")).isEmpty();
    }
}
