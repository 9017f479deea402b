package dev.agentlocator.telephony.whatsapp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All SQL on tenants' WhatsApp senders; an address belongs to one tenant at most. */
@Repository
class SenderRepository {

    private final JdbcClient jdbc;

    SenderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the address is registered already (by any tenant) */
    boolean insert(UUID id, UUID tenantId, String address, String label) {
        return jdbc.sql("""
                        insert into whatsapp_sender (id, tenant_id, address, label) values (?, ?, ?, ?)
                        on conflict (address) do nothing
                        """)
                        .param(id)
                        .param(tenantId)
                        .param(address)
                        .param(label)
                        .update()
                > 0;
    }

    Optional<WhatsAppSender> find(UUID tenantId, UUID id) {
        return jdbc.sql("select * from whatsapp_sender where tenant_id = ? and id = ?")
                .param(tenantId)
                .param(id)
                .query(SenderRepository::map)
                .optional();
    }

    List<WhatsAppSender> list(UUID tenantId) {
        return jdbc.sql("select * from whatsapp_sender where tenant_id = ? order by created_at, address")
                .param(tenantId)
                .query(SenderRepository::map)
                .list();
    }

    /** The sender the tenant writes from: its first. */
    Optional<WhatsAppSender> primary(UUID tenantId) {
        return jdbc.sql("select * from whatsapp_sender where tenant_id = ? order by created_at, address limit 1")
                .param(tenantId)
                .query(SenderRepository::map)
                .optional();
    }

    Optional<UUID> tenantOf(String address) {
        return jdbc.sql("select tenant_id from whatsapp_sender where address = ?")
                .param(address)
                .query(UUID.class)
                .optional();
    }

    boolean delete(UUID tenantId, UUID id) {
        return jdbc.sql("delete from whatsapp_sender where tenant_id = ? and id = ?")
                        .param(tenantId)
                        .param(id)
                        .update()
                > 0;
    }

    private static WhatsAppSender map(ResultSet rs, int row) throws SQLException {
        String address = rs.getString("address");
        return new WhatsAppSender(
                rs.getObject("id", UUID.class),
                rs.getObject("tenant_id", UUID.class),
                address,
                WhatsAppSender.kindOf(address),
                rs.getString("label"),
                rs.getObject("created_at", OffsetDateTime.class));
    }
}
