package dev.agentlocator.billing.contracts;

import dev.agentlocator.billing.common.LineItem;
import dev.agentlocator.billing.common.Money.Totals;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every statement of the business's API filters by tenant; only the public signing lookups go by
 * token hash, and they hand the tenant back so that everything after is tenant-scoped again.
 */
@Repository
class ContractRepository {

    private static final String COLUMNS = """
            id, tenant_id, customer_id, customer_name, title, terms, lines, vat_rate_basis_points, subtotal_agorot,
            vat_agorot, total_agorot, currency, status, sent_at, viewed_at, signed_at, declined_at, token_expires_at,
            token_used_at, signer_name, signer_ip, signer_user_agent, signed_document_sha256, created_at,
            updated_at, invoice_id""";

    private static final TypeReference<List<LineItem>> LINES = new TypeReference<>() {};

    /** A contract found by its signing token, with what the public endpoints need besides. */
    record Signing(UUID tenantId, Contract contract, OffsetDateTime tokenUsedAt) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ContractRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(
            UUID tenantId,
            UUID id,
            UUID customerId,
            String customerName,
            String title,
            String terms,
            List<LineItem> lines,
            Totals totals) {
        jdbc.sql("""
                        insert into contract (id, tenant_id, customer_id, customer_name, title, terms, lines,
                                              vat_rate_basis_points, subtotal_agorot, vat_agorot, total_agorot, status)
                        values (:id, :tenant, :customer, :name, :title, :terms, cast(:lines as jsonb), :rate,
                                :subtotal, :vat, :total, 'draft')
                        """)
                .param("id", id)
                .param("tenant", tenantId)
                .param("customer", customerId)
                .param("name", customerName)
                .param("title", title)
                .param("terms", terms)
                .param("lines", json.writeValueAsString(lines))
                .param("rate", totals.vatRateBasisPoints())
                .param("subtotal", totals.subtotalAgorot())
                .param("vat", totals.vatAgorot())
                .param("total", totals.totalAgorot())
                .update();
    }

    /** Editing takes the contract back to a draft and kills any signing link sent for the old text. */
    void updateContent(UUID tenantId, UUID id, String title, String terms, List<LineItem> lines, Totals totals) {
        jdbc.sql("""
                        update contract set title = :title, terms = :terms, lines = cast(:lines as jsonb),
                            vat_rate_basis_points = :rate, subtotal_agorot = :subtotal, vat_agorot = :vat,
                            total_agorot = :total, status = 'draft', token_hash = null, token_expires_at = null,
                            updated_at = now()
                        where tenant_id = :tenant and id = :id
                        """)
                .param("title", title)
                .param("terms", terms)
                .param("lines", json.writeValueAsString(lines))
                .param("rate", totals.vatRateBasisPoints())
                .param("subtotal", totals.subtotalAgorot())
                .param("vat", totals.vatAgorot())
                .param("total", totals.totalAgorot())
                .param("tenant", tenantId)
                .param("id", id)
                .update();
    }

    /** Records the invoice the quote became. */
    void markInvoiced(UUID tenantId, UUID id, UUID invoiceId) {
        jdbc.sql("update contract set invoice_id = ?, updated_at = now() where tenant_id = ? and id = ?")
                .param(invoiceId)
                .param(tenantId)
                .param(id)
                .update();
    }

    Optional<Contract> find(UUID tenantId, UUID id) {
        return select(tenantId, id, "");
    }

    Optional<Contract> findForUpdate(UUID tenantId, UUID id) {
        return select(tenantId, id, " for update");
    }

    private Optional<Contract> select(UUID tenantId, UUID id, String lock) {
        return jdbc.sql("select " + COLUMNS + " from contract where tenant_id = ? and id = ?" + lock)
                .param(tenantId)
                .param(id)
                .query(this::map)
                .optional();
    }

    Optional<Signing> findByTokenHash(String tokenHash, boolean lock) {
        return jdbc.sql("select " + COLUMNS + " from contract where token_hash = ?" + (lock ? " for update" : ""))
                .param(tokenHash)
                .query((rs, n) -> new Signing(
                        rs.getObject("tenant_id", UUID.class),
                        map(rs, n),
                        rs.getObject("token_used_at", OffsetDateTime.class)))
                .optional();
    }

    /** A new link replaces any earlier one: only the newest token's hash is kept. */
    void markSent(UUID tenantId, UUID id, String tokenHash, OffsetDateTime expiresAt) {
        jdbc.sql("""
                        update contract set status = 'sent', token_hash = ?, token_expires_at = ?, token_used_at = null,
                            sent_at = now(), viewed_at = null, updated_at = now()
                        where tenant_id = ? and id = ?
                        """)
                .param(tokenHash)
                .param(expiresAt)
                .param(tenantId)
                .param(id)
                .update();
    }

    boolean markViewed(UUID tenantId, UUID id) {
        return jdbc.sql("""
                        update contract set status = 'viewed', viewed_at = now(), updated_at = now()
                        where tenant_id = ? and id = ? and status = 'sent'
                        """).param(tenantId).param(id).update() == 1;
    }

    void markSigned(UUID tenantId, UUID id, SignedRecord s) {
        jdbc.sql("""
                        update contract set status = 'signed', signed_at = :at, token_used_at = :at,
                            signer_name = :name, signer_ip = :ip, signer_user_agent = :agent,
                            signed_document = :document, signed_document_sha256 = :sha,
                            signature_media_type = :mediaType, signature = :signature, signed_pdf = :pdf,
                            updated_at = now()
                        where tenant_id = :tenant and id = :id
                        """)
                .param("at", s.signedAt())
                .param("name", s.signerName())
                .param("ip", s.ip())
                .param("agent", s.userAgent())
                .param("document", s.document())
                .param("sha", s.documentSha256())
                .param("mediaType", s.signature().mediaType())
                .param("signature", s.signature().bytes())
                .param("pdf", s.signedPdf())
                .param("tenant", tenantId)
                .param("id", id)
                .update();
    }

    void markDeclined(UUID tenantId, UUID id) {
        jdbc.sql("""
                        update contract set status = 'declined', declined_at = now(), token_used_at = now(),
                            updated_at = now()
                        where tenant_id = ? and id = ?
                        """).param(tenantId).param(id).update();
    }

    /** Open links past their expiry, locked and skipped by a concurrent sweeper on another instance. */
    List<Signing> lockExpired(int limit) {
        return jdbc.sql("select " + COLUMNS + " from contract where status in ('sent', 'viewed')"
                        + " and token_expires_at < now() order by token_expires_at limit ? for update skip locked")
                .param(limit)
                .query((rs, n) -> new Signing(
                        rs.getObject("tenant_id", UUID.class),
                        map(rs, n),
                        rs.getObject("token_used_at", OffsetDateTime.class)))
                .list();
    }

    void markExpired(UUID tenantId, UUID id) {
        jdbc.sql("update contract set status = 'expired', updated_at = now() where tenant_id = ? and id = ?")
                .param(tenantId)
                .param(id)
                .update();
    }

    Optional<byte[]> signedPdf(UUID tenantId, UUID id) {
        return jdbc.sql("select signed_pdf from contract where tenant_id = ? and id = ? and signed_pdf is not null")
                .param(tenantId)
                .param(id)
                .query((rs, n) -> rs.getBytes(1))
                .optional();
    }

    long count(UUID tenantId, String status, UUID customerId) {
        return jdbc.sql("""
                        select count(*) from contract
                        where tenant_id = :tenant and (cast(:status as text) is null or status = :status)
                            and (cast(:customer as uuid) is null or customer_id = :customer)
                        """)
                .param("tenant", tenantId)
                .param("status", status)
                .param("customer", customerId)
                .query(Long.class)
                .single();
    }

    List<Contract> list(UUID tenantId, String status, UUID customerId, String orderBy, long offset, int limit) {
        String where = " from contract where tenant_id = :tenant"
                + " and (cast(:status as text) is null or status = :status)"
                + " and (cast(:customer as uuid) is null or customer_id = :customer)";
        return jdbc.sql("select " + COLUMNS + where + " order by " + orderBy + " limit :limit offset :offset")
                .param("tenant", tenantId)
                .param("status", status)
                .param("customer", customerId)
                .param("limit", limit)
                .param("offset", offset)
                .query(this::map)
                .list();
    }

    private Contract map(ResultSet rs, int row) throws SQLException {
        return new Contract(
                rs.getObject("id", UUID.class),
                rs.getObject("customer_id", UUID.class),
                rs.getString("customer_name"),
                rs.getString("title"),
                rs.getString("terms"),
                json.readValue(rs.getString("lines"), LINES),
                rs.getInt("vat_rate_basis_points"),
                rs.getLong("subtotal_agorot"),
                rs.getLong("vat_agorot"),
                rs.getLong("total_agorot"),
                rs.getString("currency"),
                rs.getString("status"),
                rs.getObject("sent_at", OffsetDateTime.class),
                rs.getObject("viewed_at", OffsetDateTime.class),
                rs.getObject("signed_at", OffsetDateTime.class),
                rs.getObject("declined_at", OffsetDateTime.class),
                rs.getObject("token_expires_at", OffsetDateTime.class),
                rs.getString("signer_name"),
                rs.getString("signer_ip"),
                rs.getString("signer_user_agent"),
                rs.getString("signed_document_sha256"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class),
                rs.getObject("invoice_id", UUID.class));
    }
}
