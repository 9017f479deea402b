package dev.agentlocator.crm.customers;

import java.util.List;

/**
 * The outcome of a CSV import. {@code duplicates} are rows whose phone already belongs to a
 * customer (or to an earlier row of the file): importing the same file again adds nothing.
 */
public record ImportReport(int rows, int created, int duplicates, List<RejectedRow> rejected) {

    /** {@code row} is the line number in the file, the header being line 1. */
    public record RejectedRow(int row, String reason) {}
}
