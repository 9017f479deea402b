-- ADR 0027: what the receptionist learned fills a customer's empty fields, never an agent's entry.
-- field_sources says who set each tracked field: "agent" (typed in the app or imported) or
-- "call:<callId>" (filled from that call's lead). A field without an entry was set by neither.
alter table customer
    add column timing        text,
    add column lead_summary  text,
    add column field_sources jsonb not null default '{}'::jsonb;
