-- An invoice that waits too long for its allocation number is announced once (issue 20): when it was.
alter table invoice add column allocation_overdue_noticed_at timestamptz;
create index invoice_allocation_overdue on invoice (issued_at)
    where status = 'awaiting_allocation' and allocation_status = 'pending' and allocation_overdue_noticed_at is null;
