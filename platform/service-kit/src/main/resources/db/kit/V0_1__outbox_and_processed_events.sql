-- Shared by every service (shipped in service-kit, versioned below the services' own V1..).
-- The transactional outbox: a state change and its event commit together; the relay publishes.
create table outbox_event (
    seq          bigserial primary key,
    id           uuid        not null unique,
    topic        text        not null,
    event_key    text        not null,
    event_type   text        not null,
    tenant_id    uuid        not null,
    correlation_id text,
    envelope     text        not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz,
    attempts     integer     not null default 0,
    last_error   text
);

create index outbox_event_unpublished on outbox_event (seq) where published_at is null;
create index outbox_event_published_at on outbox_event (published_at) where published_at is not null;

-- Idempotent consumers: an event id is handled at most once per consumer.
create table processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
