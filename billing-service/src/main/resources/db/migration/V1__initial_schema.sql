-- Gapless invoice numbering: one counter row per tenant and document type, locked while issuing.
create table document_sequence (
    tenant_id     uuid   not null,
    document_type text   not null,
    last_number   bigint not null default 0 check (last_number >= 0),
    primary key (tenant_id, document_type)
);

-- The business details printed on documents and the tenant's VAT rate; absent row = defaults.
create table billing_settings (
    tenant_id             uuid primary key,
    vat_rate_basis_points integer     not null default 1800 check (vat_rate_basis_points between 0 and 10000),
    business_name         text,
    business_id           text,
    address               text,
    phone                 text,
    updated_at            timestamptz not null default now()
);

-- Israel Invoices (חשבוניות ישראל): above this subtotal a B2B tax invoice needs an allocation
-- number. The threshold changes by law on known dates, so it is a dated table: rows without a
-- tenant are the law's schedule, a tenant's own rows (if any) replace the schedule for it.
create table allocation_threshold (
    id               bigserial primary key,
    tenant_id        uuid,
    effective_from   date   not null,
    threshold_agorot bigint not null check (threshold_agorot >= 0)
);
create unique index allocation_threshold_dated on allocation_threshold (coalesce(tenant_id, '00000000-0000-0000-0000-000000000000'), effective_from);

insert into allocation_threshold (tenant_id, effective_from, threshold_agorot) values
    (null, date '2024-05-05', 2500000),
    (null, date '2025-01-01', 2000000),
    (null, date '2026-01-01', 1000000),
    (null, date '2026-06-01', 500000);

-- The customers billing needs (name, VAT dealer number), fed by crm.customer.v1.
create table customer (
    tenant_id     uuid        not null,
    id            uuid        not null,
    name          text        not null,
    phone         text,
    email         text,
    vat_id        text,
    deleted       boolean     not null default false,
    last_event_at timestamptz not null,
    primary key (tenant_id, id)
);

create table invoice (
    id                          uuid primary key,
    tenant_id                   uuid        not null,
    customer_id                 uuid        not null,
    customer_name               text        not null,
    customer_vat_id             text,
    type                        text        not null check (type in ('tax_invoice', 'receipt', 'tax_invoice_receipt', 'credit_note')),
    status                      text        not null check (status in ('draft', 'awaiting_allocation', 'issued', 'paid', 'cancelled')),
    number                      bigint,
    lines                       jsonb       not null,
    vat_rate_basis_points       integer     not null,
    subtotal_agorot             bigint      not null,
    vat_agorot                  bigint      not null,
    total_agorot                bigint      not null,
    currency                    text        not null default 'ILS',
    credit_of                   uuid references invoice (id),
    credited_by                 uuid references invoice (id),
    allocation_status           text        not null default 'not_required'
                                check (allocation_status in ('not_required', 'pending', 'allocated', 'rejected')),
    allocation_number           text,
    allocation_sandbox          boolean,
    allocation_rejection_reason text,
    issued_at                   timestamptz,
    paid_at                     timestamptz,
    cancelled_at                timestamptz,
    created_at                  timestamptz not null default now(),
    updated_at                  timestamptz not null default now(),
    -- A number is never given twice within a tenant's document type.
    unique (tenant_id, type, number)
);
create index invoice_tenant_created on invoice (tenant_id, created_at desc, id desc);
create index invoice_tenant_customer on invoice (tenant_id, customer_id);

create table contract (
    id                      uuid primary key,
    tenant_id               uuid        not null,
    customer_id             uuid        not null,
    customer_name           text        not null,
    title                   text        not null,
    terms                   text,
    lines                   jsonb       not null,
    vat_rate_basis_points   integer     not null,
    subtotal_agorot         bigint      not null,
    vat_agorot              bigint      not null,
    total_agorot            bigint      not null,
    currency                text        not null default 'ILS',
    status                  text        not null check (status in ('draft', 'sent', 'viewed', 'signed', 'declined', 'expired')),
    -- Only the SHA-256 of the one-time signing token is kept: a database leak yields no usable link.
    token_hash              text unique,
    token_expires_at        timestamptz,
    token_used_at           timestamptz,
    sent_at                 timestamptz,
    viewed_at               timestamptz,
    signed_at               timestamptz,
    declined_at             timestamptz,
    signer_name             text,
    signer_ip               text,
    signer_user_agent       text,
    signed_document         bytea,
    signed_document_sha256  text,
    signature_media_type    text,
    signature               bytea,
    signed_pdf              bytea,
    created_at              timestamptz not null default now(),
    updated_at              timestamptz not null default now()
);
create index contract_tenant_created on contract (tenant_id, created_at desc, id desc);
create index contract_open_tokens on contract (token_expires_at) where status in ('sent', 'viewed');
