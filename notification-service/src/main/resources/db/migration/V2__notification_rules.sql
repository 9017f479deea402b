-- Issue 19: the notification centre for every event that matters (ADR 0028).

-- What a notification says and where it leads. Older rows (task:due only) have neither: the client
-- falls back to the customer or the task list.
alter table notification add column body text;
alter table notification add column link text;
alter table notification add column priority text not null default 'normal';
create index notification_created on notification (created_at);

-- Per user and kind: whether it reaches the bell, and whether it also sends Web Push. No row: the
-- kind's defaults.
create table notification_preference (
    tenant_id uuid    not null,
    user_id   uuid    not null,
    kind      text    not null,
    bell      boolean not null,
    push      boolean not null,
    primary key (tenant_id, user_id, kind)
);

-- Quiet hours (Asia/Jerusalem wall time): no Web Push from quiet_from until quiet_to; the bell
-- still fills. quiet_from > quiet_to spans midnight (22:00-07:00).
create table notification_quiet_hours (
    tenant_id  uuid not null,
    user_id    uuid not null,
    quiet_from time not null,
    quiet_to   time not null,
    primary key (tenant_id, user_id)
);

-- Read models of crm's topics: who owns a customer (crm.customer.v1) and who the tenant's
-- owners are (crm.user.v1, ADR 0016); the newest event wins.
create table customer_owner (
    tenant_id   uuid        not null,
    customer_id uuid        not null,
    owner_id    uuid,
    name        text,
    phone       text,
    updated_at  timestamptz not null,
    primary key (tenant_id, customer_id)
);

create table app_user (
    tenant_id  uuid        not null,
    id         uuid        not null,
    role       text        not null,
    active     boolean     not null,
    updated_at timestamptz not null,
    primary key (tenant_id, id)
);

-- Each task's current assignee, so that task.updated raises "assigned to you" only when it changed.
create table task_assignee (
    tenant_id   uuid        not null,
    task_id     uuid        not null,
    assignee_id uuid,
    updated_at  timestamptz not null,
    primary key (tenant_id, task_id)
);
