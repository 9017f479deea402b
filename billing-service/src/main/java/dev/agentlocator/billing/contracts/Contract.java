package dev.agentlocator.billing.contracts;

import dev.agentlocator.billing.common.LineItem;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A quote / contract as the API shows it to the business; the signing token never appears.
 * {@code invoiceId}: the invoice the quote became, once it did.
 */
public record Contract(
        UUID id,
        UUID customerId,
        String customerName,
        String title,
        String terms,
        List<LineItem> lines,
        int vatRateBasisPoints,
        long subtotalAgorot,
        long vatAgorot,
        long totalAgorot,
        String currency,
        String status,
        OffsetDateTime sentAt,
        OffsetDateTime viewedAt,
        OffsetDateTime signedAt,
        OffsetDateTime declinedAt,
        OffsetDateTime signingLinkExpiresAt,
        String signerName,
        String signerIp,
        String signerUserAgent,
        String signedDocumentSha256,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        UUID invoiceId) {}
