package dev.agentlocator.telephony.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.security.RequestValidator;
import dev.agentlocator.testkit.TwilioSigner;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Our test signer, the SDK's validator and Twilio's published example agree. */
class TwilioSignerTest {

    static final String TOKEN = "12345";
    static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    static final Map<String, String> PARAMS = new LinkedHashMap<>(Map.of(
            "CallSid", "CA1234567890ABCDE",
            "Caller", "+12349013030",
            "Digits", "1234",
            "From", "+12349013030",
            "To", "+18005551212"));
    /** From Twilio's documentation ("Validating requests"), recorded in shared/NOTES.md. */
    static final String EXPECTED = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";

    @Test
    void signsTwiliosDocumentedExampleExactly() {
        assertThat(TwilioSigner.sign(TOKEN, URL, PARAMS)).isEqualTo(EXPECTED);
    }

    @Test
    void theSdksValidatorAcceptsTheDocumentedSignatureAndNothingElse() {
        var validator = new RequestValidator(TOKEN);
        assertThat(validator.validate(URL, PARAMS, EXPECTED)).isTrue();
        var tampered = new LinkedHashMap<>(PARAMS);
        tampered.put("Digits", "1235");
        assertThat(validator.validate(URL, tampered, EXPECTED)).isFalse();
        assertThat(validator.validate("https://mycompany.com/myapp.php?foo=1&bar=3", PARAMS, EXPECTED))
                .isFalse();
        assertThat(new RequestValidator("54321").validate(URL, PARAMS, EXPECTED))
                .isFalse();
    }
}
