package dev.agentlocator.localstack.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwilioWebhookChecksTest {

    /** Twilio's documented example (auth token 12345), as verified in NOTES.md. */
    @Test
    void signsLikeTwilioDocumentsIt() {
        var checks = new TwilioWebhookChecks("12345", Path.of("unused.log"));

        String signature = checks.sign(
                "https://mycompany.com/myapp.php?foo=1&bar=2",
                Map.of(
                        "CallSid", "CA1234567890ABCDE",
                        "Caller", "+12349013030",
                        "Digits", "1234",
                        "From", "+12349013030",
                        "To", "+18005551212"));

        assertThat(signature).isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
    }
}
