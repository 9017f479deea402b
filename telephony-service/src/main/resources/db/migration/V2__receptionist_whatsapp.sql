-- Issue 5: the AI receptionist, click-to-call and WhatsApp (SPEC C3, C4). See docs/adr/0007.

-- Which business a Twilio number belongs to: an incoming call or message is routed by the number
-- that was dialled (Twilio's "To"). A number belongs to one tenant only.
create table tenant_phone_number (
    phone      text primary key,
    tenant_id  uuid        not null,
    label      text,
    created_at timestamptz not null default now()
);
create index tenant_phone_number_tenant on tenant_phone_number (tenant_id);

-- The receptionist's words per tenant; a tenant without a row gets the defaults in code.
create table receptionist_settings (
    tenant_id  uuid primary key,
    greeting   text,
    prompt     text,
    forward_to text,
    updated_at timestamptz not null default now()
);

-- Generated speech, served publicly under /static/voice_responses/{id}.mp3 by any instance.
-- The id is random, so a URL reveals nothing and cannot be guessed.
create table voice_audio (
    id           uuid primary key,
    tenant_id    uuid        not null,
    kind         text        not null check (kind in ('greeting', 'reply')),
    text_hash    text        not null,
    content_type text        not null,
    audio        bytea       not null,
    created_at   timestamptz not null default now()
);
create unique index voice_audio_greeting on voice_audio (tenant_id, text_hash) where kind = 'greeting';
create index voice_audio_created on voice_audio (created_at) where kind = 'reply';

-- The call log grows the fields the SPA shows and the pipeline fills in.
alter table call_log
    add column sandbox           boolean     not null default false,
    add column duration_seconds  integer,
    add column answered_by       text,
    add column outcome           text,
    add column error             text,
    add column agent_phone       text,
    add column started_by        uuid,
    add column link_attempts     integer     not null default 0,
    add column completed_at      timestamptz,
    add column updated_at        timestamptz not null default now();
alter table call_log alter column call_sid drop not null;
create index call_log_tenant_created on call_log (tenant_id, created_at desc, id desc);
create index call_log_unlinked on call_log (tenant_id, from_number) where customer_id is null;

-- Every status Twilio reported, once each (a retried callback changes nothing).
create table call_status_event (
    call_id     uuid        not null references call_log (id),
    status      text        not null,
    occurred_at timestamptz not null default now(),
    primary key (call_id, status)
);

-- One turn per recording: caller speaks, the receptionist answers. RecordingSid is unique, so a
-- Twilio retry of handle_recording finds the turn and answers with the same TwiML.
create table call_turn (
    id                 uuid primary key,
    call_id            uuid        not null references call_log (id),
    tenant_id          uuid        not null,
    recording_sid      text        not null unique,
    recording_url      text,
    recording_seconds  integer,
    outcome            text,
    transcript         text,
    reply              text,
    reply_audio_id     uuid,
    details            jsonb,
    error              text,
    provider_millis    integer,
    total_millis       integer,
    twiml              text,
    created_at         timestamptz not null default now(),
    completed_at       timestamptz
);
create index call_turn_call on call_turn (call_id, created_at);

-- WhatsApp messages, both directions; MessageSid is unique so Twilio's retries change nothing.
create table whatsapp_message (
    id           uuid primary key,
    tenant_id    uuid        not null,
    customer_id  uuid,
    message_sid  text unique,
    direction    text        not null check (direction in ('inbound', 'outbound')),
    peer_phone   text        not null,
    device       text        not null,
    body         text        not null default '',
    media_count  integer     not null default 0,
    status       text        not null,
    error_code   text,
    sandbox      boolean     not null default false,
    sent_by      uuid,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now()
);
create index whatsapp_message_customer on whatsapp_message (tenant_id, customer_id, created_at desc, id desc);
create index whatsapp_message_peer on whatsapp_message (tenant_id, peer_phone, created_at desc);
create index whatsapp_message_device_peer on whatsapp_message (device, peer_phone, created_at desc);

create table whatsapp_status_event (
    message_id  uuid        not null references whatsapp_message (id),
    status      text        not null,
    occurred_at timestamptz not null default now(),
    primary key (message_id, status)
);

-- The customers telephony shows and dials (name, phone), kept from crm.customer.v1.
create table customer (
    tenant_id     uuid        not null,
    id            uuid        not null,
    name          text        not null,
    phone         text,
    deleted       boolean     not null default false,
    last_event_at timestamptz not null,
    primary key (tenant_id, id)
);
create index customer_phone on customer (tenant_id, phone) where not deleted;
