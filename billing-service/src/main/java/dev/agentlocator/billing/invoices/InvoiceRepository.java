package dev.agentlocator.billing.invoices;

import dev.agentlocator.billing.common.LineItem;
import dev.agentlocator.billing.common.Money.Totals;
import dev.agentlocator.billing.settings.BusinessDetails;
import dev.agentlocator.platform.kit.paging.SortOrder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
            subtotal_agorot, vat_agorot, total_agorot, paid_agorot, currency, credit_of, credited_by,
            allocation_status, allocation_number, allocation_sandbox, allocation_rejection_reason, allocation_error,
            allocation_attempts, allocation_next_attempt_at, business_snapshot, original_produced_at, issued_at,
            paid_at, cancelled_at, created_at, updated_at""";

    private static final TypeReference<List<LineItem>> LINES = new TypeReference<>() {};

    /** An invoice waiting for its turn at the allocation provider. */
    record Due(UUID tenantId, UUID invoiceId) {}

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

    /**
     * Numbers the draft and freezes what the document says: the customer, the amounts and the business
     * details in force at {@code issuedAt}.
     */
    void markIssued(
            UUID tenantId,
            UUID id,
            long number,
            String status,
            String allocationStatus,
            String customerName,
            String customerVatId,
            Totals totals,
            BusinessDetails business,
            Instant issuedAt) {
        jdbc.sql("""
                        update invoice set number = :number, status = :status, allocation_status = :allocation,
                            customer_name = :name, customer_vat_id = :vatId, vat_rate_basis_points = :rate,
                            subtotal_agorot = :subtotal, vat_agorot = :vat, total_agorot = :total,
                            business_snapshot = cast(:business as jsonb), issued_at = :issuedAt,
                            allocation_next_attempt_at = case when :allocation = 'pending' then :issuedAt end,
                            paid_agorot = case when :status = 'paid' then :total else 0 end,
                            paid_at = case when :status = 'paid' then :issuedAt end,
                            updated_at = now()
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
                .param("business", json.writeValueAsString(business))
                .param("issuedAt", at(issuedAt))
                .param("tenant", tenantId)
                .param("id", id)
                .update();
    }

    /** Adds a receipt's share to an invoice; at the full total the invoice becomes {@code paid}. */
    void addPayment(UUID tenantId, UUID id, long amountAgorot, Instant paidAt) {
        jdbc.sql("""
                        update invoice set paid_agorot = paid_agorot + :amount,
                            status = case when paid_agorot + :amount >= total_agorot then 'paid' else status end,
                            paid_at = case when paid_agorot + :amount >= total_agorot then :paidAt else paid_at end,
                            updated_at = now()
                        where tenant_id = :tenant and id = :id
                        """)
                .param("amount", amountAgorot)
                .param("paidAt", at(paidAt))
                .param("tenant", tenantId)
                .param("id", id)
                .update();
    }

    void markCancelled(UUID tenantId, UUID id, UUID creditNoteId, Instant cancelledAt) {
        jdbc.sql("""
                        update invoice set status = 'cancelled', credited_by = ?, cancelled_at = ?, updated_at = now()
                        where tenant_id = ? and id = ?
                        """)
                .param(creditNoteId)
                .param(at(cancelledAt))
                .param(tenantId)
                .param(id)
                .update();
    }

    /** A credit note: issued at birth with its own number, carrying the original's lines and amounts. */
    void insertCreditNote(
            UUID tenantId, UUID id, Invoice original, long number, BusinessDetails business, Instant issuedAt) {
        jdbc.sql("""
                        insert into invoice (id, tenant_id, customer_id, customer_name, customer_vat_id, type, status,
                                             number, lines, vat_rate_basis_points, subtotal_agorot, vat_agorot,
                                             total_agorot, credit_of, business_snapshot, issued_at)
                        values (:id, :tenant, :customer, :name, :vatId, 'credit_note', 'issued', :number,
                                cast(:lines as jsonb), :rate, :subtotal, :vat, :total, :creditOf,
                                cast(:business as jsonb), :issuedAt)
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
                .param("business", json.writeValueAsString(business))
                .param("issuedAt", at(issuedAt))
                .update();
    }

    /** A receipt: issued at birth, no VAT, its total the sum of its payments. */
    void insertReceipt(
            UUID tenantId,
            UUID id,
            UUID customerId,
            String customerName,
            String customerVatId,
            long number,
            List<LineItem> lines,
            long totalAgorot,
            BusinessDetails business,
            Instant issuedAt) {
        jdbc.sql("""
                        insert into invoice (id, tenant_id, customer_id, customer_name, customer_vat_id, type, status,
                                             number, lines, vat_rate_basis_points, subtotal_agorot, vat_agorot,
                                             total_agorot, paid_agorot, business_snapshot, issued_at, paid_at)
                        values (:id, :tenant, :customer, :name, :vatId, 'receipt', 'issued', :number,
                                cast(:lines as jsonb), 0, :total, 0, :total, :total, cast(:business as jsonb),
                                :issuedAt, :issuedAt)
                        """)
                .param("id", id)
                .param("tenant", tenantId)
                .param("customer", customerId)
                .param("name", customerName)
                .param("vatId", customerVatId)
                .param("number", number)
                .param("lines", json.writeValueAsString(lines))
                .param("total", totalAgorot)
                .param("business", json.writeValueAsString(business))
                .param("issuedAt", at(issuedAt))
                .update();
    }

    /**
     * Records that the original was produced now, once: of two concurrent first prints exactly one
     * gets {@code true}, every later one {@code false}.
     */
    boolean markOriginalProduced(UUID tenantId, UUID id, Instant at) {
        return jdbc.sql("""
                        update invoice set original_produced_at = ?
                        where tenant_id = ? and id = ? and original_produced_at is null
                        """).param(at(at)).param(tenantId).param(id).update() == 1;
    }

    // --- allocation ----------------------------------------------------------------------------------

    /** Invoices whose next allocation attempt is due and that no worker holds, oldest first. */
    List<Due> dueForAllocation(Instant now, int limit) {
        return jdbc.sql("""
                        select tenant_id, id from invoice
                        where status = 'awaiting_allocation' and allocation_status = 'pending'
                            and allocation_next_attempt_at <= :now
                            and (allocation_lease_until is null or allocation_lease_until < :now)
                        order by allocation_next_attempt_at
                        limit :limit
                        """)
                .param("now", at(now))
                .param("limit", limit)
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list();
    }

    /**
     * Marks the pending invoices issued before {@code issuedBefore} that were not announced yet, and
     * returns them: each is announced once, whichever instance marks it.
     */
    List<Due> noticeOverdueAllocations(Instant issuedBefore, Instant now, int limit) {
        return jdbc.sql("""
                        update invoice set allocation_overdue_noticed_at = :now
                        where id in (
                            select id from invoice
                            where status = 'awaiting_allocation' and allocation_status = 'pending'
                                and allocation_overdue_noticed_at is null and issued_at < :before
                            order by issued_at
                            limit :limit
                            for update skip locked)
                        returning tenant_id, id
                        """)
                .param("now", at(now))
                .param("before", at(issuedBefore))
                .param("limit", limit)
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list();
    }

    /**
     * Takes the invoice for one attempt: locked, still pending, not leased, due. Skips a row another
     * worker holds instead of waiting for it.
     */
    Optional<Invoice> lockForAttempt(UUID tenantId, UUID id, Instant now) {
        return jdbc.sql("select " + COLUMNS + """
                         from invoice
                        where tenant_id = :tenant and id = :id and status = 'awaiting_allocation'
                            and allocation_status = 'pending'
                            and (allocation_lease_until is null or allocation_lease_until < :now)
                        for update skip locked
                        """)
                .param("tenant", tenantId)
                .param("id", id)
                .param("now", at(now))
                .query(this::map)
                .optional();
    }

    /** The request stored at the first attempt: every later attempt sends exactly it. */
    Optional<String> allocationRequest(UUID tenantId, UUID id) {
        return jdbc.sql("select cast(allocation_request as text) from invoice where tenant_id = ? and id = ?")
                .param(tenantId)
                .param(id)
                .query(String.class)
                .optional()
                .filter(request -> request != null);
    }

    void leaseForAttempt(UUID tenantId, UUID id, String request, int attempt, Instant leaseUntil) {
        jdbc.sql("""
                        update invoice set allocation_request = coalesce(allocation_request, cast(:request as jsonb)),
                            allocation_attempts = :attempt, allocation_lease_until = :lease, updated_at = now()
                        where tenant_id = :tenant and id = :id
                        """)
                .param("request", request)
                .param("attempt", attempt)
                .param("lease", at(leaseUntil))
                .param("tenant", tenantId)
                .param("id", id)
                .update();
    }

    /** Applies an allocation only while one is awaited, so a late duplicate answer changes nothing. */
    boolean recordAllocated(UUID tenantId, UUID id, String allocationNumber, boolean sandbox) {
        return jdbc.sql("""
                        update invoice set allocation_status = 'allocated', allocation_number = ?,
                            allocation_sandbox = ?, allocation_rejection_reason = null, allocation_error = null,
                            allocation_lease_until = null, allocation_next_attempt_at = null,
                            status = case when type = 'tax_invoice_receipt' then 'paid' else 'issued' end,
                            updated_at = now()
                        where tenant_id = ? and id = ? and status = 'awaiting_allocation'
                            and allocation_status = 'pending'
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
                            allocation_sandbox = ?, allocation_error = null, allocation_lease_until = null,
                            allocation_next_attempt_at = null, updated_at = now()
                        where tenant_id = ? and id = ? and status = 'awaiting_allocation'
                            and allocation_status = 'pending'
                        """)
                        .param(reason)
                        .param(sandbox)
                        .param(tenantId)
                        .param(id)
                        .update()
                == 1;
    }

    /** The attempt did not settle it: try again at {@code next}, or (null) only when asked to. */
    void recordUnsettled(UUID tenantId, UUID id, String error, Instant next) {
        jdbc.sql("""
                        update invoice set allocation_error = ?, allocation_next_attempt_at = ?,
                            allocation_lease_until = null, updated_at = now()
                        where tenant_id = ? and id = ? and status = 'awaiting_allocation'
                            and allocation_status = 'pending'
                        """)
                .param(error)
                .param(next == null ? null : at(next))
                .param(tenantId)
                .param(id)
                .update();
    }

    /** Asked to try again (after a rejection was fixed, or at once): pending and due now. */
    void markAllocationPending(UUID tenantId, UUID id, Instant now) {
        jdbc.sql("""
                        update invoice set allocation_status = 'pending', allocation_next_attempt_at = ?,
                            updated_at = now()
                        where tenant_id = ? and id = ? and status = 'awaiting_allocation'
                        """).param(at(now)).param(tenantId).param(id).update();
    }

    /** After the business (re)connects, every invoice that waited for the connection is due again. */
    int resumeAllocations(UUID tenantId, Instant now) {
        return jdbc.sql("""
                        update invoice set allocation_next_attempt_at = ?, updated_at = now()
                        where tenant_id = ? and status = 'awaiting_allocation' and allocation_status = 'pending'
                            and allocation_next_attempt_at is null
                        """).param(at(now)).param(tenantId).update();
    }

    // --- lists ---------------------------------------------------------------------------------------

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

    /** Issued documents (any status but draft) dated within the range, by type and number. */
    List<Invoice> issuedBetween(UUID tenantId, OffsetDateTime from, OffsetDateTime toExclusive) {
        return jdbc.sql("select " + COLUMNS + """
                         from invoice
                        where tenant_id = :tenant and status <> 'draft' and issued_at >= :from and issued_at < :to
                        order by type, number
                        """)
                .param("tenant", tenantId)
                .param("from", from)
                .param("to", toExclusive)
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

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private Invoice map(ResultSet rs, int row) throws SQLException {
        long number = rs.getLong("number");
        Long maybeNumber = rs.wasNull() ? null : number;
        boolean sandbox = rs.getBoolean("allocation_sandbox");
        Boolean maybeSandbox = rs.wasNull() ? null : sandbox;
        String business = rs.getString("business_snapshot");
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
                rs.getLong("paid_agorot"),
                rs.getString("currency"),
                rs.getObject("credit_of", UUID.class),
                rs.getObject("credited_by", UUID.class),
                rs.getString("allocation_status"),
                rs.getString("allocation_number"),
                maybeSandbox,
                rs.getString("allocation_rejection_reason"),
                rs.getString("allocation_error"),
                rs.getInt("allocation_attempts"),
                rs.getObject("allocation_next_attempt_at", OffsetDateTime.class),
                business == null ? null : json.readValue(business, BusinessDetails.class),
                rs.getObject("original_produced_at", OffsetDateTime.class),
                rs.getObject("issued_at", OffsetDateTime.class),
                rs.getObject("paid_at", OffsetDateTime.class),
                rs.getObject("cancelled_at", OffsetDateTime.class),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }
}
