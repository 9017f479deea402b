package dev.agentlocator.crm.tenants;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class TenantRepository {

    private final JdbcClient jdbc;

    TenantRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public UUID insert(String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into tenant (id, name) values (?, ?)")
                .param(id)
                .param(name)
                .update();
        return id;
    }

    /** Inserts a tenant of a fixed id unless it exists; true when this call created it. */
    public boolean insertIfMissing(UUID id, String name) {
        return jdbc.sql("insert into tenant (id, name) values (?, ?) on conflict (id) do nothing")
                        .param(id)
                        .param(name)
                        .update()
                == 1;
    }

    public Optional<String> name(UUID id) {
        return jdbc.sql("select name from tenant where id = ?")
                .param(id)
                .query(String.class)
                .optional();
    }

    public Optional<UUID> findByName(String name) {
        return jdbc.sql("select id from tenant where name = ? order by created_at limit 1")
                .param(name)
                .query(UUID.class)
                .optional();
    }

    /** The flags that have been set for the tenant; features without a row are on. */
    Map<String, Boolean> storedFeatures(UUID tenantId) {
        Map<String, Boolean> stored = new LinkedHashMap<>();
        jdbc.sql("select feature, enabled from tenant_feature where tenant_id = ?")
                .param(tenantId)
                .query(rs -> {
                    stored.put(rs.getString("feature"), rs.getBoolean("enabled"));
                });
        return stored;
    }

    boolean featureEnabled(UUID tenantId, String feature) {
        return jdbc.sql("select enabled from tenant_feature where tenant_id = ? and feature = ?")
                .param(tenantId)
                .param(feature)
                .query(Boolean.class)
                .optional()
                .orElse(true);
    }

    void upsertFeature(UUID tenantId, String feature, boolean enabled) {
        jdbc.sql("""
                        insert into tenant_feature (tenant_id, feature, enabled) values (?, ?, ?)
                        on conflict (tenant_id, feature) do update set enabled = excluded.enabled, updated_at = now()
                        """).param(tenantId).param(feature).param(enabled).update();
    }
}
