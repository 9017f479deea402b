package dev.agentlocator.telephony.customers;

import dev.agentlocator.platform.kit.phone.PhoneNumbers;
import dev.agentlocator.telephony.providers.ProviderException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * telephony-service's copy of the customers it dials and shows (name, phone), fed by {@code
 * crm.customer.v1}. It also answers "who is calling?" for known numbers without asking crm, and
 * asks crm for the others.
 */
@Service
public class CustomerDirectory {

    private static final Logger log = LoggerFactory.getLogger(CustomerDirectory.class);

    public record KnownCustomer(UUID id, String name, String phone) {}

    private final CustomerRepository customers;
    private final CrmClient crm;

    CustomerDirectory(CustomerRepository customers, CrmClient crm) {
        this.customers = customers;
        this.crm = crm;
    }

    /** A live (not deleted) customer of the tenant. */
    public Optional<KnownCustomer> find(UUID tenantId, UUID id) {
        return customers.find(tenantId, id);
    }

    /** The tenant's live customer with this E.164 phone, the oldest when several share it. */
    public Optional<KnownCustomer> findByPhone(UUID tenantId, String phone) {
        return customers.findByPhone(tenantId, phone);
    }

    /**
     * The caller's customer: from the local copy of crm's customers, else (when {@code askCrm})
     * crm-service's resolve, which files a new lead. When crm cannot answer, the call goes on with
     * the phone only and is linked later; {@code null} then, and for a withheld number.
     */
    public UUID caller(UUID tenantId, String from, boolean askCrm) {
        Optional<String> phone = PhoneNumbers.normalise(from);
        if (phone.isEmpty()) {
            return null; // anonymous / withheld number
        }
        var local = customers.findByPhone(tenantId, phone.get());
        if (local.isPresent() || !askCrm) {
            return local.map(KnownCustomer::id).orElse(null);
        }
        try {
            return crm.resolve(tenantId, phone.get(), null).customerId();
        } catch (ProviderException | IllegalArgumentException e) {
            log.warn(
                    "Caller {} not resolved now ({}); the call is stored with the phone and linked later",
                    phone.get(),
                    e instanceof ProviderException p ? p.summary() : e.toString());
            return null;
        }
    }

    /**
     * The WhatsApp writer's customer: the local copy, else crm's resolve, which files a lead from
     * {@code whatsapp} named {@code profileName}. {@code null} when crm cannot answer now (the
     * message is linked when crm's event arrives).
     */
    public UUID whatsAppWriter(UUID tenantId, String phone, String profileName) {
        var local = customers.findByPhone(tenantId, phone);
        if (local.isPresent()) {
            return local.get().id();
        }
        try {
            return crm.resolve(tenantId, phone, null, "whatsapp", profileName).customerId();
        } catch (ProviderException | IllegalArgumentException e) {
            log.warn(
                    "WhatsApp writer {} not resolved now ({}); the message is stored with the phone and linked later",
                    phone,
                    e instanceof ProviderException p ? p.summary() : e.toString());
            return null;
        }
    }

    /** Keeps the newest state: an event older than the one applied last changes nothing. */
    boolean upsert(UUID tenantId, UUID id, String name, String phone, boolean deleted, OffsetDateTime occurredAt) {
        return customers.upsert(tenantId, id, name, phone, deleted, occurredAt);
    }
}
