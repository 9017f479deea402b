package dev.agentlocator.billing.invoices;

import dev.agentlocator.billing.common.LineItem;
import dev.agentlocator.billing.common.Money.Totals;
import dev.agentlocator.platform.kit.paging.SortOrder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Every statement filters by tenant: an invoice id alone never reaches a row. */
@Repository
class InvoiceRepository {

    private static final String COLUMNS = """
            id, customer_id, customer_name, customer_vat_id, type, status, number, lines, vat_rate_basis_points,
            subtotal_agorot, vat_agorot, total_agorot, currency, credit_of, credited_by, allocation_status,
            allocation_number, allocation_sandbox, allocation_rejection_reason, issued_at, paid_at, cancelled_at,
            created_at, updated_at""";

    private static final TypeReference<List<LineItem>> LINES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    InvoiceRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insertDraft(
            UUID tenantId,
            UUID id,
            UUID customerId,
            String customerName,
            String customerVatId,
            String type,
            List<LineItem> lines,
            Totals totals) {
        jdbc.sql("""
                        insert into invoice (id, tenant_id, customer_id, customer_name, customer_vat_id, type, status,
                                             lines, vat_rate_basis_points, subtotal_agorot, vat_agorot, total_agorot)
                        values (:id, :tenant, :customer, :name, :vatId, :type, 'draft', cast(:lines as jsonb),
                                :rate, :subtotal, :vat, :total)
                        """)
                .param("id", id)
                .param("tenant", tenantId)
                .param("customer", customerId)
                .param("name", customerName)
                .param("vatId", customerVatId)
                .param("type", type)
                .param("lines", json.writeValueAsString(lines))
                .param("rate", totals.vatRateBasisPoints())
                .param("subtotal", totals.subtotalAgorot())
                .param("vat", totals.vatAgorot())
                .param("total", totals.totalAgorot())
                .update();
    }

    /** Only a draft changes: the status condition keeps an issued document's content as issued. */
    void updateDraft(
            UUID tenantId,
            UUID id,
            UUID customerId,
            String customerName,
            String customerVatId,
            String type,
            List<LineItem> lines,
            Totals totals) {
        jdbc.sql("""
                        update invoice set customer_id = :customer, customer_name = :name, customer_vat_id = :vatId,
                            type = :type, lines = cast(:lines as jsonb), vat_rate_basis_points = :rate,
                            subtotal_agorot = :subtotal, vat_agorot = :vat, total_agorot = :total, updated_at = now()
                        where tenant_id = :tenant and id = :id and status = 'draft'
                        """)
                .param("customer", customerId)
                .param("name", customerName)
                .param("vatId", customerVatId)
                .param("type", type)
                .param("lines", json.writeValueAsString(lines))
                .param("rate", totals.vatRateBasisPoints())
                .param("subtotal", totals.subtotalAgorot())
                .param("vat", totals.vatAgorot())
                .param("total", totals.totalAgorot())
                .param("tenant", tenantId)
                .param("id", id)
                .update();
    }

    void deleteDraft(UUID tenantId, UUID id) {
        jdbc.sql("delete from invoice where tenant_id = ? and id = ? and status = 'draft'")
                .param(tenantId)
                .param(id)
                .update();
    }

    Optional<Invoice> find(UUID tenantId, UUID id) {
        return select(tenantId, id, "");
    }

    /** The row locked until the transaction ends, so two transitions of one invoice never interleave. */
    Optional<Invoice> findForUpdate(UUID tenantId, UUID id) {
        return select(tenantId, id, " for update");
    }

    private Optional<Invoice> select(UUID tenantId, UUID id, String lock) {
        return jdbc.sql("select " + COLUMNS + " from invoice where tenant_id = ? and id = ?" + lock)
                .param(tenantId)
                .param(id)
                .query(this::map)
                .optional();
    }

    void markIssued(
            UUID tenantId,
            UUID id,
            long number,
            String status,
            String allocationStatus,
            String customerName,
            String customerVatId,
            Totals totals,
            OffsetDateTime issuedAt) {
        jdbc.sql("""
                        update invoice set number = :number, status = :status, allocation_status = :allocation,
                            customer_name = :name, customer_vat_id = :vatId, vat_rate_basis_points = :rate,
                            subtotal_agorot = :subtotal, vat_agorot = :vat, total_agorot = :total,
                            issued_at = :issuedAt, updated_at = now()
                        where tenant_id = :tenant and id = :id
                        """)
                .param("number", number)
                .param("status", status)
                .param("allocation", allocationStatus)
                .param("name", customerName)
                .param("vatId", customerVatId)
                .param("rate", totals.vatRateBasisPoints())
                .param("subtotal", totals.subtotalAgorot())
                .param("vat", totals.vatAgorot())
                .param("total", totals.totalAgorot())
                .param("issuedAt", issuedAt)
                .param("tenant", tenantId)
                .param("id", id)
                .update();
    }

    void markPaid(UUID tenantId, UUID id) {
        jdbc.sql(
                        "update invoice set status = 'paid', paid_at = now(), updated_at = now() where tenant_id = ? and id = ?")
                .param(tenantId)
                .param(id)
                .update();
    }

    void markCancelled(UUID tenantId, UUID id, UUID creditNoteId) {
        jdbc.sql("""
                        update invoice set status = 'cancelled', credited_by = ?, cancelled_at = now(), updated_at = now()
                        where tenant_id = ? and id = ?
                        """).param(creditNoteId).param(tenantId).param(id).update();
    }

    /** A credit note: issued at birth with its own number, carrying the original's lines and amounts. */
    void insertCreditNote(UUID tenantId, UUID id, Invoice original, long number) {
        jdbc.sql("""
                        insert into invoice (id, tenant_id, customer_id, customer_name, customer_vat_id, type, status,
                                             number, lines, vat_rate_basis_points, subtotal_agorot, vat_agorot,
                                             total_agorot, credit_of, issued_at)
                        values (:id, :tenant, :customer, :name, :vatId, 'credit_note', 'issued', :number,
                                cast(:lines as jsonb), :rate, :subtotal, :vat, :total, :creditOf, now())
                        """)
                .param("id", id)
                .param("tenant", tenantId)
                .param("customer", original.customerId())
                .param("name", original.customerName())
                .param("vatId", original.customerVatId())
                .param("number", number)
                .param("lines", json.writeValueAsString(original.lines()))
                .param("rate", original.vatRateBasisPoints())
                .param("subtotal", original.subtotalAgorot())
                .param("vat", original.vatAgorot())
                .param("total", original.totalAgorot())
                .param("creditOf", original.id())
                .update();
    }

    /** Applies a provider's answer only while one is awaited, so a late duplicate answer changes nothing. */
    boolean recordAllocated(UUID tenantId, UUID id, String allocationNumber, boolean sandbox) {
        return jdbc.sql("""
                        update invoice set allocation_status = 'allocated', allocation_number = ?,
                            allocation_sandbox = ?, allocation_rejection_reason = null, status = 'issued',
                            updated_at = now()
                        where tenant_id = ? and id = ? and status = 'awaiting_allocation'
                            and allocation_status in ('pending', 'rejected')
                        """)
                        .param(allocationNumber)
                        .param(sandbox)
                        .param(tenantId)
                        .param(id)
                        .update()
                == 1;
    }

    boolean recordRejected(UUID tenantId, UUID id, String reason, boolean sandbox) {
        return jdbc.sql("""
                        update invoice set allocation_status = 'rejected', allocation_rejection_reason = ?,
                            allocation_sandbox = ?, updated_at = now()
                        where tenant_id = ? and id = ? and status = 'awaiting_allocation'
                            and allocation_status in ('pending', 'rejected')
                        """)
                        .param(reason)
                        .param(sandbox)
                        .param(tenantId)
                        .param(id)
                        .update()
                == 1;
    }

    void markAllocationPending(UUID tenantId, UUID id) {
        jdbc.sql("""
                        update invoice set allocation_status = 'pending', updated_at = now()
                        where tenant_id = ? and id = ? and status = 'awaiting_allocation'
                        """).param(tenantId).param(id).update();
    }

    long count(UUID tenantId, InvoiceFilter filter) {
        var where = where(tenantId, filter);
        return jdbc.sql("select count(*) from invoice where " + where.sql)
                .params(where.params)
                .query(Long.class)
                .single();
    }

    List<Invoice> list(UUID tenantId, InvoiceFilter filter, SortOrder sort, long offset, int limit) {
        var where = where(tenantId, filter);
        return jdbc.sql("select " + COLUMNS + " from invoice where " + where.sql + " order by " + sort.orderBy()
                        + " limit :limit offset :offset")
                .params(where.params)
                .param("limit", limit)
                .param("offset", offset)
                .query(this::map)
                .list();
    }

    private record Where(String sql, Map<String, Object> params) {}

    private static Where where(UUID tenantId, InvoiceFilter f) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        clauses.add("tenant_id = :tenant");
        params.put("tenant", tenantId);
        if (f.status() != null) {
            clauses.add("status = :status");
            params.put("status", f.status());
        }
        if (f.type() != null) {
            clauses.add("type = :type");
            params.put("type", f.type());
        }
        if (f.customerId() != null) {
            clauses.add("customer_id = :customer");
            params.put("customer", f.customerId());
        }
        if (f.from() != null) {
            clauses.add("coalesce(issued_at, created_at) >= :from");
            params.put("from", f.from());
        }
        if (f.toExclusive() != null) {
            clauses.add("coalesce(issued_at, created_at) < :to");
            params.put("to", f.toExclusive());
        }
        return new Where(String.join(" and ", clauses), params);
    }

    private Invoice map(ResultSet rs, int row) throws SQLException {
        long number = rs.getLong("number");
        Long maybeNumber = rs.wasNull() ? null : number;
        boolean sandbox = rs.getBoolean("allocation_sandbox");
        Boolean maybeSandbox = rs.wasNull() ? null : sandbox;
        return new Invoice(
                rs.getObject("id", UUID.class),
                rs.getObject("customer_id", UUID.class),
                rs.getString("customer_name"),
                rs.getString("customer_vat_id"),
                rs.getString("type"),
                rs.getString("status"),
                maybeNumber,
                json.readValue(rs.getString("lines"), LINES),
                rs.getInt("vat_rate_basis_points"),
                rs.getLong("subtotal_agorot"),
                rs.getLong("vat_agorot"),
                rs.getLong("total_agorot"),
                rs.getString("currency"),
                rs.getObject("credit_of", UUID.class),
                rs.getObject("credited_by", UUID.class),
                rs.getString("allocation_status"),
                rs.getString("allocation_number"),
                maybeSandbox,
                rs.getString("allocation_rejection_reason"),
                rs.getObject("issued_at", OffsetDateTime.class),
                rs.getObject("paid_at", OffsetDateTime.class),
                rs.getObject("cancelled_at", OffsetDateTime.class),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }
}
