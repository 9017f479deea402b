package dev.agentlocator.crm.customers;

import java.util.UUID;

/** What narrows a list or an export: free-text {@code q} and exact filters. */
record CustomerFilter(String q, String status, String tag, UUID ownerId, String source) {

    boolean narrowsNothing() {
        return q == null && status == null && tag == null && ownerId == null && source == null;
    }
}
