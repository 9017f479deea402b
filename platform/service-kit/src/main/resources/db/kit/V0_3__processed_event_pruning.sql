-- Idempotency marks are pruned once no redelivery can bring their event back (ProcessedEventPruning);
-- the index keeps that hourly delete from reading the whole table.
create index if not exists processed_event_processed_at on processed_event (processed_at);
