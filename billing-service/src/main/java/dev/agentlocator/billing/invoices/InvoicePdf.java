package dev.agentlocator.billing.invoices;

import dev.agentlocator.billing.common.IsraelTime;
import dev.agentlocator.billing.common.LineItem;
import dev.agentlocator.billing.common.Money;
import dev.agentlocator.billing.pdf.RtlDocument;
import dev.agentlocator.billing.pdf.RtlDocument.Column;
import dev.agentlocator.billing.settings.BillingSettings;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The printable Hebrew document of an invoice, receipt or credit note. */
@Component
class InvoicePdf {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private static final List<Column> COLUMNS = List.of(
            new Column("תיאור", 235), new Column("כמות", 60), new Column("מחיר ליחידה", 95), new Column("סה״כ", 100));

    byte[] render(Invoice invoice, BillingSettings business, Invoice creditedOriginal) {
        String heading = invoice.title() + (invoice.number() == null ? " (טיוטה)" : " מספר " + invoice.number());
        try (var pdf = new RtlDocument(heading)) {
            if (business.businessName() != null) {
                pdf.boldLine(business.businessName());
            }
            if (business.businessId() != null) {
                pdf.line("עוסק מורשה: " + business.businessId());
            }
            if (business.address() != null) {
                pdf.line(business.address());
            }
            if (business.phone() != null) {
                pdf.line("טלפון: " + business.phone());
            }
            pdf.gap(12).heading(heading);
            if (InvoiceTypes.AWAITING_ALLOCATION.equals(invoice.status())) {
                pdf.boldLine("המסמך ממתין למספר הקצאה מרשות המסים ואינו תקף עד לקבלתו");
            }
            if (InvoiceTypes.CANCELLED.equals(invoice.status())) {
                pdf.boldLine("המסמך בוטל באמצעות חשבונית זיכוי");
            }
            OffsetDateTime date = invoice.issuedAt() != null ? invoice.issuedAt() : invoice.createdAt();
            pdf.line("תאריך: " + date.atZoneSameInstant(IsraelTime.ZONE).format(DATE));
            if (creditedOriginal != null && creditedOriginal.number() != null) {
                pdf.line("זיכוי עבור " + creditedOriginal.title() + " מספר " + creditedOriginal.number());
            }
            if (invoice.allocationNumber() != null) {
                // The law asks for the nine right-most digits on the printed document.
                String digits = invoice.allocationNumber();
                pdf.line("מספר הקצאה: " + digits.substring(Math.max(0, digits.length() - 9))
                        + (Boolean.TRUE.equals(invoice.allocationSandbox()) ? " (סביבת ניסוי)" : ""));
            }
            pdf.gap(8).boldLine("לכבוד: " + invoice.customerName());
            if (invoice.customerVatId() != null) {
                pdf.line("מספר עוסק של הלקוח: " + invoice.customerVatId());
            }
            pdf.gap(10).table(COLUMNS, rows(invoice.lines()));
            pdf.gap(6)
                    .line("סכום לפני מע״מ: " + Money.shekels(invoice.subtotalAgorot()))
                    .line("מע״מ " + Money.percent(invoice.vatRateBasisPoints()) + ": "
                            + Money.shekels(invoice.vatAgorot()))
                    .boldLine("סה״כ לתשלום: " + Money.shekels(invoice.totalAgorot()));
            pdf.gap(30).small("הופק באמצעות AgentLocator");
            return pdf.toBytes();
        }
    }

    private static List<List<String>> rows(List<LineItem> lines) {
        List<List<String>> rows = new ArrayList<>();
        for (LineItem line : lines) {
            rows.add(List.of(
                    line.description(),
                    line.quantity().toPlainString(),
                    Money.amount(line.unitPriceAgorot()),
                    Money.amount(line.totalAgorot())));
        }
        return rows;
    }
}
