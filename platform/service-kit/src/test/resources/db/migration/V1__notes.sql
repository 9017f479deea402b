create table note (
    id        uuid primary key,
    tenant_id uuid not null,
    text      text not null
);

create table handled_note (
    event_id       uuid not null,
    text           text,
    correlation_id text
);
