-- Gapless invoice numbering: one counter row per tenant and document type, locked while issuing.
create table document_sequence (
    tenant_id     uuid   not null,
    document_type text   not null,
    last_number   bigint not null default 0 check (last_number >= 0),
    primary key (tenant_id, document_type)
);
