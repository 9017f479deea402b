package dev.agentlocator.crm.auth;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class RefreshTokenRepository {

    record StoredToken(
            UUID id,
            UUID userId,
            UUID familyId,
            OffsetDateTime expiresAt,
            OffsetDateTime rotatedAt,
            OffsetDateTime revokedAt) {}

    private final JdbcClient jdbc;

    RefreshTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID userId, UUID familyId, String hash, OffsetDateTime expiresAt) {
        jdbc.sql("""
                        insert into refresh_token (id, user_id, family_id, token_hash, expires_at)
                        values (?, ?, ?, ?, ?)
                        """)
                .param(UUID.randomUUID())
                .param(userId)
                .param(familyId)
                .param(hash)
                .param(expiresAt)
                .update();
    }

    /** Locks the row, so two refreshes racing with one token cannot both rotate it. */
    Optional<StoredToken> findForUpdate(String hash) {
        return jdbc.sql("""
                        select id, user_id, family_id, expires_at, rotated_at, revoked_at
                        from refresh_token where token_hash = ? for update
                        """)
                .param(hash)
                .query((rs, i) -> new StoredToken(
                        rs.getObject("id", UUID.class),
                        rs.getObject("user_id", UUID.class),
                        rs.getObject("family_id", UUID.class),
                        rs.getObject("expires_at", OffsetDateTime.class),
                        rs.getObject("rotated_at", OffsetDateTime.class),
                        rs.getObject("revoked_at", OffsetDateTime.class)))
                .optional();
    }

    void markRotated(UUID id) {
        jdbc.sql("update refresh_token set rotated_at = now() where id = ?")
                .param(id)
                .update();
    }

    void revokeFamily(UUID familyId) {
        jdbc.sql("update refresh_token set revoked_at = now() where family_id = ? and revoked_at is null")
                .param(familyId)
                .update();
    }

    public void revokeAllOfUser(UUID userId) {
        jdbc.sql("update refresh_token set revoked_at = now() where user_id = ? and revoked_at is null")
                .param(userId)
                .update();
    }
}
