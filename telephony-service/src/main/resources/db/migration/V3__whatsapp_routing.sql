-- Issue 16: an inbound WhatsApp message is routed by the sender it was sent to, never by who wrote
-- last (ADR 0019).

-- A tenant's own WhatsApp senders: a WhatsApp-enabled number ('whatsapp:+E164') or a Twilio
-- Messaging Service ('MG…'). A sender belongs to one tenant only.
create table whatsapp_sender (
    id         uuid primary key,
    tenant_id  uuid        not null,
    address    text        not null unique,
    label      text,
    created_at timestamptz not null default now()
);
create index whatsapp_sender_tenant on whatsapp_sender (tenant_id, created_at);

-- When Twilio accepted an outbound message (answered with its MessageSid). Only an accepted
-- message opens a conversation a reply to the shared sender can be routed to.
alter table whatsapp_message add column accepted_at timestamptz;
update whatsapp_message set accepted_at = created_at
    where direction = 'outbound' and message_sid is not null and not sandbox;
create index whatsapp_message_conversation on whatsapp_message (device, peer_phone, accepted_at)
    where direction = 'outbound' and accepted_at is not null;

-- Inbound messages to the shared sender that no tenant could be given with certainty: kept here,
-- with no tenant, for the platform operator.
create table whatsapp_unrouted_message (
    message_sid       text primary key,
    sender            text        not null,
    peer_phone        text        not null,
    body              text        not null default '',
    media_count       integer     not null default 0,
    reason            text        not null check (reason in ('no_conversation', 'ambiguous')),
    candidate_tenants uuid[]      not null default '{}',
    received_at       timestamptz not null
);
create index whatsapp_unrouted_message_received on whatsapp_unrouted_message (received_at desc);
