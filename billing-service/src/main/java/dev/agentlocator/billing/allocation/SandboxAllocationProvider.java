package dev.agentlocator.billing.allocation;

import dev.agentlocator.platform.kit.israel.IsraeliIds;
import java.security.SecureRandom;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sandbox stand-in for the Tax Authority, used while no Tax Authority client is configured: allocates
 * a 9-digit number locally, and rejects what the real service would reject on its face, a customer VAT
 * number that fails its check digit, so the rejection path can be exercised without credentials.
 * Answers are marked {@code sandbox}.
 */
public class SandboxAllocationProvider implements AllocationProvider {

    public static final String NAME = "sandbox";
    public static final String INVALID_VAT_ID =
            "מספר העוסק של הלקוח אינו תקין (ספרת הביקורת שגויה). יש לתקן את פרטי הלקוח ולבקש מספר הקצאה שוב.";

    private final SecureRandom random = new SecureRandom();
    private final Map<UUID, String> allocated = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Answer request(Request request) {
        if (!IsraeliIds.isValid(request.customerVatId())) {
            return Answer.rejected(INVALID_VAT_ID, true, null, "sandbox: customer VAT number check digit");
        }
        // Idempotent by invoice, as the real service must be: a retry gets the same number.
        String number = allocated.computeIfAbsent(
                request.invoiceId(), id -> String.valueOf(100_000_000 + random.nextInt(900_000_000)));
        return Answer.allocated(number, true);
    }
}
