-- The projection rebuild's state, in one row, so that every instance behind the gateway answers its
-- status and only one instance runs it at a time (ADR 0026). The instance running it renews
-- heartbeat_at as it goes; a row still 'running' whose heartbeat is older than the lease belongs to an
-- instance that stopped mid-rebuild: it is reported as failed and a new rebuild may take it over.
-- Not a projection: the rebuild never erases it.
create table projection_rebuild (
    id             smallint    primary key check (id = 1),
    state          text        not null check (state in ('idle', 'running', 'finished', 'failed')),
    run_id         uuid,
    instance       text,
    started_at     timestamptz,
    finished_at    timestamptz,
    heartbeat_at   timestamptz,
    events_read    bigint      not null default 0,
    events_applied bigint      not null default 0,
    events_skipped bigint      not null default 0,
    events_failed  bigint      not null default 0,
    lag_by_topic   text        not null default '{}',
    error          text
);
insert into projection_rebuild (id, state) values (1, 'idle');
