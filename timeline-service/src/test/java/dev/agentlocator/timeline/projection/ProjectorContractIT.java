package dev.agentlocator.timeline.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.platform.events.EventSamples;
import dev.agentlocator.platform.events.Topics;
import dev.agentlocator.platform.kit.messaging.EventReader;
import dev.agentlocator.testkit.EventWire;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import dev.agentlocator.timeline.projection.TimelineProjector.Outcome;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole projection (timeline entry, customer, statistics) against every event of the contract,
 * as a producer one version ahead sends it (ADR 0020): each type of the six domain topics is applied
 * and counted where ADR 0005 says, the rest is skipped.
 */
@ServiceIntegrationTest
class ProjectorContractIT {

    @Autowired
    TimelineProjector projector;

    @Autowired
    EventReader reader;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everySampleIsProjectedOrSkippedAndCountedOnce() {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        Map<String, Outcome> expected = new LinkedHashMap<>();
        for (EventWire.Sample sample : EventWire.everyEvent()) {
            var event = reader.read(sample.value());
            outcomes.put(
                    sample.toString(), projector.project(event, sample.type().topic()));
            expected.put(
                    sample.toString(),
                    Topics.DOMAIN_TOPICS.contains(sample.type().topic()) ? Outcome.APPLIED : Outcome.UNKNOWN_TYPE);
            var next = reader.read(EventWire.nextVersionOf(sample.event()));
            assertThat(projector.project(next, sample.type().topic()))
                    .as("the next version of %s", sample)
                    .isEqualTo(Outcome.UNKNOWN_TYPE);
        }

        assertThat(outcomes).isEqualTo(expected);
        long onTheTimeline =
                expected.values().stream().filter(Outcome.APPLIED::equals).count();
        assertThat(jdbc.sql("select count(*) from timeline_entry where tenant_id = ? and customer_id = ?")
                        .params(EventSamples.TENANT, EventSamples.CUSTOMER)
                        .query(Long.class)
                        .single())
                .isEqualTo(onTheTimeline);
        assertThat(jdbc.sql("select name from timeline_customer where tenant_id = ? and customer_id = ?")
                        .params(EventSamples.TENANT, EventSamples.CUSTOMER)
                        .query(String.class)
                        .single())
                .isEqualTo("דנה כהן");
        assertThat(counter("leads.new", "call")).isEqualTo(1);
        assertThat(counter("calls.answered_ai", "")).isEqualTo(1);
        assertThat(counter("tasks.created", "")).isEqualTo(1);
        assertThat(counter("tasks.completed", "")).isEqualTo(1);
        assertThat(counter("contracts.signed", "")).isEqualTo(1);
        assertThat(counter("contracts.signed.agorot", "")).isEqualTo(1_170_000);
        assertThat(counter("invoices.issued", "")).isEqualTo(1);
        assertThat(counter("invoices.issued.vat_agorot", "")).isEqualTo(170_000);
        assertThat(counter("invoices.paid.agorot", "")).isEqualTo(1_170_000);
    }

    private long counter(String metric, String dimension) {
        return jdbc.sql(
                        "select coalesce(sum(value), 0) from stats_daily where tenant_id = ? and metric = ? and dimension = ?")
                .params(EventSamples.TENANT, metric, dimension)
                .query(Long.class)
                .single();
    }
}
