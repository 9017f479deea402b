package dev.agentlocator.billing.contracts;

import dev.agentlocator.billing.common.LineItem;
import java.util.List;
import java.util.UUID;

/**
 * Exactly what a signer sees and signs. Its JSON serialisation (fields in this order) is the
 * document whose SHA-256 is recorded with the signature and kept byte for byte, so the hash can be
 * checked again at any time.
 */
record SignableDocument(
        UUID contractId,
        String title,
        String businessName,
        String businessId,
        String customerName,
        String terms,
        List<LineItem> lines,
        int vatRateBasisPoints,
        long subtotalAgorot,
        long vatAgorot,
        long totalAgorot,
        String currency) {}
