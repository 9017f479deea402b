package dev.agentlocator.billing.contracts;

import java.time.OffsetDateTime;

/** Everything kept as evidence of a signature, written in one statement. */
record SignedRecord(
        OffsetDateTime signedAt,
        String signerName,
        String ip,
        String userAgent,
        byte[] document,
        String documentSha256,
        SignatureImage signature,
        byte[] signedPdf) {}
