-- Issue 21: an office connects its own phone number (SPEC C16, ADR 0032).

-- A tenant's own Twilio account. The auth token (and the API key's secret, when the owner gave an
-- API key) are AES-GCM ciphertext under TELEPHONY_CREDENTIALS_KEY, never plain text.
create table twilio_account (
    tenant_id   uuid primary key,
    account_sid text        not null,
    api_key_sid text,
    secrets     bytea       not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);

-- How a number was connected: through the platform's account (bought, or assigned by an admin) or
-- the tenant's own (account_sid set), its Twilio resource SID, and the webhooks it had before we set
-- ours, so that disconnecting puts them back.
alter table tenant_phone_number
    add column phone_sid                text,
    add column account_sid              text,
    add column previous_voice_url       text,
    add column previous_voice_method    text,
    add column previous_status_callback text,
    add column previous_sms_url         text,
    add column previous_sms_method      text,
    add column connected_at             timestamptz;

-- Webhooks refused for a bad signature, per dialled number: the number's health on the settings page.
create table webhook_signature_failure (
    id        bigserial primary key,
    phone     text        not null,
    failed_at timestamptz not null
);
create index webhook_signature_failure_phone on webhook_signature_failure (phone, failed_at desc);
create index call_log_to_number on call_log (to_number, created_at desc);
