package dev.agentlocator.billing.invoices;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The payments on receipts and tax invoice-receipts, and which invoices each receipt pays. */
@Repository
class PaymentRepository {

    /** A receipt's share of one invoice, with the invoice's number as printed. */
    record Settlement(UUID receiptId, UUID invoiceId, String invoiceType, Long invoiceNumber, long amountAgorot) {}

    private final JdbcClient jdbc;

    PaymentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID tenantId, UUID documentId, Payment p) {
        jdbc.sql("""
                        insert into payment (id, tenant_id, document_id, line_number, method, amount_agorot, paid_on,
                                             bank_number, branch_number, account_number, cheque_number,
                                             cheque_due_date, card_last4, card_company, installments, reference)
                        values (:id, :tenant, :document, :line, :method, :amount, :paidOn, :bank, :branch, :account,
                                :cheque, :due, :last4, :company, :installments, :reference)
                        """)
                .param("id", p.id())
                .param("tenant", tenantId)
                .param("document", documentId)
                .param("line", p.lineNumber())
                .param("method", p.method())
                .param("amount", p.amountAgorot())
                .param("paidOn", p.paidOn())
                .param("bank", p.bankNumber())
                .param("branch", p.branchNumber())
                .param("account", p.accountNumber())
                .param("cheque", p.chequeNumber())
                .param("due", p.chequeDueDate())
                .param("last4", p.cardLast4())
                .param("company", p.cardCompany())
                .param("installments", p.installments())
                .param("reference", p.reference())
                .update();
    }

    void settle(UUID tenantId, UUID receiptId, UUID invoiceId, long amountAgorot) {
        jdbc.sql("""
                        insert into receipt_allocation (tenant_id, receipt_id, invoice_id, amount_agorot)
                        values (?, ?, ?, ?)
                        """)
                .param(tenantId)
                .param(receiptId)
                .param(invoiceId)
                .param(amountAgorot)
                .update();
    }

    List<Payment> of(UUID tenantId, UUID documentId) {
        return byDocument(tenantId, List.of(documentId)).getOrDefault(documentId, List.of());
    }

    /** Payments of many documents in one query (the exports read hundreds). */
    Map<UUID, List<Payment>> byDocument(UUID tenantId, Collection<UUID> documentIds) {
        if (documentIds.isEmpty()) {
            return Map.of();
        }
        record Row(UUID documentId, Payment payment) {}
        return jdbc
                .sql("""
                        select document_id, id, line_number, method, amount_agorot, paid_on, bank_number, branch_number,
                               account_number, cheque_number, cheque_due_date, card_last4, card_company, installments,
                               reference
                        from payment where tenant_id = :tenant and document_id in (:ids)
                        order by document_id, line_number
                        """)
                .param("tenant", tenantId)
                .param("ids", documentIds)
                .query((rs, n) -> {
                    return new Row(
                            rs.getObject("document_id", UUID.class),
                            new Payment(
                                    rs.getObject("id", UUID.class),
                                    rs.getInt("line_number"),
                                    rs.getString("method"),
                                    rs.getLong("amount_agorot"),
                                    rs.getObject("paid_on", LocalDate.class),
                                    rs.getString("bank_number"),
                                    rs.getString("branch_number"),
                                    rs.getString("account_number"),
                                    rs.getString("cheque_number"),
                                    rs.getObject("cheque_due_date", LocalDate.class),
                                    rs.getString("card_last4"),
                                    rs.getString("card_company"),
                                    rs.getObject("installments", Integer.class),
                                    rs.getString("reference")));
                })
                .list()
                .stream()
                .collect(Collectors.groupingBy(Row::documentId, Collectors.mapping(Row::payment, Collectors.toList())));
    }

    /** What a receipt paid, or which receipts paid an invoice: rows where either side is the document. */
    List<Settlement> settlements(UUID tenantId, UUID documentId) {
        return jdbc.sql("""
                        select a.receipt_id, a.invoice_id, i.type, i.number, a.amount_agorot
                        from receipt_allocation a join invoice i on i.id = a.invoice_id and i.tenant_id = a.tenant_id
                        where a.tenant_id = :tenant and (a.receipt_id = :id or a.invoice_id = :id)
                        order by i.number
                        """)
                .param("tenant", tenantId)
                .param("id", documentId)
                .query((rs, n) -> new Settlement(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getObject(4, Long.class),
                        rs.getLong(5)))
                .list();
    }
}
