package dev.agentlocator.billing.contracts;

import dev.agentlocator.billing.common.IsraelTime;
import dev.agentlocator.billing.common.LineItem;
import dev.agentlocator.billing.common.Money;
import dev.agentlocator.billing.pdf.RtlDocument;
import dev.agentlocator.billing.pdf.RtlDocument.Column;
import dev.agentlocator.billing.settings.BillingSettings;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The printable Hebrew quote / contract, and its signed version with the signature's evidence. */
@Component
class ContractPdf {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final List<Column> COLUMNS = List.of(
            new Column("תיאור", 235), new Column("כמות", 60), new Column("מחיר ליחידה", 95), new Column("סה״כ", 100));

    byte[] render(Contract contract, BillingSettings business, SignedRecord signed) {
        try (var pdf = new RtlDocument(contract.title())) {
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
            pdf.gap(12).heading(contract.title());
            pdf.gap(4).boldLine("לכבוד: " + contract.customerName());
            if (contract.terms() != null) {
                for (String paragraph : contract.terms().split("\\R")) {
                    pdf.line(paragraph);
                }
            }
            pdf.gap(10).table(COLUMNS, rows(contract.lines()));
            pdf.gap(6)
                    .line("סכום לפני מע״מ: " + Money.shekels(contract.subtotalAgorot()))
                    .line("מע״מ " + Money.percent(contract.vatRateBasisPoints()) + ": "
                            + Money.shekels(contract.vatAgorot()))
                    .boldLine("סה״כ: " + Money.shekels(contract.totalAgorot()));
            if (signed != null) {
                pdf.gap(20).boldLine("נחתם על ידי: " + signed.signerName());
                if (SignatureImage.PNG.equals(signed.signature().mediaType())) {
                    pdf.image(signed.signature().bytes(), 200, 80);
                } else {
                    pdf.drawing(signed.signature().drawing(), 200, 80);
                }
                pdf.line("מועד החתימה: "
                                + signed.signedAt()
                                        .atZoneSameInstant(IsraelTime.ZONE)
                                        .format(DATE_TIME))
                        .line("כתובת IP של החותם: " + signed.ip())
                        .small("טביעת אצבע (SHA-256) של המסמך שנחתם:")
                        .small(signed.documentSha256());
            }
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
