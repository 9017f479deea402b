-- Issue 24 (SPEC C17): the streaming receptionist on Twilio ConversationRelay (ADR 0033).
-- Per tenant: which receptionist answers (the record flow stays the default and the fallback), the
-- voice Twilio speaks with, and the number a hand-off dials.
alter table receptionist_settings
    add column mode           text not null default 'record' check (mode in ('record', 'streaming')),
    add column voice          text,
    add column handoff_number text;

-- A streaming turn is a call_turn too (recording_sid holds 'relay:<sessionId>:<n>'), so the lead,
-- the call-back task and the calls screen work as for the record flow; it adds what the model
-- called and when each step happened.
alter table call_turn
    add column mode       text not null default 'record',
    add column tool_calls jsonb,
    add column timings    jsonb;
