-- The projections of issue 7 / ADR 0005. Everything in this database is a projection of the domain
-- topics: it can be truncated and rebuilt by replaying them, so no row is a source of truth.
-- (V1 is kept as it was because local stacks have already applied it.)

-- The source record's id in its service (call sid, task id, invoice id...).
alter table timeline_entry add column reference text;

-- Which customers exist in which tenant, as far as the events tell; a timeline request for a
-- customer unknown here is a 404. The name is kept for titles and is last-writer-wins by event time.
create table timeline_customer (
    tenant_id   uuid        not null,
    customer_id uuid        not null,
    name        text,
    deleted     boolean     not null default false,
    updated_at  timestamptz,
    primary key (tenant_id, customer_id)
);

-- Daily counters per tenant for the dashboard; the day is local to the business (Asia/Jerusalem).
-- dimension splits a metric (the lead source for leads.new); '' when the metric has none.
create table stats_daily (
    tenant_id uuid   not null,
    day       date   not null,
    metric    text   not null,
    dimension text   not null default '',
    value     bigint not null default 0,
    primary key (tenant_id, day, metric, dimension)
);

-- The current state of each task, enough to count open and overdue tasks "now". Task events carry
-- the whole task, so the newest event (by occurred_at) wins whatever order they arrive in.
create table stats_task (
    tenant_id  uuid        not null,
    task_id    uuid        not null,
    due_at     timestamptz,
    done       boolean     not null,
    updated_at timestamptz not null,
    primary key (tenant_id, task_id)
);

create index stats_task_open on stats_task (tenant_id, due_at) where not done;
