package dev.agentlocator.timeline.stats;

import static dev.agentlocator.timeline.stats.Metrics.*;

import dev.agentlocator.timeline.stats.StatsRepository.TaskSnapshot;
import dev.agentlocator.timeline.stats.StatsViews.Calls;
import dev.agentlocator.timeline.stats.StatsViews.CallsDay;
import dev.agentlocator.timeline.stats.StatsViews.CallsPerDay;
import dev.agentlocator.timeline.stats.StatsViews.Contracts;
import dev.agentlocator.timeline.stats.StatsViews.Invoices;
import dev.agentlocator.timeline.stats.StatsViews.InvoicesDay;
import dev.agentlocator.timeline.stats.StatsViews.InvoicesPerDay;
import dev.agentlocator.timeline.stats.StatsViews.Leads;
import dev.agentlocator.timeline.stats.StatsViews.LeadsBySource;
import dev.agentlocator.timeline.stats.StatsViews.SourceCount;
import dev.agentlocator.timeline.stats.StatsViews.Summary;
import dev.agentlocator.timeline.stats.StatsViews.Tasks;
import dev.agentlocator.timeline.stats.StatsViews.TasksDay;
import dev.agentlocator.timeline.stats.StatsViews.TasksPerDay;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the dashboard's figures from the daily counters; every query is one tenant's. */
@Service
class StatsService {

    private final StatsRepository stats;

    StatsService(StatsRepository stats) {
        this.stats = stats;
    }

    @Transactional(readOnly = true)
    public Summary summary(UUID tenant, StatsRange range) {
        Counters c = counters(tenant, range);
        TaskSnapshot tasks = taskSnapshot(tenant);
        Map<String, Long> bySource = c.byDimension(LEADS_NEW);
        return new Summary(
                range.from(),
                range.to(),
                new Calls(
                        c.total(CALLS_ANSWERED_AI),
                        c.total(CALLS_ANSWERED_AGENT),
                        c.total(CALLS_MISSED),
                        c.total(CALLS_OUTBOUND)),
                new Leads(c.total(LEADS_NEW), bySource),
                new Tasks(c.total(TASKS_CREATED), c.total(TASKS_COMPLETED), tasks.open(), tasks.overdue()),
                new Contracts(c.total(CONTRACTS_SIGNED), c.total(CONTRACTS_SIGNED_AGOROT)),
                new Invoices(
                        c.total(INVOICES_ISSUED),
                        c.total(INVOICES_ISSUED_AGOROT),
                        c.total(INVOICES_ISSUED_VAT_AGOROT),
                        c.total(INVOICES_PAID),
                        c.total(INVOICES_PAID_AGOROT),
                        c.total(INVOICES_PAID_VAT_AGOROT),
                        c.total(INVOICES_CREDITED),
                        c.total(INVOICES_CREDITED_AGOROT),
                        c.total(PAYMENTS_RECEIVED),
                        c.total(PAYMENTS_RECEIVED_AGOROT)),
                StatsViews.CURRENCY);
    }

    @Transactional(readOnly = true)
    public CallsPerDay callsPerDay(UUID tenant, StatsRange range) {
        Counters c = counters(tenant, range);
        return new CallsPerDay(
                range.from(),
                range.to(),
                range.days()
                        .map(d -> new CallsDay(
                                d,
                                c.on(d, CALLS_ANSWERED_AI),
                                c.on(d, CALLS_ANSWERED_AGENT),
                                c.on(d, CALLS_MISSED),
                                c.on(d, CALLS_OUTBOUND)))
                        .toList());
    }

    @Transactional(readOnly = true)
    public LeadsBySource leadsBySource(UUID tenant, StatsRange range) {
        Counters c = counters(tenant, range);
        List<SourceCount> sources = c.byDimension(LEADS_NEW).entrySet().stream()
                .map(e -> new SourceCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(SourceCount::count).reversed().thenComparing(SourceCount::source))
                .toList();
        return new LeadsBySource(range.from(), range.to(), c.total(LEADS_NEW), sources);
    }

    @Transactional(readOnly = true)
    public InvoicesPerDay invoices(UUID tenant, StatsRange range) {
        Counters c = counters(tenant, range);
        return new InvoicesPerDay(
                range.from(),
                range.to(),
                StatsViews.CURRENCY,
                range.days()
                        .map(d -> new InvoicesDay(
                                d,
                                c.on(d, INVOICES_ISSUED),
                                c.on(d, INVOICES_ISSUED_AGOROT),
                                c.on(d, INVOICES_ISSUED_VAT_AGOROT),
                                c.on(d, INVOICES_PAID),
                                c.on(d, INVOICES_PAID_AGOROT),
                                c.on(d, INVOICES_PAID_VAT_AGOROT),
                                c.on(d, INVOICES_CREDITED),
                                c.on(d, INVOICES_CREDITED_AGOROT),
                                c.on(d, PAYMENTS_RECEIVED),
                                c.on(d, PAYMENTS_RECEIVED_AGOROT)))
                        .toList());
    }

    @Transactional(readOnly = true)
    public TasksPerDay tasks(UUID tenant, StatsRange range) {
        Counters c = counters(tenant, range);
        TaskSnapshot snapshot = taskSnapshot(tenant);
        return new TasksPerDay(
                range.from(),
                range.to(),
                snapshot.open(),
                snapshot.overdue(),
                range.days()
                        .map(d -> new TasksDay(d, c.on(d, TASKS_CREATED), c.on(d, TASKS_COMPLETED)))
                        .toList());
    }

    private Counters counters(UUID tenant, StatsRange range) {
        Counters counters = new Counters();
        stats.daily(tenant, range.from(), range.to())
                .forEach(row -> counters.add(row.day(), row.metric(), row.dimension(), row.value()));
        return counters;
    }

    private TaskSnapshot taskSnapshot(UUID tenant) {
        return stats.taskSnapshot(tenant);
    }

    /** The range's rows, summed per day and metric, and per metric and dimension. */
    private static final class Counters {
        private final Map<String, Long> perDay = new HashMap<>();
        private final Map<String, Map<String, Long>> perDimension = new HashMap<>();

        void add(LocalDate day, String metric, String dimension, long value) {
            perDay.merge(day + "|" + metric, value, Long::sum);
            perDimension.computeIfAbsent(metric, m -> new TreeMap<>()).merge(dimension, value, Long::sum);
        }

        long on(LocalDate day, String metric) {
            return perDay.getOrDefault(day + "|" + metric, 0L);
        }

        long total(String metric) {
            return perDimension.getOrDefault(metric, Map.of()).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }

        Map<String, Long> byDimension(String metric) {
            return perDimension.getOrDefault(metric, new TreeMap<>());
        }
    }
}
