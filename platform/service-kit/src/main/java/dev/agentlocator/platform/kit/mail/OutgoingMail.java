package dev.agentlocator.platform.kit.mail;

import java.util.Objects;

/**
 * One message to one recipient: a subject and the same content twice, as right-to-left HTML and as
 * plain text (multipart/alternative), so that every client shows something readable.
 */
public record OutgoingMail(String to, String subject, String html, String text) {

    public OutgoingMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(text, "text");
    }
}
