package dev.agentlocator.telephony.numbers;

import dev.agentlocator.telephony.numbers.TenantNumbers.TenantNumber;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All SQL on {@code tenant_phone_number}. */
@Repository
class TenantNumberRepository {

    private final JdbcClient jdbc;

    TenantNumberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UUID> tenantOf(String phone) {
        return jdbc.sql("select tenant_id from tenant_phone_number where phone = ?")
                .param(phone)
                .query(UUID.class)
                .optional();
    }

    /** The number the tenant calls out from (its first). */
    Optional<String> primary(UUID tenantId) {
        return jdbc.sql("select phone from tenant_phone_number where tenant_id = ? order by created_at, phone limit 1")
                .param(tenantId)
                .query(String.class)
                .optional();
    }

    List<TenantNumber> list(UUID tenantId) {
        return jdbc.sql("select * from tenant_phone_number where tenant_id = ? order by created_at, phone")
                .param(tenantId)
                .query((rs, i) -> new TenantNumber(
                        rs.getString("phone"),
                        rs.getObject("tenant_id", UUID.class),
                        rs.getString("label"),
                        rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }

    /** @return false when the number already belongs to another tenant */
    boolean assign(String phone, UUID tenantId, String label) {
        return jdbc.sql("""
                        insert into tenant_phone_number (phone, tenant_id, label) values (?, ?, ?)
                        on conflict (phone) do update set label = excluded.label
                            where tenant_phone_number.tenant_id = excluded.tenant_id
                        """).param(phone).param(tenantId).param(label).update() > 0;
    }

    boolean release(String phone, UUID tenantId) {
        return jdbc.sql("delete from tenant_phone_number where phone = ? and tenant_id = ?")
                        .param(phone)
                        .param(tenantId)
                        .update()
                > 0;
    }
}
