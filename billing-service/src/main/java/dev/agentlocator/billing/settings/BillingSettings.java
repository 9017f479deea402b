package dev.agentlocator.billing.settings;

import dev.agentlocator.billing.common.Money;

/** The business details printed on every document and the VAT rate its documents use. */
public record BillingSettings(
        int vatRateBasisPoints, String businessName, String businessId, String address, String phone) {

    /** A tenant that has not saved settings yet: the law's VAT rate and no details. */
    public static BillingSettings defaults() {
        return new BillingSettings(Money.DEFAULT_VAT_BASIS_POINTS, null, null, null, null);
    }

    /** The part a document freezes when it is issued. */
    public BusinessDetails details() {
        return new BusinessDetails(businessName, businessId, address, phone);
    }
}
