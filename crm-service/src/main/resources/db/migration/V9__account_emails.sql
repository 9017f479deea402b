-- Self-service accounts (ADR 0031): a proven email address, and the single-use links mailed for
-- verification, password reset, email change and invitations.

-- Users that exist already were created by an operator, the demo seed or an owner: treated as verified.
alter table app_user add column email_verified_at timestamptz;
update app_user set email_verified_at = created_at;
-- every other way a user is created (operator, demo seed, invitation, an owner) counts as verified;
-- a self-service signup clears it until the owner follows the mailed link
alter table app_user alter column email_verified_at set default now();

-- "Sign out everywhere": access tokens issued before this instant are refused where crm checks them.
alter table app_user add column sessions_valid_after timestamptz;

-- Only the SHA-256 of a link's token is stored; a link is used at most once (used_at) and expires.
create table account_token (
    id          uuid primary key,
    purpose     text        not null check (purpose in ('verify_email', 'reset_password', 'change_email', 'invitation')),
    token_hash  text        not null unique,
    user_id     uuid        references app_user (id),
    tenant_id   uuid        references tenant (id),
    email       text        not null check (length(email) between 3 and 254),
    name        text,
    role        text,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz
);
create index account_token_user on account_token (user_id, purpose) where used_at is null;
