-- The people of each tenant, kept from crm.user.v1: whom a task may be assigned to.
-- last_event_at guards against an older event overwriting a newer one after a redelivery.
create table app_user (
    tenant_id     uuid        not null,
    id            uuid        not null,
    name          text        not null,
    role          text        not null,
    active        boolean     not null,
    last_event_at timestamptz not null,
    primary key (tenant_id, id)
);
