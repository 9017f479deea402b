package dev.agentlocator.telephony.numbers;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Which tenant a Twilio number belongs to (ADR 0007): the routing key of every inbound webhook. */
@Service
public class TenantNumbers {

    public record TenantNumber(String phone, UUID tenantId, String label, OffsetDateTime createdAt) {}

    private final TenantNumberRepository numbers;

    TenantNumbers(TenantNumberRepository numbers) {
        this.numbers = numbers;
    }

    public Optional<UUID> tenantOf(String phone) {
        return numbers.tenantOf(phone);
    }

    /** The number the tenant calls out from (its first). */
    public Optional<String> primary(UUID tenantId) {
        return numbers.primary(tenantId);
    }

    public List<TenantNumber> list(UUID tenantId) {
        return numbers.list(tenantId);
    }

    /** @return false when the number already belongs to another tenant */
    boolean assign(String phone, UUID tenantId, String label) {
        return numbers.assign(phone, tenantId, label);
    }

    boolean release(String phone, UUID tenantId) {
        return numbers.release(phone, tenantId);
    }
}
