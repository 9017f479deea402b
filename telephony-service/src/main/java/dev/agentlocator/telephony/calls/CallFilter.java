package dev.agentlocator.telephony.calls;

import java.util.UUID;

/** Narrows the call list: one customer, one direction, one status. Nulls mean "any". */
record CallFilter(UUID customerId, String direction, String status) {}
