-- ADR 0027: a promised call-back or a missed call becomes one task, linked to its call.
alter table task add column call_id text;
-- one task per call, however often its events are delivered
create unique index task_call on task (tenant_id, call_id) where call_id is not null;

-- The customer's owner (from crm.customer.v1): who a call-back goes to first.
alter table customer add column owner_id uuid;

-- Per-tenant settings of the call-back rule, edited by the owner. Without a row the defaults hold:
-- 15 minutes, no on-duty agent, Sunday-Thursday 09:00-18:00 and Friday 09:00-13:00.
create table tenant_settings (
    tenant_id        uuid primary key,
    response_minutes integer     not null check (response_minutes between 1 and 1440),
    on_duty_user_id  uuid,
    -- {"SUNDAY": {"open": "09:00", "close": "18:00"}, ...}; a day that is absent is closed
    business_hours   jsonb       not null,
    updated_at       timestamptz not null default now()
);
