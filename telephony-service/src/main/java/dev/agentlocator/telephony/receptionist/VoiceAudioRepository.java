package dev.agentlocator.telephony.receptionist;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All SQL on {@code voice_audio}; texts are stored as their SHA-256 only. */
@Repository
class VoiceAudioRepository {

    private final JdbcClient jdbc;

    VoiceAudioRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UUID> greeting(UUID tenantId, String text) {
        return jdbc.sql("select id from voice_audio where kind = 'greeting' and tenant_id = ? and text_hash = ?")
                .param(tenantId)
                .param(hash(text))
                .query(UUID.class)
                .optional();
    }

    /** Does nothing when this tenant has the greeting already (another instance stored it first). */
    void insertGreeting(UUID id, UUID tenantId, String text, byte[] audio, String contentType) {
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
    }

    void insertReply(UUID id, UUID tenantId, String text, byte[] audio, String contentType) {
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

    Optional<VoiceAudio.Audio> load(UUID id) {
        return jdbc.sql("select audio, content_type from voice_audio where id = ?")
                .param(id)
                .query((rs, i) -> new VoiceAudio.Audio(rs.getBytes("audio"), rs.getString("content_type")))
                .optional();
    }

    int deleteRepliesOlderThan(Duration age) {
        return jdbc.sql("delete from voice_audio where kind = 'reply' and created_at < now() - ?::interval")
                .param(age.toSeconds() + " seconds")
                .update();
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
