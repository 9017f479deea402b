package dev.agentlocator.billing.contracts;

import java.util.Map;

/** A quote / contract's statuses (SPEC C6), with the Hebrew a reader sees for each. */
final class ContractStatuses {

    static final Map<String, String> LABELS = Map.of(
            "draft", "טיוטה",
            "sent", "נשלח לחתימה",
            "viewed", "נצפה",
            "signed", "נחתם",
            "declined", "נדחה",
            "expired", "פג תוקף");

    private ContractStatuses() {}
}
