package dev.agentlocator.telephony.whatsapp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All SQL on WhatsApp conversations (window, unread, assignment, opt-out); always by tenant. */
@Repository
class ConversationRepository {

    private static final String SELECT = """
            select c.*, cu.name as customer_name, m.body as last_body, m.direction as last_direction
            from whatsapp_conversation c
            left join customer cu on cu.tenant_id = c.tenant_id and cu.id = c.customer_id
            left join whatsapp_message m on m.id = c.last_message_id
            """;

    private final JdbcClient jdbc;

    ConversationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    /** An inbound message: opens the window, counts as unread. */
    void inbound(UUID tenantId, String peer, UUID customerId, UUID messageId, Instant at) {
        jdbc.sql("""
                        insert into whatsapp_conversation (tenant_id, peer_phone, customer_id, last_inbound_at,
                                                           last_message_at, last_message_id, unread_count)
                        values (?, ?, ?, ?, ?, ?, 1)
                        on conflict (tenant_id, peer_phone) do update set
                            customer_id = coalesce(whatsapp_conversation.customer_id, excluded.customer_id),
                            last_inbound_at = greatest(whatsapp_conversation.last_inbound_at, excluded.last_inbound_at),
                            last_message_at = excluded.last_message_at,
                            last_message_id = excluded.last_message_id,
                            unread_count = whatsapp_conversation.unread_count + 1
                        """)
                .param(tenantId)
                .param(peer)
                .param(customerId)
                .param(utc(at))
                .param(utc(at))
                .param(messageId)
                .update();
    }

    /** An outbound message: the conversation's latest, read by the one who wrote it. */
    void outbound(UUID tenantId, String peer, UUID customerId, UUID messageId, Instant at) {
        jdbc.sql("""
                        insert into whatsapp_conversation (tenant_id, peer_phone, customer_id, last_message_at,
                                                           last_message_id)
                        values (?, ?, ?, ?, ?)
                        on conflict (tenant_id, peer_phone) do update set
                            customer_id = coalesce(whatsapp_conversation.customer_id, excluded.customer_id),
                            last_message_at = excluded.last_message_at,
                            last_message_id = excluded.last_message_id,
                            unread_count = 0
                        """)
                .param(tenantId)
                .param(peer)
                .param(customerId)
                .param(utc(at))
                .param(messageId)
                .update();
    }

    Optional<Conversation> find(UUID tenantId, String peer, Instant now, Duration window) {
        return jdbc.sql(SELECT + " where c.tenant_id = ? and c.peer_phone = ?")
                .param(tenantId)
                .param(peer)
                .query((rs, row) -> map(rs, now, window))
                .optional();
    }

    /** Newest first; {@code filter}: all, mine, unassigned, unread. */
    List<Conversation> list(
            UUID tenantId, String filter, UUID me, int limit, int offset, Instant now, Duration window) {
        return jdbc.sql(SELECT + " where c.tenant_id = ?" + where(filter)
                        + " order by c.last_message_at desc, c.peer_phone limit ? offset ?")
                .params(filterParams(tenantId, filter, me, limit, offset))
                .query((rs, row) -> map(rs, now, window))
                .list();
    }

    long count(UUID tenantId, String filter, UUID me) {
        return jdbc.sql("select count(*) from whatsapp_conversation c where c.tenant_id = ?" + where(filter))
                .params(filterParams(tenantId, filter, me, null, null))
                .query(Long.class)
                .single();
    }

    private static String where(String filter) {
        return switch (filter) {
            case "mine" -> " and c.assigned_to = ?";
            case "unassigned" -> " and c.assigned_to is null";
            case "unread" -> " and c.unread_count > 0";
            default -> "";
        };
    }

    private static List<Object> filterParams(UUID tenantId, String filter, UUID me, Integer limit, Integer offset) {
        var params = new java.util.ArrayList<Object>();
        params.add(tenantId);
        if ("mine".equals(filter)) {
            params.add(me);
        }
        if (limit != null) {
            params.add(limit);
            params.add(offset);
        }
        return params;
    }

    Optional<UUID> assignee(UUID tenantId, String peer) {
        return jdbc.sql("select assigned_to from whatsapp_conversation where tenant_id = ? and peer_phone = ?")
                .param(tenantId)
                .param(peer)
                .query((rs, row) -> Optional.ofNullable(rs.getObject("assigned_to", UUID.class)))
                .optional()
                .flatMap(a -> a);
    }

    boolean markRead(UUID tenantId, String peer) {
        return jdbc.sql("update whatsapp_conversation set unread_count = 0 where tenant_id = ? and peer_phone = ?")
                        .param(tenantId)
                        .param(peer)
                        .update()
                > 0;
    }

    boolean assign(UUID tenantId, String peer, UUID agent) {
        return jdbc.sql("update whatsapp_conversation set assigned_to = ? where tenant_id = ? and peer_phone = ?")
                        .param(agent)
                        .param(tenantId)
                        .param(peer)
                        .update()
                > 0;
    }

    /** @return true when this changed the conversation (a repeated STOP changes nothing) */
    boolean setOptedOut(UUID tenantId, String peer, boolean optedOut, Instant at) {
        return jdbc.sql("""
                        update whatsapp_conversation set opted_out = ?, opted_out_at = case when ? then ? else null end
                        where tenant_id = ? and peer_phone = ? and opted_out <> ?
                        """)
                        .param(optedOut)
                        .param(optedOut)
                        .param(utc(at))
                        .param(tenantId)
                        .param(peer)
                        .param(optedOut)
                        .update()
                > 0;
    }

    void link(UUID tenantId, String peer, UUID customerId) {
        jdbc.sql("""
                        update whatsapp_conversation set customer_id = ?
                        where tenant_id = ? and peer_phone = ? and customer_id is null
                        """).param(customerId).param(tenantId).param(peer).update();
    }

    private static Conversation map(ResultSet rs, Instant now, Duration window) throws SQLException {
        OffsetDateTime lastInbound = rs.getObject("last_inbound_at", OffsetDateTime.class);
        OffsetDateTime closes =
                lastInbound == null ? null : lastInbound.plus(window).withOffsetSameInstant(ZoneOffset.UTC);
        return new Conversation(
                rs.getString("peer_phone"),
                rs.getObject("customer_id", UUID.class),
                rs.getString("customer_name"),
                lastInbound,
                rs.getObject("last_message_at", OffsetDateTime.class),
                rs.getString("last_body"),
                rs.getString("last_direction"),
                rs.getInt("unread_count"),
                rs.getObject("assigned_to", UUID.class),
                rs.getBoolean("opted_out"),
                rs.getObject("opted_out_at", OffsetDateTime.class),
                closes != null && closes.toInstant().isAfter(now),
                closes);
    }
}
