package dev.agentlocator.billing.settings;

import dev.agentlocator.platform.kit.errors.ApiException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dated Israel Invoices threshold: above it (before VAT) a B2B tax invoice needs an allocation
 * number. Rows without a tenant are the law's schedule; an owner may set the tenant's own schedule,
 * which then replaces the law's for that tenant from its first date on.
 */
@Service
public class AllocationThresholds {

    static final String DUPLICATE_DATE = "לכל תאריך תחולה אפשר להגדיר סף אחד בלבד";

    /** One step of a schedule: from this day on, invoices above {@code thresholdAgorot} need a number. */
    public record Threshold(LocalDate effectiveFrom, long thresholdAgorot) {}

    /** A tenant's schedule as the owner sees it, with the law's beside it. */
    public record Schedule(boolean customized, List<Threshold> thresholds, List<Threshold> legalDefault) {}

    private final AllocationThresholdRepository thresholds;

    AllocationThresholds(AllocationThresholdRepository thresholds) {
        this.thresholds = thresholds;
    }

    /** The threshold in force on {@code date}: the tenant's own when it has one by then, else the law's. */
    @Transactional(readOnly = true)
    public Optional<Long> on(UUID tenantId, LocalDate date) {
        return thresholds.on(tenantId, date);
    }

    @Transactional(readOnly = true)
    public Schedule schedule(UUID tenantId) {
        List<Threshold> own = thresholds.schedule(tenantId);
        List<Threshold> law = thresholds.schedule(null);
        return new Schedule(!own.isEmpty(), own.isEmpty() ? law : own, law);
    }

    /** Replaces the tenant's schedule as a whole; an empty list returns the tenant to the law's. */
    @Transactional
    public Schedule replace(UUID tenantId, List<Threshold> thresholds) {
        Set<LocalDate> dates = new HashSet<>();
        for (Threshold t : thresholds) {
            if (!dates.add(t.effectiveFrom())) {
                throw new ApiException(
                        HttpStatus.BAD_REQUEST,
                        "duplicate_effective_date",
                        DUPLICATE_DATE,
                        Map.of("effectiveFrom", t.effectiveFrom().toString()));
            }
        }
        this.thresholds.replace(tenantId, thresholds);
        return schedule(tenantId);
    }
}
