package dev.agentlocator.telephony.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TwimlTest {

    @Test
    void recordsWithTheAttributesSpecC3Names() {
        String xml = Twiml.response()
                .play("https://x.test/static/voice_responses/a.mp3")
                .record("https://x.test/webhook/handle_recording")
                .build();
        assertThat(xml)
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
                        + "<Play>https://x.test/static/voice_responses/a.mp3</Play>"
                        + "<Record finishOnKey=\"*\" timeout=\"5\" maxLength=\"30\" method=\"POST\""
                        + " action=\"https://x.test/webhook/handle_recording\"/></Response>");
    }

    @Test
    void whatACallerOrAModelSaysNeverBecomesMarkup() {
        String xml = Twiml.response()
                .say("<Hangup/> & \"שלום\" 'x'\u0007", "Google.he-IL-Standard-A")
                .build();
        assertThat(xml)
                .contains("&lt;Hangup/&gt; &amp; &quot;שלום&quot; &apos;x&apos;</Say>")
                .doesNotContain("<Hangup/>")
                .doesNotContain("\u0007");
    }

    @Test
    void conversationRelayConnectsTheSocketWithTheActionAndEscapesTheGreeting() {
        String xml = Twiml.response()
                .conversationRelay(
                        "wss://x.test/relay/conversation",
                        "https://x.test/webhook/relay_action",
                        "שלום \"וברכה\" <b>",
                        "he-IL-Wavenet-A")
                .build();
        assertThat(xml)
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
                        + "<Connect action=\"https://x.test/webhook/relay_action\">"
                        + "<ConversationRelay url=\"wss://x.test/relay/conversation\" language=\"he-IL\""
                        + " ttsProvider=\"Google\" voice=\"he-IL-Wavenet-A\" transcriptionProvider=\"Google\""
                        + " interruptible=\"any\" welcomeGreeting=\"שלום &quot;וברכה&quot; &lt;b&gt;\"/>"
                        + "</Connect></Response>");
    }

    @Test
    void aHandOffDialsWithAWhisperForTheAgent() {
        String xml = Twiml.response()
                .dialWithWhisper("+97231234567", "+972501234567", "https://x.test/webhook/relay_whisper?summary=a&b")
                .build();
        assertThat(xml)
                .contains(
                        "<Dial callerId=\"+97231234567\"><Number url=\"https://x.test/webhook/relay_whisper?summary=a&amp;b\">"
                                + "+972501234567</Number></Dial>");
    }
}
