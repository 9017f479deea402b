-- The per-customer timeline projection, built from events; the event id makes replays harmless.
create table timeline_entry (
    event_id    uuid primary key,
    tenant_id   uuid        not null,
    customer_id uuid        not null,
    kind        text        not null,
    event_type  text        not null,
    occurred_at timestamptz not null,
    title       text        not null,
    details     jsonb       not null default '{}'::jsonb,
    source_link text
);

create index timeline_entry_page on timeline_entry (tenant_id, customer_id, occurred_at desc, event_id desc);
