-- Israeli billing (issue 20): business details frozen at issue, the original print, receipts with
-- their payments, the Tax Authority connection and the allocation attempts.

-- The business details printed on a document are those in force when it was issued. Documents issued
-- before this migration get the details in force now: the closest record there is.
alter table invoice add column business_snapshot jsonb;
update invoice i set business_snapshot = jsonb_build_object(
        'businessName', s.business_name, 'businessId', s.business_id, 'address', s.address, 'phone', s.phone)
    from billing_settings s
    where s.tenant_id = i.tenant_id and i.status <> 'draft';

-- The first PDF produced of an issued document is the original (מקור); every later one is a copy.
alter table invoice add column original_produced_at timestamptz;

-- How much of a tax invoice receipts have paid; it becomes 'paid' when this reaches the total.
alter table invoice add column paid_agorot bigint not null default 0 check (paid_agorot >= 0);

-- Allocation (Israel Invoices): the request is built once and every retry sends exactly it, under the
-- same invoice_id, so a retry can never become a second, different request. The lease keeps two
-- workers from sending for one invoice at once; next_attempt_at carries the back-off.
alter table invoice add column allocation_request jsonb;
alter table invoice add column allocation_attempts integer not null default 0;
alter table invoice add column allocation_next_attempt_at timestamptz;
alter table invoice add column allocation_lease_until timestamptz;
alter table invoice add column allocation_error text;
create index invoice_allocation_due on invoice (allocation_next_attempt_at)
    where status = 'awaiting_allocation' and allocation_status = 'pending';

-- Every request sent to the allocation provider, written before it leaves: after a crash between
-- sending and storing the answer, the open attempt says a request may have been received.
create table allocation_attempt (
    id           bigserial primary key,
    tenant_id    uuid        not null,
    invoice_id   uuid        not null references invoice (id),
    attempt      integer     not null,
    request_id   text        not null,
    sent_at      timestamptz not null,
    finished_at  timestamptz,
    outcome      text check (outcome in ('allocated', 'rejected', 'retry', 'reconnect', 'failed')),
    http_status  integer,
    detail       text,
    unique (invoice_id, attempt)
);

-- A receipt's (or tax invoice-receipt's) payments, one row per means of payment.
create table payment (
    id                 uuid primary key,
    tenant_id          uuid    not null,
    document_id        uuid    not null references invoice (id),
    line_number        integer not null,
    method             text    not null check (method in ('cash', 'cheque', 'bank_transfer', 'credit_card', 'bit', 'other')),
    amount_agorot      bigint  not null check (amount_agorot > 0),
    paid_on            date    not null,
    bank_number        text,
    branch_number      text,
    account_number     text,
    cheque_number      text,
    cheque_due_date    date,
    card_last4         text,
    card_company       text,
    installments       integer,
    reference          text,
    unique (document_id, line_number)
);
create index payment_tenant_document on payment (tenant_id, document_id);

-- Which invoices a receipt pays, and how much of each.
create table receipt_allocation (
    tenant_id     uuid   not null,
    receipt_id    uuid   not null references invoice (id),
    invoice_id    uuid   not null references invoice (id),
    amount_agorot bigint not null check (amount_agorot > 0),
    primary key (receipt_id, invoice_id)
);
create index receipt_allocation_invoice on receipt_allocation (tenant_id, invoice_id);

-- The business's connection to the Tax Authority (OAuth2 authorization code): tokens encrypted at
-- rest (AES-GCM, key from configuration), with the expiries the owner is warned about.
create table tax_authority_connection (
    tenant_id                uuid primary key,
    access_token             bytea       not null,
    refresh_token            bytea       not null,
    access_token_expires_at  timestamptz not null,
    refresh_token_expires_at timestamptz not null,
    consented_at             timestamptz not null,
    connected_by             uuid        not null,
    updated_at               timestamptz not null
);

-- A started "connect": the state sent to the Tax Authority, kept as a hash, single use, short-lived.
create table tax_authority_oauth_state (
    state_hash text primary key,
    tenant_id  uuid        not null,
    user_id    uuid        not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);
