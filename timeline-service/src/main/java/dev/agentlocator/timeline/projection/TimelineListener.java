package dev.agentlocator.timeline.projection;

import dev.agentlocator.platform.events.Topics;
import dev.agentlocator.platform.kit.messaging.EventReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Live consumption of every domain topic. Records are keyed by customer, and each partition is
 * handled by one thread in offset order (no async hand-off), so one customer's events apply in the
 * order they were produced. A record that is not an envelope goes to the dead-letter topic (the
 * kit's error handler); an unknown type is skipped.
 */
@Component
class TimelineListener {

    private final EventReader reader;
    private final TimelineProjector projector;

    TimelineListener(EventReader reader, TimelineProjector projector) {
        this.reader = reader;
        this.projector = projector;
    }

    // One group for every instance of the service; configurable so that a second, separate timeline
    // on the same broker (a test that reads one instance's log) gets every event itself.
    @KafkaListener(
            id = TimelineProjector.LIVE_LISTENER,
            groupId = "${agentlocator.timeline.live-group:" + TimelineProjector.LIVE_LISTENER + "}",
            topics = {
                Topics.CRM_CUSTOMER,
                Topics.TELEPHONY_CALL,
                Topics.TELEPHONY_WHATSAPP,
                Topics.TASKS_TASK,
                Topics.BILLING_CONTRACT,
                Topics.BILLING_INVOICE
            },
            concurrency = "${agentlocator.timeline.consumer-concurrency:1}")
    void on(ConsumerRecord<String, String> record) {
        projector.project(reader.read(record.value()), record.topic());
    }
}
