package dev.agentlocator.billing.invoices;

import dev.agentlocator.billing.common.IsraelTime;
import dev.agentlocator.billing.common.Money;
import dev.agentlocator.billing.invoices.PaymentRepository.Settlement;
import dev.agentlocator.billing.pdf.PricedLines;
import dev.agentlocator.billing.pdf.RtlDocument;
import dev.agentlocator.billing.pdf.RtlDocument.Column;
import dev.agentlocator.billing.settings.BusinessDetails;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The printable Hebrew document of a tax invoice, tax invoice-receipt, receipt or credit note. */
@Component
class InvoicePdf {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final String ORIGINAL = "מקור";
    static final String TRUE_COPY = "העתק נאמן למקור";

    private static final List<Column> PAYMENT_COLUMNS = List.of(
            new Column("אמצעי תשלום", 95), new Column("פרטים", 225), new Column("תאריך", 75), new Column("סכום", 95));

    /** What goes on the page besides the document itself. */
    record Contents(
            BusinessDetails business,
            String copyLabel,
            Invoice creditedOriginal,
            List<Payment> payments,
            List<Settlement> settlements) {}

    byte[] render(Invoice invoice, Contents contents) {
        String heading = invoice.title() + (invoice.number() == null ? " (טיוטה)" : " מספר " + invoice.number());
        try (var pdf = new RtlDocument(heading)) {
            BusinessDetails business = contents.business();
            if (business != null) {
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
            }
            pdf.gap(12).heading(heading);
            if (contents.copyLabel() != null) {
                pdf.boldLine(contents.copyLabel());
            }
            if (InvoiceTypes.AWAITING_ALLOCATION.equals(invoice.status())) {
                pdf.boldLine("המסמך ממתין למספר הקצאה מרשות המסים ואינו תקף עד לקבלתו");
            }
            if (InvoiceTypes.CANCELLED.equals(invoice.status())) {
                pdf.boldLine("המסמך בוטל באמצעות חשבונית זיכוי");
            }
            pdf.line("תאריך: " + day(IsraelTime.localDate(invoice.documentDate())));
            if (contents.creditedOriginal() != null
                    && contents.creditedOriginal().number() != null) {
                pdf.line("זיכוי עבור " + contents.creditedOriginal().title() + " מספר "
                        + contents.creditedOriginal().number());
            }
            if (invoice.allocationNumber() != null) {
                // The law asks for the nine right-most digits on the printed document.
                String digits = invoice.allocationNumber();
                pdf.line("מספר הקצאה: " + digits.substring(Math.max(0, digits.length() - 9))
                        + (Boolean.TRUE.equals(invoice.allocationSandbox()) ? " (סביבת ניסוי)" : ""));
            }
            pdf.gap(8).boldLine((invoice.isReceipt() ? "התקבל מאת: " : "לכבוד: ") + invoice.customerName());
            if (invoice.customerVatId() != null) {
                pdf.line("מספר עוסק של הלקוח: " + invoice.customerVatId());
            }
            if (invoice.isReceipt()) {
                renderReceipt(pdf, invoice, contents);
            } else {
                PricedLines.draw(
                        pdf,
                        invoice.lines(),
                        new PricedLines.Totals(
                                invoice.subtotalAgorot(),
                                invoice.vatRateBasisPoints(),
                                invoice.vatAgorot(),
                                invoice.isCreditNote() ? "סה״כ לזיכוי" : "סה״כ לתשלום",
                                invoice.totalAgorot()));
                if (!contents.payments().isEmpty()) {
                    pdf.gap(10).boldLine("פרטי התשלום").table(PAYMENT_COLUMNS, paymentRows(contents.payments()));
                    pdf.gap(4).line("סה״כ שולם: " + Money.shekels(Payments.total(contents.payments())));
                }
            }
            pdf.gap(30).small("הופק באמצעות AgentLocator");
            return pdf.toBytes();
        }
    }

    /** A receipt records money received: no VAT, its payments, and the invoices they pay. */
    private static void renderReceipt(RtlDocument pdf, Invoice receipt, Contents contents) {
        for (Settlement s : contents.settlements()) {
            pdf.line("תשלום עבור " + InvoiceTypes.TITLES.get(s.invoiceType()) + " מספר " + s.invoiceNumber() + ": "
                    + Money.shekels(s.amountAgorot()));
        }
        pdf.gap(10).boldLine("פרטי התשלום").table(PAYMENT_COLUMNS, paymentRows(contents.payments()));
        pdf.gap(6).boldLine("סה״כ התקבל: " + Money.shekels(receipt.totalAgorot()));
        pdf.line("קבלה אינה חשבונית מס ואינה כוללת מע״מ");
    }

    private static List<List<String>> paymentRows(List<Payment> payments) {
        List<List<String>> rows = new ArrayList<>();
        for (Payment p : payments) {
            LocalDate date = p.chequeDueDate() != null ? p.chequeDueDate() : p.paidOn();
            rows.add(List.of(p.methodLabel(), details(p), day(date), Money.amount(p.amountAgorot())));
        }
        return rows;
    }

    /** The payment's particulars as an accountant reads them off a receipt. */
    static String details(Payment p) {
        return switch (p.method()) {
            case PaymentMethods.CHEQUE ->
                "בנק " + p.bankNumber() + " סניף " + p.branchNumber() + " חשבון " + p.accountNumber() + " המחאה "
                        + p.chequeNumber();
            case PaymentMethods.CREDIT_CARD ->
                (p.cardCompany() == null ? "" : PaymentMethods.CARD_COMPANY_LABELS.get(p.cardCompany()) + " ")
                        + "כרטיס המסתיים ב-" + p.cardLast4()
                        + (p.installments() != null && p.installments() > 1
                                ? ", " + p.installments() + " תשלומים"
                                : "");
            default -> p.reference() == null ? "" : "אסמכתה " + p.reference();
        };
    }

    private static String day(LocalDate date) {
        return date == null ? "" : date.format(DATE);
    }
}
