package dev.agentlocator.telephony.numbers;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All SQL of connecting numbers: {@code twilio_account}, the setup columns of {@code tenant_phone_number}, and health. */
@Repository
class NumberSetupRepository {

    /** A tenant's own Twilio account as stored: the secrets still encrypted. */
    record StoredAccount(
            UUID tenantId, String accountSid, String apiKeySid, byte[] secrets, OffsetDateTime createdAt) {}

    /** A number with how it was connected and what it had before. */
    record ConnectedNumber(
            String phone,
            UUID tenantId,
            String label,
            String phoneSid,
            String accountSid,
            String previousVoiceUrl,
            String previousVoiceMethod,
            String previousStatusCallback,
            String previousSmsUrl,
            String previousSmsMethod,
            OffsetDateTime connectedAt) {}

    private final JdbcClient jdbc;

    NumberSetupRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredAccount> account(UUID tenantId) {
        return jdbc.sql("select * from twilio_account where tenant_id = ?")
                .param(tenantId)
                .query((rs, i) -> new StoredAccount(
                        rs.getObject("tenant_id", UUID.class),
                        rs.getString("account_sid"),
                        rs.getString("api_key_sid"),
                        rs.getBytes("secrets"),
                        rs.getObject("created_at", OffsetDateTime.class)))
                .optional();
    }

    void saveAccount(UUID tenantId, String accountSid, String apiKeySid, byte[] secrets, Instant now) {
        jdbc.sql("""
                        insert into twilio_account (tenant_id, account_sid, api_key_sid, secrets, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id) do update set account_sid = excluded.account_sid,
                            api_key_sid = excluded.api_key_sid, secrets = excluded.secrets,
                            updated_at = excluded.updated_at
                        """)
                .param(tenantId)
                .param(accountSid)
                .param(apiKeySid)
                .param(secrets)
                .param(at(now))
                .param(at(now))
                .update();
    }

    boolean deleteAccount(UUID tenantId) {
        return jdbc.sql("delete from twilio_account where tenant_id = ?")
                        .param(tenantId)
                        .update()
                > 0;
    }

    /** The own account (tenant and stored secrets) that holds the connected number {@code phone}. */
    Optional<StoredAccount> ownAccountOf(String phone) {
        return jdbc.sql("""
                        select a.* from tenant_phone_number n
                        join twilio_account a on a.tenant_id = n.tenant_id and a.account_sid = n.account_sid
                        where n.phone = ?
                        """)
                .param(phone)
                .query((rs, i) -> new StoredAccount(
                        rs.getObject("tenant_id", UUID.class),
                        rs.getString("account_sid"),
                        rs.getString("api_key_sid"),
                        rs.getBytes("secrets"),
                        rs.getObject("created_at", OffsetDateTime.class)))
                .optional();
    }

    long ownNumbers(UUID tenantId) {
        return jdbc.sql("select count(*) from tenant_phone_number where tenant_id = ? and account_sid is not null")
                .param(tenantId)
                .query(Long.class)
                .single();
    }

    List<ConnectedNumber> numbers(UUID tenantId) {
        return jdbc.sql("select * from tenant_phone_number where tenant_id = ? order by created_at, phone")
                .param(tenantId)
                .query((rs, i) -> connected(rs))
                .list();
    }

    Optional<ConnectedNumber> number(UUID tenantId, String phone) {
        return jdbc.sql("select * from tenant_phone_number where tenant_id = ? and phone = ?")
                .param(tenantId)
                .param(phone)
                .query((rs, i) -> connected(rs))
                .optional();
    }

    Optional<UUID> holder(String phone) {
        return jdbc.sql("select tenant_id from tenant_phone_number where phone = ?")
                .param(phone)
                .query(UUID.class)
                .optional();
    }

    /** @return false when the number already belongs to a tenant */
    boolean connect(ConnectedNumber n) {
        return jdbc.sql("""
                        insert into tenant_phone_number (phone, tenant_id, label, phone_sid, account_sid,
                            previous_voice_url, previous_voice_method, previous_status_callback,
                            previous_sms_url, previous_sms_method, connected_at, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (phone) do nothing
                        """)
                        .param(n.phone())
                        .param(n.tenantId())
                        .param(n.label())
                        .param(n.phoneSid())
                        .param(n.accountSid())
                        .param(n.previousVoiceUrl())
                        .param(n.previousVoiceMethod())
                        .param(n.previousStatusCallback())
                        .param(n.previousSmsUrl())
                        .param(n.previousSmsMethod())
                        .param(n.connectedAt())
                        .param(n.connectedAt())
                        .update()
                > 0;
    }

    boolean disconnect(UUID tenantId, String phone) {
        return jdbc.sql("delete from tenant_phone_number where tenant_id = ? and phone = ?")
                        .param(tenantId)
                        .param(phone)
                        .update()
                > 0;
    }

    Optional<OffsetDateTime> lastInboundCall(UUID tenantId, String phone) {
        return jdbc.sql("""
                        select max(created_at) from call_log
                        where tenant_id = ? and to_number = ? and direction = 'inbound'
                        """)
                .param(tenantId)
                .param(phone)
                .query(OffsetDateTime.class)
                .optional();
    }

    long signatureFailuresSince(String phone, Instant since) {
        return jdbc.sql("select count(*) from webhook_signature_failure where phone = ? and failed_at >= ?")
                .param(phone)
                .param(at(since))
                .query(Long.class)
                .single();
    }

    /** Only for numbers some tenant holds: refusals aimed at made-up numbers are not worth a row. */
    void signatureRefused(String phone, Instant now) {
        jdbc.sql("""
                        insert into webhook_signature_failure (phone, failed_at)
                        select ?, ? where exists (select 1 from tenant_phone_number where phone = ?)
                        """).param(phone).param(at(now)).param(phone).update();
    }

    boolean callOrMessageOfAnotherTenant(String callSid, String messageSid, UUID tenantId) {
        return jdbc.sql("""
                        select count(*) from (
                            select tenant_id from call_log where call_sid = ?
                            union all
                            select tenant_id from whatsapp_message where message_sid = ?
                        ) owners where tenant_id <> ?
                        """)
                        .param(callSid)
                        .param(messageSid)
                        .param(tenantId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static ConnectedNumber connected(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ConnectedNumber(
                rs.getString("phone"),
                rs.getObject("tenant_id", UUID.class),
                rs.getString("label"),
                rs.getString("phone_sid"),
                rs.getString("account_sid"),
                rs.getString("previous_voice_url"),
                rs.getString("previous_voice_method"),
                rs.getString("previous_status_callback"),
                rs.getString("previous_sms_url"),
                rs.getString("previous_sms_method"),
                rs.getObject("connected_at", OffsetDateTime.class));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
