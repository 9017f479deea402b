package dev.agentlocator.platform.kit.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.testkit.MutableClock;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import dev.agentlocator.testkit.TestMail;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** The kit's Mailer against a real SMTP server (GreenMail): what a mail client would receive. */
@ServiceIntegrationTest
@Import(MutableClock.Configuration.class)
class MailerIT {

    @Autowired
    Mailer mailer;

    @Test
    void sendsHebrewRtlHtmlAndPlainTextWithHeadersInTheSendersDomain() throws Exception {
        String to = "dana-" + System.nanoTime() + "@example.co.il";
        mailer.send(MailBody.heading("שלום דנה")
                .paragraph("זהו מכתב בדיקה <עם תווים מיוחדים & כאלה>.")
                .action("לאישור הכתובת", "http://localhost:5173/verify-email?token=abc")
                .to(to, "אישור כתובת האימייל"));

        var message = TestMail.latestTo(to);
        assertThat(message.getSubject()).isEqualTo("אישור כתובת האימייל");
        assertThat(((InternetAddress) message.getFrom()[0]).getAddress()).isEqualTo("noreply@agentlocator.test");
        assertThat(message.getMessageID()).matches("<[0-9a-f-]{36}@agentlocator\\.test>");
        assertThat(message.getSentDate().toInstant()).isEqualTo(MutableClock.DEFAULT);
        assertThat(message.getHeader("Content-Language")).containsExactly("he");
        assertThat(message.getHeader("Auto-Submitted")).containsExactly("auto-generated");

        String html = TestMail.html(message);
        assertThat(html)
                .contains("<html lang=\"he\" dir=\"rtl\">")
                .contains("שלום דנה")
                .contains("&lt;עם תווים מיוחדים &amp; כאלה&gt;")
                .contains("href=\"http://localhost:5173/verify-email?token=abc\"");
        String text = TestMail.text(message);
        assertThat(text)
                .contains("שלום דנה")
                .contains("<עם תווים מיוחדים & כאלה>")
                .contains("http://localhost:5173/verify-email?token=abc");
        assertThat(TestMail.link(message, "http://localhost:5173/verify-email"))
                .isEqualTo("http://localhost:5173/verify-email?token=abc");
    }

    @Test
    void sendAfterCommitWithoutATransactionSendsAtOnce() throws Exception {
        String to = "yossi-" + System.nanoTime() + "@example.co.il";
        mailer.sendAfterCommit(MailBody.heading("שלום").paragraph("בדיקה").to(to, "בדיקה"));

        assertThat(TestMail.latestTo(to).getAllRecipients()).hasSize(1);
    }
}
