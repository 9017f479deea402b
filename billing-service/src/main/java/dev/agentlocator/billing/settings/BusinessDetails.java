package dev.agentlocator.billing.settings;

/**
 * The business as a document names it. Frozen onto every document when it is issued, so a document
 * keeps printing the details that were in force that day, whatever the settings say later.
 */
public record BusinessDetails(String businessName, String businessId, String address, String phone) {}
