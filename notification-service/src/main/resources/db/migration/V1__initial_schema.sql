-- Web Push subscriptions per user; an endpoint the push service reports gone (404/410) is deleted.
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
