package dev.agentlocator.tasks.tasks;

import java.time.OffsetDateTime;

/**
 * Published inside the transaction that gave a task a (new) due time; the due scheduler hears it
 * after commit and wakes early when this due time comes before the one it sleeps towards.
 */
public record DueTimeSet(OffsetDateTime dueAt) {}
