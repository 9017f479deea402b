-- Poison records (ADR 0014). A row Kafka can never accept (too large, rejected) is parked after a
-- few attempts so it stops holding back the rows behind it; an operator re-queues it after a fix.
-- A failed row waits until next_attempt_at and, meanwhile, holds back the later rows of its key.
alter table outbox_event
    add column next_attempt_at timestamptz,
    add column parked_at       timestamptz,
    add column park_reason     text;

drop index outbox_event_unpublished;
create index outbox_event_pending on outbox_event (seq) where published_at is null and parked_at is null;
create index outbox_event_pending_key on outbox_event (topic, event_key, seq)
    where published_at is null and parked_at is null;
create index outbox_event_parked on outbox_event (parked_at) where parked_at is not null;

-- Dead letters of this service an operator replayed through its own handler, or dismissed.
create table dead_letter_replay (
    dlt_topic     text        not null,
    dlt_partition integer     not null,
    dlt_offset    bigint      not null,
    event_id      uuid,
    outcome       text        not null check (outcome in ('replayed', 'dismissed')),
    handled_at    timestamptz not null default now(),
    primary key (dlt_topic, dlt_partition, dlt_offset)
);
