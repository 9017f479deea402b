package dev.agentlocator.billing.taxauthority;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A tenant's connection to the Tax Authority (its tokens, encrypted by the caller) and the
 * single-use states of connects in progress (stored as hashes).
 */
@Repository
class TaxAuthorityConnectionRepository {

    private final JdbcClient jdbc;

    TaxAuthorityConnectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A connection as stored: tokens still encrypted. */
    record Stored(
            byte[] access,
            byte[] refresh,
            OffsetDateTime accessExpiresAt,
            OffsetDateTime refreshExpiresAt,
            OffsetDateTime consentedAt) {}

    /** Tokens to write, encrypted; a null {@code refresh} on renewal keeps the stored one. */
    record EncryptedTokens(byte[] access, byte[] refresh, Instant accessExpiresAt, Instant refreshExpiresAt) {}

    void saveState(String stateHash, UUID tenantId, UUID userId, Instant expiresAt) {
        jdbc.sql("""
                        insert into tax_authority_oauth_state (state_hash, tenant_id, user_id, expires_at)
                        values (?, ?, ?, ?)
                        """)
                .param(stateHash)
                .param(tenantId)
                .param(userId)
                .param(at(expiresAt))
                .update();
    }

    /** Marks the owner's unused, unexpired state used; false when there is none such. */
    boolean useState(String stateHash, UUID tenantId, UUID userId, Instant now) {
        return jdbc.sql("""
                        update tax_authority_oauth_state set used_at = ?
                        where state_hash = ? and tenant_id = ? and user_id = ? and used_at is null and expires_at > ?
                        """)
                        .param(at(now))
                        .param(stateHash)
                        .param(tenantId)
                        .param(userId)
                        .param(at(now))
                        .update()
                == 1;
    }

    /** Finds the tenant's connection; {@code forUpdate} holds its row lock until the transaction ends. */
    Optional<Stored> find(UUID tenantId, boolean forUpdate) {
        return jdbc.sql("""
                        select access_token, refresh_token, access_token_expires_at, refresh_token_expires_at,
                               consented_at
                        from tax_authority_connection where tenant_id = ?""" + (forUpdate ? " for update" : ""))
                .param(tenantId)
                .query((rs, n) -> new Stored(
                        rs.getBytes(1),
                        rs.getBytes(2),
                        rs.getObject(3, OffsetDateTime.class),
                        rs.getObject(4, OffsetDateTime.class),
                        rs.getObject(5, OffsetDateTime.class)))
                .optional();
    }

    /** The connection after a consent, replacing any earlier one of the tenant. */
    void connect(UUID tenantId, EncryptedTokens tokens, Instant consentedAt, UUID connectedBy, Instant now) {
        jdbc.sql("""
                        insert into tax_authority_connection (tenant_id, access_token, refresh_token,
                            access_token_expires_at, refresh_token_expires_at, consented_at, connected_by, updated_at)
                        values (:tenant, :access, :refresh, :accessExpires, :refreshExpires, :consented, :user, :now)
                        on conflict (tenant_id) do update set access_token = excluded.access_token,
                            refresh_token = excluded.refresh_token,
                            access_token_expires_at = excluded.access_token_expires_at,
                            refresh_token_expires_at = excluded.refresh_token_expires_at,
                            consented_at = excluded.consented_at, connected_by = excluded.connected_by,
                            updated_at = excluded.updated_at
                        """)
                .param("tenant", tenantId)
                .param("access", tokens.access())
                .param("refresh", tokens.refresh())
                .param("accessExpires", at(tokens.accessExpiresAt()))
                .param("refreshExpires", at(tokens.refreshExpiresAt()))
                .param("consented", at(consentedAt))
                .param("user", connectedBy)
                .param("now", at(now))
                .update();
    }

    void renew(UUID tenantId, EncryptedTokens tokens, Instant now) {
        jdbc.sql("""
                        update tax_authority_connection set access_token = :access,
                            refresh_token = coalesce(:refresh, refresh_token), access_token_expires_at = :accessExpires,
                            refresh_token_expires_at = :refreshExpires, updated_at = :now
                        where tenant_id = :tenant
                        """)
                .param("access", tokens.access())
                .param("refresh", tokens.refresh())
                .param("accessExpires", at(tokens.accessExpiresAt()))
                .param("refreshExpires", at(tokens.refreshExpiresAt()))
                .param("now", at(now))
                .param("tenant", tenantId)
                .update();
    }

    /** The consent is spent: the refresh token counts as expired from {@code now}. */
    void expireConsent(UUID tenantId, Instant now) {
        jdbc.sql("update tax_authority_connection set refresh_token_expires_at = ?, updated_at = ? where tenant_id = ?")
                .param(at(now))
                .param(at(now))
                .param(tenantId)
                .update();
    }

    void delete(UUID tenantId) {
        jdbc.sql("delete from tax_authority_connection where tenant_id = ?")
                .param(tenantId)
                .update();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
