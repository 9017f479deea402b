package dev.agentlocator.billing.settings;

import dev.agentlocator.billing.settings.AllocationThresholds.Threshold;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Allocation thresholds: rows without a tenant are the law's schedule, the others a tenant's own. */
@Repository
class AllocationThresholdRepository {

    private final JdbcClient jdbc;

    AllocationThresholdRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The threshold in force on {@code date}: the tenant's own when it has one by then, else the law's. */
    Optional<Long> on(UUID tenantId, LocalDate date) {
        return jdbc.sql("""
                        select threshold_agorot from allocation_threshold
                        where (tenant_id = ? or tenant_id is null) and effective_from <= ?
                        order by (tenant_id is null), effective_from desc
                        limit 1
                        """).param(tenantId).param(date).query(Long.class).optional();
    }

    /** A tenant's schedule, or the law's for a null tenant, by date. */
    List<Threshold> schedule(UUID tenantId) {
        String where = tenantId == null ? "tenant_id is null" : "tenant_id = :tenant";
        var statement = jdbc.sql("select effective_from, threshold_agorot from allocation_threshold where " + where
                + " order by effective_from");
        if (tenantId != null) {
            statement = statement.param("tenant", tenantId);
        }
        return statement
                .query((rs, n) -> new Threshold(rs.getObject(1, LocalDate.class), rs.getLong(2)))
                .list();
    }

    void replace(UUID tenantId, List<Threshold> thresholds) {
        jdbc.sql("delete from allocation_threshold where tenant_id = ?")
                .param(tenantId)
                .update();
        for (Threshold t : thresholds) {
            jdbc.sql("insert into allocation_threshold (tenant_id, effective_from, threshold_agorot) values (?, ?, ?)")
                    .param(tenantId)
                    .param(t.effectiveFrom())
                    .param(t.thresholdAgorot())
                    .update();
        }
    }
}
