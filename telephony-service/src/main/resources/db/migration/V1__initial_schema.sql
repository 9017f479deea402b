-- Call logs: one row per Twilio call, unique by CallSid so Twilio's retries change nothing.
create table call_log (
    id          uuid primary key,
    tenant_id   uuid        not null,
    customer_id uuid,
    call_sid    text        not null unique,
    from_number text        not null,
    to_number   text        not null,
    direction   text        not null check (direction in ('inbound', 'outbound')),
    status      text        not null,
    created_at  timestamptz not null default now()
);

create index call_log_tenant_customer on call_log (tenant_id, customer_id, created_at desc);
