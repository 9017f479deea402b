package dev.agentlocator.platform.kit.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The suite's one mail sender (ADR 0031): Spring's {@link JavaMailSenderImpl} over SMTP, with the
 * headers a DKIM-signing relay and a spam filter expect — a From in the sender's own domain, a
 * Message-ID in that domain (not the container's host name), a Date from the suite's clock — and a
 * multipart/alternative body of RTL HTML and plain text, both UTF-8.
 *
 * <p>Without {@code SMTP_HOST} (development without a relay) messages are logged, not sent;
 * production refuses to start without it ({@code ProductionSecrets}, group {@code mail}).
 */
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final MailProperties properties;
    private final JavaMailSenderImpl sender;
    private final InternetAddress from;
    private final Clock clock;

    public Mailer(MailProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.from = parseFrom(properties.from());
        this.sender = properties.configured() ? sender(properties) : null;
    }

    /** Sends now; a relay that refuses or cannot be reached is a {@link MailSendException}. */
    public void send(OutgoingMail mail) {
        if (sender == null) {
            log.info("SMTP_HOST is not set; not sending \"{}\" to {}:\n{}", mail.subject(), mail.to(), mail.text());
            return;
        }
        try {
            MimeMessage message = compose(mail);
            sender.send(message);
            log.info("Sent \"{}\" to {} ({})", mail.subject(), mail.to(), message.getMessageID());
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new MailSendException("Could not compose \"" + mail.subject() + "\"", e);
        }
    }

    /**
     * Sends once the caller's transaction commits (at once without one), so a rolled-back signup
     * never mails a link to a row that does not exist; a failure is logged, not thrown, since the
     * work it reports on is already committed (the user can ask for the mail again).
     */
    public void sendAfterCommit(OutgoingMail mail) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            sendLogged(mail);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sendLogged(mail);
            }
        });
    }

    private void sendLogged(OutgoingMail mail) {
        try {
            send(mail);
        } catch (RuntimeException e) {
            log.error("Could not send \"{}\" to {}: {}", mail.subject(), mail.to(), e.getMessage(), e);
        }
    }

    MimeMessage compose(OutgoingMail mail) throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = new DomainMessage(sessionForCompose(), domainOf(from));
        var helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
        helper.setFrom(from);
        helper.setTo(new InternetAddress(mail.to(), true));
        helper.setSubject(mail.subject());
        helper.setSentDate(Date.from(clock.instant()));
        helper.setText(mail.text(), mail.html());
        message.setHeader("Content-Language", "he");
        message.setHeader("Auto-Submitted", "auto-generated");
        return message;
    }

    private Session sessionForCompose() {
        return sender != null ? sender.getSession() : Session.getInstance(new Properties());
    }

    private static JavaMailSenderImpl sender(MailProperties properties) {
        var sender = new JavaMailSenderImpl();
        sender.setHost(properties.host().strip());
        sender.setPort(properties.port());
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        boolean auth = !properties.username().isBlank();
        if (auth) {
            sender.setUsername(properties.username());
            sender.setPassword(properties.password());
        }
        String security = properties.security().strip().toLowerCase(java.util.Locale.ROOT);
        Properties javaMail = sender.getJavaMailProperties();
        javaMail.put("mail.smtp.auth", String.valueOf(auth));
        String timeout = String.valueOf(properties.timeout().toMillis());
        javaMail.put("mail.smtp.connectiontimeout", timeout);
        javaMail.put("mail.smtp.timeout", timeout);
        javaMail.put("mail.smtp.writetimeout", timeout);
        switch (security) {
            case "starttls" -> {
                javaMail.put("mail.smtp.starttls.enable", "true");
                javaMail.put("mail.smtp.starttls.required", "true");
                javaMail.put("mail.smtp.ssl.checkserveridentity", "true");
            }
            case "tls" -> {
                sender.setProtocol("smtps");
                javaMail.put("mail.smtps.auth", String.valueOf(auth));
                javaMail.put("mail.smtps.ssl.checkserveridentity", "true");
                javaMail.put("mail.smtps.connectiontimeout", timeout);
                javaMail.put("mail.smtps.timeout", timeout);
                javaMail.put("mail.smtps.writetimeout", timeout);
            }
            case "none" -> {
                // a local catcher (GreenMail in tests and the local stack)
            }
            default ->
                throw new IllegalStateException(
                        "SMTP_SECURITY must be starttls, tls or none, not '" + properties.security() + "'");
        }
        return sender;
    }

    private static InternetAddress parseFrom(String from) {
        try {
            var address = new InternetAddress(from, true);
            if (address.getAddress() == null || !address.getAddress().contains("@")) {
                throw new IllegalStateException("SMTP_FROM is not a mail address: '" + from + "'");
            }
            return address;
        } catch (AddressException e) {
            throw new IllegalStateException("SMTP_FROM is not a mail address: '" + from + "'", e);
        }
    }

    static String domainOf(InternetAddress address) {
        String email = address.getAddress();
        return email.substring(email.lastIndexOf('@') + 1);
    }

    /** Keeps the Message-ID in the sender's domain, which the relay signs for. */
    private static final class DomainMessage extends MimeMessage {

        private final String domain;

        DomainMessage(Session session, String domain) {
            super(session);
            this.domain = domain;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            if (getHeader("Message-ID") == null) {
                setHeader("Message-ID", "<" + UUID.randomUUID() + "@" + domain + ">");
            }
        }
    }
}
