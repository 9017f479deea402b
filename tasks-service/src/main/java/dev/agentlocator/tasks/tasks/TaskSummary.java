package dev.agentlocator.tasks.tasks;

/** The dashboard's counts of tasks not done yet. */
record TaskSummary(long open, long overdue, long today, long thisWeek) {}
