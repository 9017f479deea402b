-- Failed logins by account (email) and client address instead of one combined key, so the throttle
-- can count per account and address and per address across accounts (ADR 0010). The rows of the old
-- shape are at most one window (15 minutes) old; dropping them forgives them.
drop table login_failure;

create table login_failure (
    email          text        not null,
    client_address text        not null,
    failed_at      timestamptz not null default now()
);
create index login_failure_address on login_failure (client_address, failed_at);
create index login_failure_age on login_failure (failed_at);
