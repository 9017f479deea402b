package dev.agentlocator.crm.auth;

import dev.agentlocator.platform.kit.mail.MailBody;
import dev.agentlocator.platform.kit.mail.OutgoingMail;
import java.time.Duration;

/** The Hebrew mails of self-service accounts (ADR 0031). */
final class AccountMails {

    private AccountMails() {}

    static OutgoingMail verifyEmail(String to, String name, String link, Duration ttl) {
        return MailBody.heading("ברוכים הבאים ל-AgentLocator, " + name)
                .paragraph("כדי להשלים את ההרשמה, אשרו שכתובת האימייל הזו שלכם.")
                .paragraph("הקישור בתוקף " + Durations.hebrew(ttl) + ". עד שהכתובת תאושר לא ניתן להתחבר מחדש.")
                .action("אישור כתובת האימייל", link)
                .paragraph("אם לא נרשמתם ל-AgentLocator, אפשר להתעלם ממכתב זה.")
                .to(to, "אישור כתובת האימייל ב-AgentLocator");
    }

    static OutgoingMail resetPassword(String to, String name, String link, Duration ttl) {
        return MailBody.heading("שלום " + name)
                .paragraph("קיבלנו בקשה לאפס את הסיסמה שלכם ב-AgentLocator.")
                .paragraph("הקישור בתוקף " + Durations.hebrew(ttl) + " ואפשר להשתמש בו פעם אחת בלבד. "
                        + "אחרי האיפוס תנותקו מכל המכשירים.")
                .action("בחירת סיסמה חדשה", link)
                .paragraph("אם לא ביקשתם לאפס את הסיסמה, התעלמו ממכתב זה: הסיסמה שלכם לא תשתנה.")
                .to(to, "איפוס הסיסמה ב-AgentLocator");
    }

    static OutgoingMail confirmNewEmail(String to, String name, String link, Duration ttl) {
        return MailBody.heading("שלום " + name)
                .paragraph("ביקשתם לשנות את כתובת האימייל שלכם ב-AgentLocator לכתובת זו.")
                .paragraph("הקישור בתוקף " + Durations.hebrew(ttl) + ". עד לאישור, ההתחברות נשארת בכתובת הקודמת.")
                .action("אישור הכתובת החדשה", link)
                .paragraph("אם לא ביקשתם את השינוי, התעלמו ממכתב זה.")
                .to(to, "אישור כתובת האימייל החדשה ב-AgentLocator");
    }

    static OutgoingMail invitation(String to, String name, String inviter, String business, String link, Duration ttl) {
        return MailBody.heading("שלום " + name)
                .paragraph(inviter + " מזמין/ה אותך להצטרף לצוות של " + business + " ב-AgentLocator.")
                .paragraph("בקישור תבחרו סיסמה משלכם ותיכנסו למערכת. ההזמנה בתוקף " + Durations.hebrew(ttl) + ".")
                .action("הצטרפות לצוות", link)
                .to(to, "הזמנה להצטרף ל-" + business + " ב-AgentLocator");
    }

    /** "לשעה אחת", "ל-48 שעות", "ל-7 ימים". */
    static final class Durations {

        private Durations() {}

        static String hebrew(Duration duration) {
            long hours = duration.toHours();
            if (hours >= 24 && hours % 24 == 0 && hours > 48) {
                return "ל-" + hours / 24 + " ימים";
            }
            if (hours == 1) {
                return "לשעה אחת";
            }
            if (hours >= 2) {
                return "ל-" + hours + " שעות";
            }
            return "ל-" + Math.max(1, duration.toMinutes()) + " דקות";
        }
    }
}
