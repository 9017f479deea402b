package dev.agentlocator.crm.auth;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The single-use links mailed to people (ADR 0031); only a token's SHA-256 is stored. */
@Repository
class AccountTokenRepository {

    enum Purpose {
        VERIFY_EMAIL("verify_email"),
        RESET_PASSWORD("reset_password"),
        CHANGE_EMAIL("change_email"),
        INVITATION("invitation");

        final String column;

        Purpose(String column) {
            this.column = column;
        }
    }

    record StoredLink(
            UUID id,
            UUID userId,
            UUID tenantId,
            String email,
            String name,
            String role,
            OffsetDateTime expiresAt,
            OffsetDateTime usedAt) {}

    record NewLink(UUID userId, UUID tenantId, String email, String name, String role) {

        static NewLink forUser(UUID userId, UUID tenantId, String email) {
            return new NewLink(userId, tenantId, email, null, null);
        }
    }

    private final JdbcClient jdbc;

    AccountTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Purpose purpose, String hash, NewLink link, OffsetDateTime createdAt, OffsetDateTime expiresAt) {
        jdbc.sql("""
                        insert into account_token
                            (id, purpose, token_hash, user_id, tenant_id, email, name, role, created_at, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .param(UUID.randomUUID())
                .param(purpose.column)
                .param(hash)
                .param(link.userId())
                .param(link.tenantId())
                .param(link.email())
                .param(link.name())
                .param(link.role())
                .param(createdAt)
                .param(expiresAt)
                .update();
    }

    /** Locks the row: two clicks racing on one link cannot both use it. */
    Optional<StoredLink> findForUpdate(Purpose purpose, String hash) {
        return jdbc.sql("""
                        select id, user_id, tenant_id, email, name, role, expires_at, used_at
                        from account_token where purpose = ? and token_hash = ? for update
                        """)
                .param(purpose.column)
                .param(hash)
                .query((rs, i) -> new StoredLink(
                        rs.getObject("id", UUID.class),
                        rs.getObject("user_id", UUID.class),
                        rs.getObject("tenant_id", UUID.class),
                        rs.getString("email"),
                        rs.getString("name"),
                        rs.getString("role"),
                        rs.getObject("expires_at", OffsetDateTime.class),
                        rs.getObject("used_at", OffsetDateTime.class)))
                .optional();
    }

    void markUsed(UUID id, OffsetDateTime at) {
        jdbc.sql("update account_token set used_at = ? where id = ?")
                .param(at)
                .param(id)
                .update();
    }

    /** A new link of a purpose replaces the user's earlier unused ones (only the newest mail works). */
    void retireOpen(Purpose purpose, UUID userId, OffsetDateTime at) {
        jdbc.sql("update account_token set used_at = ? where purpose = ? and user_id = ? and used_at is null")
                .param(at)
                .param(purpose.column)
                .param(userId)
                .update();
    }
}
