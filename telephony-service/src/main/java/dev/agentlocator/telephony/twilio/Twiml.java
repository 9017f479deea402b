package dev.agentlocator.telephony.twilio;

import java.util.function.Consumer;

/**
 * Builds TwiML documents (Twilio's voice XML). Every text and URL is escaped, so what a caller said
 * or a model wrote can never become markup.
 */
public final class Twiml {

    public static final String CONTENT_TYPE = "application/xml;charset=UTF-8";

    private final StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>");

    public static Twiml response() {
        return new Twiml();
    }

    public Twiml play(String url) {
        xml.append("<Play>").append(escape(url)).append("</Play>");
        return this;
    }

    /** Twilio's own voice: works when our text-to-speech does not. */
    public Twiml say(String text, String voice) {
        xml.append("<Say language=\"he-IL\" voice=\"")
                .append(escape(voice))
                .append("\">")
                .append(escape(text))
                .append("</Say>");
        return this;
    }

    /** SPEC C3: the caller speaks until {@code *}, 5 s of silence or 30 s; then {@code action}. */
    public Twiml record(String action) {
        xml.append("<Record finishOnKey=\"*\" timeout=\"5\" maxLength=\"30\" method=\"POST\" action=\"")
                .append(escape(action))
                .append("\"/>");
        return this;
    }

    public Twiml dial(String callerId, String number) {
        xml.append("<Dial callerId=\"")
                .append(escape(callerId))
                .append("\"><Number>")
                .append(escape(number))
                .append("</Number></Dial>");
        return this;
    }

    /**
     * Issue 24: hands the call to Twilio's ConversationRelay (he-IL speech both ways) talking to our
     * WebSocket at {@code url}; when the session ends (our {@code end}, or the socket failing)
     * Twilio requests {@code action} for the rest of the call. Twilio itself speaks the greeting.
     */
    public Twiml conversationRelay(String url, String action, String welcomeGreeting, String voice) {
        xml.append("<Connect action=\"")
                .append(escape(action))
                .append("\"><ConversationRelay url=\"")
                .append(escape(url))
                .append("\" language=\"he-IL\" ttsProvider=\"Google\" voice=\"")
                .append(escape(voice))
                .append("\" transcriptionProvider=\"Google\" interruptible=\"any\" welcomeGreeting=\"")
                .append(escape(welcomeGreeting))
                .append("\"/></Connect>");
        return this;
    }

    /** Dials {@code number}; the agent first hears the TwiML at {@code whisperUrl} (the caller does not). */
    public Twiml dialWithWhisper(String callerId, String number, String whisperUrl) {
        xml.append("<Dial callerId=\"")
                .append(escape(callerId))
                .append("\"><Number url=\"")
                .append(escape(whisperUrl))
                .append("\">")
                .append(escape(number))
                .append("</Number></Dial>");
        return this;
    }

    /** Lets a caller add verbs by its own rules without breaking the chain. */
    public Twiml then(Consumer<Twiml> verbs) {
        verbs.accept(this);
        return this;
    }

    public Twiml hangup() {
        xml.append("<Hangup/>");
        return this;
    }

    public String build() {
        return xml + "</Response>";
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        var out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    // XML 1.0 forbids most control characters; drop them rather than break the document.
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
