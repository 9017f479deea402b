package dev.agentlocator.platform.kit.mail;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * Builds a Hebrew message: a heading, paragraphs, at most one action (a button in HTML, the bare
 * link in text) and a closing line. The HTML is a small, table-free RTL document with inline
 * styles only, as mail clients ignore style sheets.
 */
public final class MailBody {

    private final String heading;
    private final List<String> paragraphs = new ArrayList<>();
    private String actionLabel;
    private String actionUrl;
    private String footer = "צוות AgentLocator";

    private MailBody(String heading) {
        this.heading = heading;
    }

    public static MailBody heading(String heading) {
        return new MailBody(heading);
    }

    public MailBody paragraph(String text) {
        paragraphs.add(text);
        return this;
    }

    public MailBody action(String label, String url) {
        this.actionLabel = label;
        this.actionUrl = url;
        return this;
    }

    public MailBody footer(String text) {
        this.footer = text;
        return this;
    }

    public OutgoingMail to(String recipient, String subject) {
        return new OutgoingMail(recipient, subject, html(subject), text());
    }

    String html(String subject) {
        var html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"he\" dir=\"rtl\">\n<head>\n<meta charset=\"UTF-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>")
                .append(escape(subject))
                .append("</title>\n</head>\n")
                .append("<body dir=\"rtl\" style=\"margin:0;padding:24px;background:#f5f6f8;")
                .append("font-family:Arial,Helvetica,sans-serif;color:#1f2933;text-align:right;direction:rtl\">\n")
                .append("<div style=\"max-width:560px;margin:0 auto;background:#ffffff;padding:24px;")
                .append("border-radius:8px\">\n")
                .append("<h1 style=\"font-size:20px;margin:0 0 16px\">")
                .append(escape(heading))
                .append("</h1>\n");
        for (String paragraph : paragraphs) {
            html.append("<p style=\"font-size:16px;line-height:1.5;margin:0 0 12px\">")
                    .append(escape(paragraph))
                    .append("</p>\n");
        }
        if (actionUrl != null) {
            html.append("<p style=\"margin:24px 0\"><a href=\"")
                    .append(escape(actionUrl))
                    .append("\" style=\"display:inline-block;background:#1a56db;color:#ffffff;")
                    .append("padding:12px 20px;border-radius:6px;text-decoration:none;font-size:16px\">")
                    .append(escape(actionLabel))
                    .append("</a></p>\n")
                    .append("<p style=\"font-size:13px;color:#52606d;margin:0 0 12px\">")
                    .append("אם הכפתור אינו עובד, העתיקו את הקישור לדפדפן: <span dir=\"ltr\">")
                    .append(escape(actionUrl))
                    .append("</span></p>\n");
        }
        html.append("<p style=\"font-size:14px;color:#52606d;margin:24px 0 0\">")
                .append(escape(footer))
                .append("</p>\n</div>\n</body>\n</html>\n");
        return html.toString();
    }

    String text() {
        var text = new StringBuilder(heading).append("\n\n");
        paragraphs.forEach(p -> text.append(p).append("\n\n"));
        if (actionUrl != null) {
            text.append(actionLabel).append(":\n").append(actionUrl).append("\n\n");
        }
        return text.append(footer).append('\n').toString();
    }

    private static String escape(String value) {
        return HtmlUtils.htmlEscape(value, "UTF-8");
    }
}
