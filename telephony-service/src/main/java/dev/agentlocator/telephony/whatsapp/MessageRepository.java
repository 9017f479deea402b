package dev.agentlocator.telephony.whatsapp;

import dev.agentlocator.platform.kit.paging.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * All SQL on WhatsApp messages (and on the inbound ones no tenant could be given); API statements
 * filter by tenant, webhooks find by MessageSid.
 */
@Repository
class MessageRepository {

    private static final String SELECT = """
            select m.*, cu.name as customer_name from whatsapp_message m
            left join customer cu on cu.tenant_id = m.tenant_id and cu.id = m.customer_id
            """;

    private final JdbcClient jdbc;

    MessageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when a message with this MessageSid exists already (a Twilio retry) */
    boolean insert(WhatsAppMessage m) {
        return insert(m, null);
    }

    /** @param contentVariables the template's ContentVariables as sent (JSON), or {@code null} */
    boolean insert(WhatsAppMessage m, String contentVariables) {
        return jdbc.sql("""
                        insert into whatsapp_message (id, tenant_id, customer_id, message_sid, direction, peer_phone,
                                                      device, body, media_count, status, error_code, sandbox, sent_by,
                                                      content_sid, content_variables)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))
                        on conflict (message_sid) do nothing
                        """)
                        .param(m.id())
                        .param(m.tenantId())
                        .param(m.customerId())
                        .param(m.messageSid())
                        .param(m.direction())
                        .param(m.peerPhone())
                        .param(m.device())
                        .param(m.text())
                        .param(m.mediaCount())
                        .param(m.status())
                        .param(m.errorCode())
                        .param(m.sandbox())
                        .param(m.sentBy())
                        .param(m.contentSid())
                        .param(contentVariables)
                        .update()
                > 0;
    }

    Optional<WhatsAppMessage> find(UUID id) {
        return jdbc.sql(SELECT + " where m.id = ?")
                .param(id)
                .query(MessageRepository::map)
                .optional();
    }

    Optional<WhatsAppMessage> findBySidForUpdate(String sid) {
        return jdbc.sql(SELECT + " where m.message_sid = ? for update of m")
                .param(sid)
                .query(MessageRepository::map)
                .optional();
    }

    Optional<WhatsAppMessage> findBySid(String sid) {
        return jdbc.sql(SELECT + " where m.message_sid = ?")
                .param(sid)
                .query(MessageRepository::map)
                .optional();
    }

    /**
     * The tenants with a real conversation with {@code peer} on {@code device}: an outbound message
     * that Twilio accepted in {@code (from, to]} and that has not failed since.
     */
    List<UUID> tenantsInConversation(String device, String peer, Instant from, Instant to) {
        return jdbc.sql("""
                        select distinct tenant_id from whatsapp_message
                        where direction = 'outbound' and device = ? and peer_phone = ?
                          and accepted_at > ? and accepted_at <= ?
                          and status not in ('failed', 'undelivered', 'canceled')
                        order by tenant_id
                        """)
                .param(device)
                .param(peer)
                .param(OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .param(OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .query(UUID.class)
                .list();
    }

    /** @return false when this MessageSid is stored already (a Twilio retry) */
    boolean insertUnrouted(
            String messageSid,
            String sender,
            String peer,
            String body,
            int mediaCount,
            String reason,
            List<UUID> candidates,
            Instant receivedAt) {
        return jdbc.sql("""
                        insert into whatsapp_unrouted_message (message_sid, sender, peer_phone, body, media_count,
                                                               reason, candidate_tenants, received_at)
                        values (?, ?, ?, ?, ?, ?, cast(? as uuid[]), ?)
                        on conflict (message_sid) do nothing
                        """)
                        .param(messageSid)
                        .param(sender)
                        .param(peer)
                        .param(body)
                        .param(mediaCount)
                        .param(reason)
                        .param("{"
                                + String.join(
                                        ",",
                                        candidates.stream().map(UUID::toString).toList()) + "}")
                        .param(OffsetDateTime.ofInstant(receivedAt, ZoneOffset.UTC))
                        .update()
                > 0;
    }

    /** @return true when this status is new for the message */
    boolean addStatus(UUID messageId, String status) {
        return jdbc.sql("insert into whatsapp_status_event (message_id, status) values (?, ?) on conflict do nothing")
                        .param(messageId)
                        .param(status)
                        .update()
                > 0;
    }

    /** Twilio took the message: from now on it is part of a conversation. */
    void accepted(UUID id, String sid, String status, Instant at) {
        jdbc.sql("""
                        update whatsapp_message set message_sid = ?, status = ?, accepted_at = ?, updated_at = now()
                        where id = ?
                        """)
                .param(sid)
                .param(status)
                .param(OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param(id)
                .update();
    }

    /** Twilio refused the message, or could not be asked: it never opened a conversation. */
    void notAccepted(UUID id, String errorCode) {
        jdbc.sql("update whatsapp_message set status = 'failed', error_code = ?, updated_at = now() where id = ?")
                .param(errorCode)
                .param(id)
                .update();
    }

    void setStatus(UUID id, String status, String errorCode) {
        jdbc.sql("""
                        update whatsapp_message set status = ?, error_code = coalesce(?, error_code), updated_at = now()
                        where id = ?
                        """).param(status).param(errorCode).param(id).update();
    }

    boolean link(UUID id, UUID customerId) {
        return jdbc.sql("update whatsapp_message set customer_id = ? where id = ? and customer_id is null")
                        .param(customerId)
                        .param(id)
                        .update()
                > 0;
    }

    List<WhatsAppMessage> unlinked(UUID tenantId, String peer) {
        return jdbc.sql(SELECT
                        + " where m.tenant_id = ? and m.peer_phone = ? and m.customer_id is null for update of m")
                .param(tenantId)
                .param(peer)
                .query(MessageRepository::map)
                .list();
    }

    List<WhatsAppMessage> thread(UUID tenantId, UUID customerId, PageRequest page) {
        return jdbc.sql(SELECT + " where m.tenant_id = ? and m.customer_id = ?"
                        + " order by m.created_at desc, m.id desc limit ? offset ?")
                .param(tenantId)
                .param(customerId)
                .param(page.limit())
                .param(page.offset())
                .query(MessageRepository::map)
                .list();
    }

    long countThread(UUID tenantId, UUID customerId) {
        return jdbc.sql("select count(*) from whatsapp_message where tenant_id = ? and customer_id = ?")
                .param(tenantId)
                .param(customerId)
                .query(Long.class)
                .single();
    }

    List<WhatsAppMessage> list(UUID tenantId, PageRequest page) {
        return jdbc.sql(SELECT + " where m.tenant_id = ? order by m.created_at desc, m.id desc limit ? offset ?")
                .param(tenantId)
                .param(page.limit())
                .param(page.offset())
                .query(MessageRepository::map)
                .list();
    }

    long count(UUID tenantId) {
        return jdbc.sql("select count(*) from whatsapp_message where tenant_id = ?")
                .param(tenantId)
                .query(Long.class)
                .single();
    }

    private static WhatsAppMessage map(ResultSet rs, int row) throws SQLException {
        return new WhatsAppMessage(
                rs.getObject("id", UUID.class),
                rs.getObject("tenant_id", UUID.class),
                rs.getObject("customer_id", UUID.class),
                rs.getString("customer_name"),
                rs.getString("message_sid"),
                rs.getString("direction"),
                rs.getString("peer_phone"),
                rs.getString("device"),
                rs.getString("body"),
                rs.getInt("media_count"),
                rs.getString("status"),
                rs.getString("error_code"),
                rs.getBoolean("sandbox"),
                rs.getObject("sent_by", UUID.class),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class),
                rs.getString("content_sid"));
    }
}
