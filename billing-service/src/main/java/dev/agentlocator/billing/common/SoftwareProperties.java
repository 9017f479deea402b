package dev.agentlocator.billing.common;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this software identifies itself to the Tax Authority, in the Invoices API
 * ({@code accounting_software_number}) and in the unified-format export (fields 1006-1010).
 *
 * @param registrationNumber the registration certificate number of the software with the Tax
 *     Authority; 99999999 while it has none, as the Invoices API specification asks
 * @param vendorVatId the software maker's VAT dealer / company number (field 1009); zeros if unset
 */
@ConfigurationProperties("agentlocator.billing.software")
public record SoftwareProperties(
        @DefaultValue("99999999") long registrationNumber,
        @DefaultValue("AgentLocator") String name,
        @DefaultValue("1.0") String version,
        @DefaultValue("0") long vendorVatId,
        @DefaultValue("AgentLocator") String vendorName) {

    public SoftwareProperties {
        if (registrationNumber < 0 || registrationNumber > 99_999_999L) {
            throw new IllegalStateException("agentlocator.billing.software.registration-number has at most 8 digits");
        }
    }
}
