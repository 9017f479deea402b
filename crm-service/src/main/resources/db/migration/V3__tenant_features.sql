-- One row per tenant and feature that has been set; a missing row means the default, on.
create table tenant_feature (
    tenant_id  uuid        not null references tenant (id),
    feature    text        not null,
    enabled    boolean     not null,
    updated_at timestamptz not null default now(),
    primary key (tenant_id, feature)
);
