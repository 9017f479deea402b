package dev.agentlocator.localstack.infra;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.agentlocator.localstack.Console;
import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local stack's mail catcher (ADR 0031): a real SMTP server in this JVM (GreenMail) that the
 * services send to, and a small page that shows what it caught, so a newcomer can finish signup,
 * a password reset or an invitation without any mail account. {@code /messages.json} is the same
 * list for the browser tests. Off when {@code SMTP_HOST} names a relay of the developer's own.
 */
public final class DevMail {

    private final Map<String, String> env;
    private GreenMail smtp;
    private HttpServer page;

    public DevMail(Map<String, String> env) {
        this.env = env;
    }

    public boolean enabled() {
        String host = env.get("SMTP_HOST");
        return host == null || host.isBlank();
    }

    public int smtpPort() {
        return intEnv("MAIL_DEV_SMTP_PORT", 3025);
    }

    public int pagePort() {
        return intEnv("MAIL_DEV_PORT", 8025);
    }

    /** The ports this starts, for the launcher's free-port check; none when a relay is configured. */
    public List<Integer> portsToStart() {
        return enabled() ? List.of(smtpPort(), pagePort()) : List.of();
    }

    public void start() {
        if (!enabled()) {
            Console.info("Mail: sent through " + env.get("SMTP_HOST") + " (SMTP_HOST)");
            return;
        }
        smtp = new GreenMail(new ServerSetup(smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            page = HttpServer.create(new InetSocketAddress("127.0.0.1", pagePort()), 0);
        } catch (IOException e) {
            smtp.stop();
            throw new IllegalStateException("Could not open the mail page on port " + pagePort(), e);
        }
        page.createContext("/messages.json", this::json);
        page.createContext("/", this::html);
        page.start();
        Console.info("Mail: captured by the development SMTP server at 127.0.0.1:" + smtpPort()
                + "; read it at http://localhost:" + pagePort());
    }

    /** What every service gets so that its mail reaches this catcher. */
    public Map<String, String> environment() {
        if (!enabled()) {
            return Map.of();
        }
        return Map.of(
                "SMTP_HOST",
                "127.0.0.1",
                "SMTP_PORT",
                String.valueOf(smtpPort()),
                "SMTP_SECURITY",
                "none",
                "SMTP_FROM",
                env.getOrDefault("SMTP_FROM", "AgentLocator <noreply@agentlocator.dev>"));
    }

    public String line() {
        return enabled() ? "Mail (signup, reset, invitations): http://localhost:" + pagePort() : null;
    }

    public void stop() {
        if (page != null) {
            page.stop(0);
            page = null;
        }
        if (smtp != null) {
            smtp.stop();
            smtp = null;
        }
    }

    private List<Map<String, String>> messages() throws Exception {
        List<Map<String, String>> list = new ArrayList<>();
        MimeMessage[] received = smtp.getReceivedMessages();
        for (int i = received.length - 1; i >= 0; i--) {
            MimeMessage message = received[i];
            Map<String, String> item = new LinkedHashMap<>();
            item.put("id", String.valueOf(i));
            item.put(
                    "to",
                    Arrays.stream(message.getAllRecipients())
                            .map(Address::toString)
                            .collect(Collectors.joining(", ")));
            item.put("subject", message.getSubject());
            item.put(
                    "date",
                    message.getSentDate() == null
                            ? ""
                            : message.getSentDate().toInstant().toString());
            item.put("text", part(message, "text/plain"));
            item.put("html", part(message, "text/html"));
            list.add(item);
        }
        return list;
    }

    private void json(HttpExchange exchange) throws IOException {
        try {
            respond(exchange, "application/json", JsonMapper.builder().build().writeValueAsString(messages()));
        } catch (Exception e) {
            respond(exchange, "text/plain", "Could not read the captured mail: " + e.getMessage());
        }
    }

    private void html(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            List<Map<String, String>> messages = messages();
            if (path.startsWith("/messages/")) {
                String id = path.substring("/messages/".length());
                String body = messages.stream()
                        .filter(m -> m.get("id").equals(id))
                        .findFirst()
                        .map(m -> m.get("html"))
                        .orElse("<p>No such message</p>");
                respond(exchange, "text/html", body);
                return;
            }
            var html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\">"
                    + "<title>Captured mail</title></head><body style=\"font-family:sans-serif\">"
                    + "<h1>Mail captured by the local stack</h1><p>Newest first; reload to see new mail.</p><ul>");
            for (Map<String, String> m : messages) {
                html.append("<li><a href=\"/messages/")
                        .append(m.get("id"))
                        .append("\">")
                        .append(HtmlUtils.htmlEscape(m.get("subject") == null ? "" : m.get("subject")))
                        .append("</a> — to ")
                        .append(HtmlUtils.htmlEscape(m.get("to")))
                        .append(" — ")
                        .append(m.get("date"))
                        .append("</li>");
            }
            respond(exchange, "text/html", html.append("</ul></body></html>").toString());
        } catch (Exception e) {
            respond(exchange, "text/plain", "Could not read the captured mail: " + e.getMessage());
        }
    }

    private static void respond(HttpExchange exchange, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        return "";
    }

    private int intEnv(String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, not '" + value + "'");
        }
    }
}
