package dev.agentlocator.telephony.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.platform.kit.phone.PhoneNumbers;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Twilio's caller and WhatsApp addresses read with the suite's phone rule, as telephony reads them. */
class PhonesTest {

    @Test
    void normalisesIsraeliAndTwilioFormsToE164() {
        assertThat(read("050-1234567")).contains("+972501234567");
        assertThat(read("+972501234567")).contains("+972501234567");
        assertThat(read("whatsapp:+972501234567")).contains("+972501234567");
        assertThat(read("WhatsApp:+972501234567")).contains("+972501234567");
        assertThat(read("+972 (0)50 123 4567")).contains("+972501234567");
        assertThat(read("00442071838750")).contains("+442071838750");
        assertThat(read("+14155238886")).contains("+14155238886");
    }

    @Test
    void refusesWhatIsNoPhoneNumber() {
        assertThat(read("anonymous")).isEmpty();
        assertThat(read("client:agent")).isEmpty();
        assertThat(read("")).isEmpty();
        assertThat(read(null)).isEmpty();
        assertThat(read("+12")).isEmpty();
    }

    @Test
    void aWhatsAppAddressIsTheNumberWithItsPrefix() {
        assertThat(Phones.whatsApp("+972501234567")).isEqualTo("whatsapp:+972501234567");
        assertThat(Phones.stripWhatsApp(Phones.whatsApp("+972501234567"))).isEqualTo("+972501234567");
        assertThat(Phones.stripWhatsApp("MG0123")).isEqualTo("MG0123");
    }

    private static Optional<String> read(String address) {
        return PhoneNumbers.normalise(Phones.stripWhatsApp(address));
    }
}
