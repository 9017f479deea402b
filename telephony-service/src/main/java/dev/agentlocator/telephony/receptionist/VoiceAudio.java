package dev.agentlocator.telephony.receptionist;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * Generated speech in the database, so whichever instance Twilio's fetch reaches can serve it.
 * Greetings are cached per tenant and text; replies expire after the retention period.
 */
@Repository
public class VoiceAudio {

    public static final String PATH = "/static/voice_responses/";
    private static final Logger log = LoggerFactory.getLogger(VoiceAudio.class);

    public record Audio(byte[] bytes, String contentType) {}

    private final JdbcClient jdbc;
    private final Duration retention;

    VoiceAudio(JdbcClient jdbc, ReceptionistProperties properties) {
        this.jdbc = jdbc;
        this.retention = properties.audioRetention();
    }

    public static String fileName(UUID id) {
        return id + ".mp3";
    }

    Optional<UUID> greeting(UUID tenantId, String text) {
        return jdbc.sql("select id from voice_audio where kind = 'greeting' and tenant_id = ? and text_hash = ?")
                .param(tenantId)
                .param(hash(text))
                .query(UUID.class)
                .optional();
    }

    UUID storeGreeting(UUID tenantId, String text, byte[] audio, String contentType) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into voice_audio (id, tenant_id, kind, text_hash, content_type, audio)
                        values (?, ?, 'greeting', ?, ?, ?) on conflict do nothing
                        """)
                .param(id)
                .param(tenantId)
                .param(hash(text))
                .param(contentType)
                .param(audio)
                .update();
        return greeting(tenantId, text).orElse(id);
    }

    void storeReply(UUID id, UUID tenantId, String text, byte[] audio, String contentType) {
        jdbc.sql("""
                        insert into voice_audio (id, tenant_id, kind, text_hash, content_type, audio)
                        values (?, ?, 'reply', ?, ?, ?)
                        """)
                .param(id)
                .param(tenantId)
                .param(hash(text))
                .param(contentType)
                .param(audio)
                .update();
    }

    Optional<Audio> load(UUID id) {
        return jdbc.sql("select audio, content_type from voice_audio where id = ?")
                .param(id)
                .query((rs, i) -> new Audio(rs.getBytes("audio"), rs.getString("content_type")))
                .optional();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void expireReplies() {
        int deleted = jdbc.sql("delete from voice_audio where kind = 'reply' and created_at < now() - ?::interval")
                .param(retention.toSeconds() + " seconds")
                .update();
        if (deleted > 0) {
            log.info("Deleted {} reply recordings older than {}", deleted, retention);
        }
    }

    static String hash(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
