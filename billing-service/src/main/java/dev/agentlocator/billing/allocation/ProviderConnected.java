package dev.agentlocator.billing.allocation;

import java.util.UUID;

/** A business (re)connected to the Tax Authority: invoices that waited for it can be sent now. */
public record ProviderConnected(UUID tenantId) {}
