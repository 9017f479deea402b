-- crm.user.v1 starts with this release: one user.created event for every user who already exists,
-- through the outbox like any other, so that a reader's list of users is complete from the start.
-- The envelope is the one EventEnvelope writes (UserEvents builds the same payload for new users).
insert into outbox_event (id, topic, event_key, event_type, tenant_id, envelope)
select event_id, 'crm.user.v1', u.id::text, 'user.created', u.tenant_id,
       jsonb_build_object(
           'id', event_id,
           'type', 'user.created',
           'version', 1,
           'tenantId', u.tenant_id,
           'customerId', null,
           'occurredAt', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
           'correlationId', null,
           'payload', jsonb_build_object('userId', u.id, 'name', u.name, 'role', u.role, 'active', u.active)
       )::text
from (select gen_random_uuid() as event_id, app_user.* from app_user) u
order by u.created_at, u.id;
