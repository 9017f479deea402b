-- A quote becomes an invoice in one action (issue 20): the draft it became, so it becomes one only once.
alter table contract add column invoice_id uuid;
