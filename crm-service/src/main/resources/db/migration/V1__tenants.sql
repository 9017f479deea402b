-- Tenants: every other row in the suite belongs to one. Search indexes need pg_trgm.
create extension if not exists pg_trgm;

create table tenant (
    id         uuid primary key,
    name       text        not null check (length(name) between 1 and 200),
    created_at timestamptz not null default now()
);
