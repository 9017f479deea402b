-- Issue 18 / ADR 0029: each conversation's 24-hour window, opt-out, inbox state, and the templates
-- that serve each purpose. Versioned 4.18 so that a V4 of another change can land beside it.

-- One conversation per tenant and person (E.164). last_inbound_at decides WhatsApp's 24-hour
-- customer-service window; it is written from the service's Clock, never the database's now().
create table whatsapp_conversation (
    tenant_id        uuid        not null,
    peer_phone       text        not null,
    customer_id      uuid,
    last_inbound_at  timestamptz,
    last_message_at  timestamptz not null,
    last_message_id  uuid,
    unread_count     integer     not null default 0,
    assigned_to      uuid,
    opted_out        boolean     not null default false,
    opted_out_at     timestamptz,
    primary key (tenant_id, peer_phone)
);
create index whatsapp_conversation_recent on whatsapp_conversation (tenant_id, last_message_at desc, peer_phone);

-- Outbound templates: Twilio's ContentSid and the variables sent with it.
alter table whatsapp_message
    add column content_sid       text,
    add column content_variables jsonb,
    add column sent_at           timestamptz;

-- Which approved Content template serves which purpose, per tenant; variables maps a template's
-- placeholder ("1", "2", …) to the field that fills it (customerName, link, …); name and body are
-- the template's as Twilio listed it when the owner chose it (what a sent template is stored as).
create table whatsapp_template_purpose (
    tenant_id   uuid        not null,
    purpose     text        not null check (purpose in ('opening', 'task_follow_up', 'signing_link', 'invoice')),
    content_sid text        not null,
    variables   jsonb       not null default '{}',
    name        text,
    body        text        not null default '',
    updated_at  timestamptz not null default now(),
    primary key (tenant_id, purpose)
);

-- Existing conversations, so that the inbox is not empty after the upgrade.
insert into whatsapp_conversation (tenant_id, peer_phone, customer_id, last_inbound_at, last_message_at, last_message_id)
select distinct on (tenant_id, peer_phone)
       tenant_id, peer_phone, customer_id,
       (select max(i.created_at) from whatsapp_message i
         where i.tenant_id = m.tenant_id and i.peer_phone = m.peer_phone and i.direction = 'inbound'),
       created_at, id
from whatsapp_message m
order by tenant_id, peer_phone, created_at desc;
