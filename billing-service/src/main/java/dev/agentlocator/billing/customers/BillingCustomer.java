package dev.agentlocator.billing.customers;

import java.util.UUID;

/** What billing knows of a customer: enough to address a document and to tell B2B from B2C. */
public record BillingCustomer(UUID id, String name, String phone, String email, String vatId) {

    /** A VAT dealer number (עוסק מורשה / ח.פ.) makes the customer a business. */
    public boolean isBusiness() {
        return vatId != null && !vatId.isBlank();
    }
}
