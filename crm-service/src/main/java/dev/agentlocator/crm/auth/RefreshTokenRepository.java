package dev.agentlocator.crm.auth;

import java.time.OffsetDateTime;
import java.util.List;
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

    /** A signed-in device: a refresh-token family still alive. */
    public record Session(UUID id, OffsetDateTime startedAt, OffsetDateTime lastUsedAt, OffsetDateTime expiresAt) {}

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

    List<Session> activeSessions(UUID userId, OffsetDateTime now) {
        return jdbc.sql("""
                        select t.family_id, t.created_at, t.expires_at,
                               (select min(f.created_at) from refresh_token f where f.family_id = t.family_id) as started_at
                        from refresh_token t
                        where t.user_id = ? and t.revoked_at is null and t.rotated_at is null and t.expires_at > ?
                        order by t.created_at desc
                        """)
                .param(userId)
                .param(now)
                .query((rs, i) -> new Session(
                        rs.getObject("family_id", UUID.class),
                        rs.getObject("started_at", OffsetDateTime.class),
                        rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("expires_at", OffsetDateTime.class)))
                .list();
    }

    /** Revokes one of the user's sessions; false when it is not theirs or already ended. */
    boolean revokeFamilyOf(UUID userId, UUID familyId) {
        return jdbc.sql(
                                "update refresh_token set revoked_at = now() where user_id = ? and family_id = ? and revoked_at is null")
                        .param(userId)
                        .param(familyId)
                        .update()
                > 0;
    }

    public void revokeAllOfUser(UUID userId) {
        jdbc.sql("update refresh_token set revoked_at = now() where user_id = ? and revoked_at is null")
                .param(userId)
                .update();
    }
}
