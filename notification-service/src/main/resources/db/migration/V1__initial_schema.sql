-- Web Push subscriptions per user; an endpoint the push service reports gone (404/410) is deleted.
-- An endpoint belongs to one browser: when another user subscribes it there, it moves to them.
create table push_subscription (
    id         uuid primary key,
    tenant_id  uuid        not null,
    user_id    uuid        not null,
    endpoint   text        not null unique,
    p256dh     text        not null,
    auth       text        not null,
    created_at timestamptz not null default now()
);

create index push_subscription_user on push_subscription (tenant_id, user_id);

-- The notification centre: every alert, per user. The id is the id of the event that raised it,
-- so the socket message and the stored alert name the same notification.
create table notification (
    id            uuid primary key,
    tenant_id     uuid        not null,
    user_id       uuid        not null,
    type          text        not null,
    title         text        not null,
    task_id       uuid,
    customer_id   uuid,
    customer_name text,
    customer_phone text,
    due_at        timestamptz,
    created_at    timestamptz not null default now(),
    read_at       timestamptz
);

create index notification_user on notification (tenant_id, user_id, created_at desc);
create index notification_unread on notification (tenant_id, user_id) where read_at is null;

-- Open STOMP sessions of every instance, so that whichever instance sends Web Push knows whether
-- the user has a tab open anywhere. Sessions of an instance that stopped beating are ignored.
create table socket_instance (
    instance_id uuid primary key,
    seen_at     timestamptz not null default now()
);

create table socket_session (
    instance_id  uuid        not null,
    session_id   text        not null,
    tenant_id    uuid        not null,
    user_id      uuid        not null,
    connected_at timestamptz not null default now(),
    primary key (instance_id, session_id)
);

create index socket_session_user on socket_session (tenant_id, user_id);
