-- Users log in by email alone (no tenant picker), so an email is unique across the suite.
create table app_user (
    id            uuid primary key,
    tenant_id     uuid        not null references tenant (id),
    name          text        not null check (length(name) between 1 and 200),
    email         text        not null check (length(email) between 3 and 254),
    password_hash text        not null,
    role          text        not null check (role in ('owner', 'agent', 'viewer', 'admin')),
    active        boolean     not null default true,
    created_at    timestamptz not null default now()
);
create unique index app_user_email on app_user (lower(email));
create index app_user_tenant on app_user (tenant_id, created_at);

-- Refresh tokens are stored as SHA-256 hashes. A login starts a family; each refresh rotates the
-- token inside it. Presenting a rotated token again means it leaked: the whole family is revoked.
create table refresh_token (
    id          uuid primary key,
    user_id     uuid        not null references app_user (id),
    family_id   uuid        not null,
    token_hash  text        not null unique,
    expires_at  timestamptz not null,
    created_at  timestamptz not null default now(),
    rotated_at  timestamptz,
    revoked_at  timestamptz
);
create index refresh_token_family on refresh_token (family_id);
create index refresh_token_user on refresh_token (user_id) where revoked_at is null;

-- Failed logins per email + client address, for the guessing limit; kept in the database so every
-- instance of the service counts the same failures.
create table login_failure (
    attempt_key text        not null,
    failed_at   timestamptz not null default now()
);
create index login_failure_key on login_failure (attempt_key, failed_at);
