package dev.agentlocator.testkit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real SMTP server (GreenMail) every integration test of this JVM sends mail to: {@link
 * ServiceIntegrationTest} points {@code SMTP_HOST}/{@code SMTP_PORT} at it. Tests read what a
 * service really sent over SMTP, never a mock.
 */
public final class TestMail {

    private static GreenMail server;

    private TestMail() {}

    public static synchronized GreenMail server() {
        if (server == null) {
            var setup = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
            server = new GreenMail(setup.dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "test-mail-stop"));
        }
        return server;
    }

    public static int port() {
        return server().getSmtp().getPort();
    }

    /**
     * The newest message to {@code recipient}, waiting (real time, not the test's clock: this is the
     * SMTP delivery, not the code under test) up to ten seconds for it to arrive.
     */
    public static MimeMessage latestTo(String recipient) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            Optional<MimeMessage> found = messagesTo(recipient).stream().reduce((first, second) -> second);
            if (found.isPresent()) {
                return found.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("No mail to " + recipient + " within 10 s");
            }
            server().waitForIncomingEmail(200, 1);
        }
    }

    /** Every message received so far for {@code recipient}, oldest first. */
    public static List<MimeMessage> messagesTo(String recipient) {
        return Arrays.stream(server().getReceivedMessages())
                .filter(message -> isTo(message, recipient))
                .toList();
    }

    /** The plain-text part of a message. */
    public static String text(MimeMessage message) {
        return part(message, "text/plain");
    }

    /** The HTML part of a message. */
    public static String html(MimeMessage message) {
        return part(message, "text/html");
    }

    /** The first link in the message's text that starts with {@code prefix}, e.g. {@code http://…/verify-email}. */
    public static String link(MimeMessage message, String prefix) {
        Matcher matcher = Pattern.compile(Pattern.quote(prefix) + "\\S*").matcher(text(message));
        if (!matcher.find()) {
            throw new AssertionError("No link starting with " + prefix + " in:\n" + text(message));
        }
        return matcher.group();
    }

    /** The value of query parameter {@code name} in a link. */
    public static String queryParameter(String link, String name) {
        Matcher matcher =
                Pattern.compile("[?&]" + Pattern.quote(name) + "=([^&#\\s]+)").matcher(link);
        if (!matcher.find()) {
            throw new AssertionError("No " + name + " in " + link);
        }
        return matcher.group(1);
    }

    private static boolean isTo(MimeMessage message, String recipient) {
        try {
            return Arrays.stream(message.getAllRecipients())
                    .anyMatch(address -> address.toString().equalsIgnoreCase(recipient));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(Part part, String type) {
        try {
            if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    String found = partOrNull(child, type);
                    if (found != null) {
                        return found;
                    }
                }
            }
            throw new AssertionError("No " + type + " part");
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String partOrNull(Part part, String type) {
        try {
            return part(part, type);
        } catch (AssertionError e) {
            return null;
        }
    }
}
