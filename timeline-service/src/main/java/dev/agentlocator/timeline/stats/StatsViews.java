package dev.agentlocator.timeline.stats;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Response bodies of the statistics API. Money is integer agorot, with VAT, in {@code currency}. */
final class StatsViews {

    static final String CURRENCY = "ILS";

    record Summary(
            LocalDate from,
            LocalDate to,
            Calls calls,
            Leads leads,
            Tasks tasks,
            Contracts contracts,
            Invoices invoices,
            String currency) {}

    record Calls(long answeredByAi, long answeredByAgent, long missed, long outbound) {}

    record Leads(long total, Map<String, Long> bySource) {}

    /** {@code open} and {@code overdue} are as of now, whatever the range. */
    record Tasks(long created, long completed, long open, long overdue) {}

    record Contracts(long signed, long signedAgorot) {}

    /**
     * {@code issuedAgorot} is net revenue: credit notes are subtracted ({@code credited} counts them).
     * {@code received} / {@code receivedAgorot}: receipts and tax invoice-receipts, money in, not revenue.
     */
    record Invoices(
            long issued,
            long issuedAgorot,
            long issuedVatAgorot,
            long paid,
            long paidAgorot,
            long paidVatAgorot,
            long credited,
            long creditedAgorot,
            long received,
            long receivedAgorot) {}

    record CallsDay(LocalDate date, long answeredByAi, long answeredByAgent, long missed, long outbound) {}

    record CallsPerDay(LocalDate from, LocalDate to, List<CallsDay> days) {}

    record SourceCount(String source, long count) {}

    record LeadsBySource(LocalDate from, LocalDate to, long total, List<SourceCount> sources) {}

    record InvoicesDay(
            LocalDate date,
            long issued,
            long issuedAgorot,
            long issuedVatAgorot,
            long paid,
            long paidAgorot,
            long paidVatAgorot,
            long credited,
            long creditedAgorot,
            long received,
            long receivedAgorot) {}

    record InvoicesPerDay(LocalDate from, LocalDate to, String currency, List<InvoicesDay> days) {}

    record TasksDay(LocalDate date, long created, long completed) {}

    record TasksPerDay(LocalDate from, LocalDate to, long open, long overdue, List<TasksDay> days) {}

    private StatsViews() {}
}
