package dev.agentlocator.billing.settings;

import static dev.agentlocator.platform.kit.text.Text.blankToNull;

import dev.agentlocator.platform.kit.israel.IsraeliIds;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Per-tenant billing settings; documents read them when they are priced and printed. */
@Service
public class SettingsService {

    private final JdbcClient jdbc;

    SettingsService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public BillingSettings get(UUID tenantId) {
        return jdbc.sql("""
                        select vat_rate_basis_points, business_name, business_id, address, phone
                        from billing_settings where tenant_id = ?
                        """)
                .param(tenantId)
                .query((rs, n) -> new BillingSettings(
                        rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .optional()
                .orElseGet(BillingSettings::defaults);
    }

    @Transactional
    BillingSettings update(UUID tenantId, UpdateSettingsRequest r) {
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
                .param("vat", r.vatRateBasisPoints())
                .param("name", blankToNull(r.businessName()))
                .param("businessId", blankToNull(IsraeliIds.normalize(r.businessId())))
                .param("address", blankToNull(r.address()))
                .param("phone", blankToNull(r.phone()))
                .update();
        return get(tenantId);
    }
}
