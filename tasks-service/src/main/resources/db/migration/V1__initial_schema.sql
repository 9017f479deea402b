-- Tasks (SPEC C5). The due scheduler claims rows by due_at with FOR UPDATE SKIP LOCKED; fired_at
-- marks a due time as fired, and a snooze (a new due_at) clears it so the task fires again.
create table task (
    id           uuid primary key,
    tenant_id    uuid        not null,
    customer_id  uuid,
    assignee_id  uuid        not null,
    title        text        not null check (length(title) between 1 and 300),
    notes        text,
    channel      text        not null default 'other'
        check (channel in ('call', 'whatsapp', 'meeting', 'email', 'other')),
    priority     text        not null default 'medium' check (priority in ('low', 'medium', 'high')),
    status       text        not null default 'open' check (status in ('open', 'in_progress', 'done')),
    due_at       timestamptz,
    fired_at     timestamptz,
    completed_at timestamptz,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now()
);

create index task_tenant_due on task (tenant_id, due_at);
create index task_tenant_assignee on task (tenant_id, assignee_id, status);
create index task_tenant_customer on task (tenant_id, customer_id);
-- Only pending alarms: what the scheduler's claim and its "next due time" query read.
create index task_due_unfired on task (due_at) where fired_at is null and status <> 'done';

-- The customers tasks need (name and phone for lists and alerts), kept from crm.customer.v1.
-- last_event_at guards against an older event overwriting a newer one after a redelivery.
create table customer (
    tenant_id     uuid        not null,
    id            uuid        not null,
    name          text        not null,
    phone         text,
    deleted       boolean     not null default false,
    last_event_at timestamptz not null,
    primary key (tenant_id, id)
);
