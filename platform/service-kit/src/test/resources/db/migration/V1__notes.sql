create table note (
    id        uuid primary key,
    tenant_id uuid not null,
    text      text not null
);

create table handled_note (
    event_id       uuid not null,
    text           text,
    correlation_id text
);

-- Notes whose text is listed here make NoteListener fail, as a handler does while a bug or a
-- missing row stops it; deleting the row is the fix.
create table failing_note (
    text text primary key
);

-- Every delivery the second consumer group of the test app saw, duplicates included.
create table audited_note (
    event_id uuid not null
);
