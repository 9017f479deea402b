-- Tasks (SPEC C5). The due scheduler claims rows by due_at with FOR UPDATE SKIP LOCKED.
create table task (
    id          uuid primary key,
    tenant_id   uuid        not null,
    customer_id uuid,
    assignee_id uuid        not null,
    title       text        not null check (length(title) between 1 and 300),
    notes       text,
    channel     text        not null default 'other'
        check (channel in ('call', 'whatsapp', 'meeting', 'email', 'other')),
    priority    text        not null default 'medium' check (priority in ('low', 'medium', 'high')),
    status      text        not null default 'open' check (status in ('open', 'in_progress', 'done')),
    due_at      timestamptz,
    fired_at    timestamptz,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

create index task_tenant_assignee on task (tenant_id, assignee_id, status);
create index task_due_unfired on task (due_at) where fired_at is null and status <> 'done';
