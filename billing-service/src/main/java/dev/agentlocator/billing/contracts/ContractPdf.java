package dev.agentlocator.billing.contracts;

import dev.agentlocator.billing.common.IsraelTime;
import dev.agentlocator.billing.pdf.PricedLines;
import dev.agentlocator.billing.pdf.RtlDocument;
import dev.agentlocator.billing.settings.BillingSettings;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** The printable Hebrew quote / contract, and its signed version with the signature's evidence. */
@Component
class ContractPdf {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

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
            PricedLines.draw(
                    pdf,
                    contract.lines(),
                    new PricedLines.Totals(
                            contract.subtotalAgorot(),
                            contract.vatRateBasisPoints(),
                            contract.vatAgorot(),
                            "סה״כ",
                            contract.totalAgorot()));
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
}
