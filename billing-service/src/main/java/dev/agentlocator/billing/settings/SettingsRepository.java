package dev.agentlocator.billing.settings;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A tenant's row of billing settings. */
@Repository
class SettingsRepository {

    private final JdbcClient jdbc;

    SettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<BillingSettings> find(UUID tenantId) {
        return jdbc.sql("""
                        select vat_rate_basis_points, business_name, business_id, address, phone
                        from billing_settings where tenant_id = ?
                        """)
                .param(tenantId)
                .query((rs, n) -> new BillingSettings(
                        rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .optional();
    }

    void save(UUID tenantId, BillingSettings settings) {
        jdbc.sql("""
                        insert into billing_settings (tenant_id, vat_rate_basis_points, business_name, business_id,
                                                      address, phone)
                        values (:tenant, :vat, :name, :businessId, :address, :phone)
                        on conflict (tenant_id) do update
                            set vat_rate_basis_points = excluded.vat_rate_basis_points,
                                business_name = excluded.business_name, business_id = excluded.business_id,
                                address = excluded.address, phone = excluded.phone, updated_at = now()
                        """)
                .param("tenant", tenantId)
                .param("vat", settings.vatRateBasisPoints())
                .param("name", settings.businessName())
                .param("businessId", settings.businessId())
                .param("address", settings.address())
                .param("phone", settings.phone())
                .update();
    }
}
