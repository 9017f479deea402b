package dev.agentlocator.billing.invoices;

import java.time.OffsetDateTime;
import java.util.UUID;

/** List filters; the date range applies to the document date (issued, or created while a draft). */
record InvoiceFilter(String status, String type, UUID customerId, OffsetDateTime from, OffsetDateTime toExclusive) {}
