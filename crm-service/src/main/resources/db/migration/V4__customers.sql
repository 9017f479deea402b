create table customer (
    id            uuid primary key,
    tenant_id     uuid        not null references tenant (id),
    name          text        not null check (length(name) between 1 and 200),
    phone         text        not null check (phone ~ '^\+[1-9][0-9]{6,14}$'),
    email         text,
    vat_id        text,
    status        text        not null,
    source        text        not null,
    tags          text[]      not null default '{}',
    notes         text,
    owner_id      uuid,
    area          text,
    rooms         numeric(3, 1),
    budget_agorot bigint,
    deal_type     text,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    deleted_at    timestamptz,
    -- What a partial phone search matches: the E.164 digits and the Israeli national form
    -- ("0501234567"), so "050123" and "97250123" both find +972501234567.
    phone_search  text generated always as (
        regexp_replace(phone, '[^0-9]', '', 'g') || ' ' || regexp_replace(phone, '^\+972', '0')
    ) stored
);

-- Duplicate detection by phone, per tenant, among live customers.
create unique index customer_phone on customer (tenant_id, phone) where deleted_at is null;
-- The default list order and its tie-breaker.
create index customer_list_created on customer (tenant_id, created_at desc, id) where deleted_at is null;
create index customer_list_name on customer (tenant_id, name, id) where deleted_at is null;
-- Substring search (q) over Hebrew names, phone digits and email: trigram GIN indexes serve
-- ILIKE '%…%' without a sequential scan.
create index customer_name_trgm on customer using gin (name gin_trgm_ops) where deleted_at is null;
create index customer_phone_trgm on customer using gin (phone_search gin_trgm_ops) where deleted_at is null;
create index customer_email_trgm on customer using gin (lower(email) gin_trgm_ops) where deleted_at is null;
create index customer_tags on customer using gin (tags) where deleted_at is null;
