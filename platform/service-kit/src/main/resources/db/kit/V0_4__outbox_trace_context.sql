-- Tracing (ADR 0025): the W3C traceparent of the request that appended the event, so that the relay
-- publishes it as a Kafka record header and the consumers continue the request's trace. Null for
-- events appended outside any trace, and for the rows written before this column.
alter table outbox_event add column if not exists traceparent text;
