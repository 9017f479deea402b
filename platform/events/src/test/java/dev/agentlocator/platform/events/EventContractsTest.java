package dev.agentlocator.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The evolution rules of docs/adr/0020-typed-event-contracts.md, for every type. */
class EventContractsTest {

    static List<EventType<?>> types() {
        return EventTypes.ALL;
    }

    @ParameterizedTest
    @MethodSource("types")
    void everyTypeWritesItsRecordAndReadsItBack(EventType<?> type) {
        EventEnvelope sample = EventSamples.of(type);

        assertThat(sample.type()).isEqualTo(type.type());
        assertThat(sample.version()).isEqualTo(type.version());
        assertThat(EventTypes.of(sample)).contains(type);
        assertThat(Payloads.write(sample.payload(type))).isEqualTo(sample.payload());
        assertThat(sample.payload()).doesNotContainValue(null);
    }

    @ParameterizedTest
    @MethodSource("types")
    void aReaderIgnoresFieldsItDoesNotKnow(EventType<?> type) {
        EventEnvelope sample = EventSamples.of(type);
        Map<String, Object> later = new LinkedHashMap<>(sample.payload());
        later.put("addedInALaterVersion", Map.of("nested", List.of(1, 2)));
        later.put("anotherNewField", "x");

        assertThat(withPayload(sample, later).payload(type)).isEqualTo(sample.payload(type));
    }

    @Test
    void aTypeOrVersionThisBuildDoesNotKnowIsNoneOfTheTypes() {
        EventEnvelope sample = EventSamples.of(TaskEvent.DUE);
        var unknownType = new EventEnvelope(
                sample.id(), "task.escalated", 1, EventSamples.TENANT, null, sample.occurredAt(), null, Map.of());
        var nextVersion = new EventEnvelope(
                sample.id(), "task.due", 2, EventSamples.TENANT, null, sample.occurredAt(), null, sample.payload());

        assertThat(EventTypes.of(unknownType)).isEmpty();
        assertThat(EventTypes.of(nextVersion)).isEmpty();
        assertThat(TaskEvent.of(nextVersion)).isEmpty();
        assertThatThrownBy(() -> nextVersion.payload(TaskEvent.DUE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("task.due v2");
    }

    @Test
    void absentFieldsAreNullAndOddlyTypedOnesDoNotSpoilTheRest() {
        Map<String, Object> odd = new HashMap<>();
        odd.put("taskId", "t-1");
        odd.put("title", 7);
        odd.put("minutes", "15");
        odd.put("status", Map.of("not", "text"));
        odd.put("assigneeId", null);
        var event = new EventEnvelope(
                UUID.randomUUID(), "task.snoozed", 1, EventSamples.TENANT, null, EventSamples.OCCURRED_AT, null, null);
        var read = withPayload(event, odd).payload(TaskEvent.SNOOZED);

        assertThat(read.taskId()).isEqualTo("t-1");
        assertThat(read.title()).isEqualTo("7");
        assertThat(read.minutes()).isEqualTo(15);
        assertThat(read.status()).isNull();
        assertThat(read.assigneeId()).isNull();
        assertThat(read.dueAt()).isNull();
    }

    @Test
    void numbersAndFlagsAreReadFromWhateverJsonNumberOrTextCarriesThem() {
        var event = withPayload(
                EventSamples.of(CallEvent.COMPLETED),
                Map.of("durationSeconds", 42L, "sandbox", "true", "linkedLater", "yes", "details", "not a map"));
        var read = event.payload(CallEvent.COMPLETED);

        assertThat(read.durationSeconds()).isEqualTo(42);
        assertThat(read.sandbox()).isTrue();
        assertThat(read.linkedLater()).isNull();
        assertThat(read.details()).isNull();
    }

    @Test
    void typeNamesAreUniqueAndEveryTypeIsOnADeclaredTopic() {
        var keys =
                EventTypes.ALL.stream().map(t -> t.type() + " v" + t.version()).toList();
        assertThat(keys).doesNotHaveDuplicates();
        var topics = List.of(Topics.CRM_CUSTOMER, Topics.CRM_TENANT, Topics.CRM_USER);
        assertThat(EventTypes.ALL)
                .allSatisfy(t -> assertThat(Topics.DOMAIN_TOPICS.contains(t.topic()) || topics.contains(t.topic()))
                        .as("%s is on a declared topic", t)
                        .isTrue());
        assertThat(EventSamples.all()).hasSameSizeAs(EventTypes.ALL);
    }

    @Test
    void aUserEventIsKeyedByTheUserSoCompactionKeepsEachUsersLatestState() {
        assertThat(UserEvent.UPDATED.keyOf(EventSamples.of(UserEvent.UPDATED))).isEqualTo(EventSamples.USER.toString());
        assertThat(TaskEvent.DUE.keyOf(EventSamples.of(TaskEvent.DUE))).isEqualTo(EventSamples.CUSTOMER.toString());
        assertThat(TenantEvent.FEATURES_CHANGED.keyOf(EventSamples.of(TenantEvent.FEATURES_CHANGED)))
                .isEqualTo(EventSamples.TENANT.toString());
    }

    /**
     * The published fields of every type, in {@code event-contracts.txt}: a field is added, never
     * renamed, retyped or removed, and a type once published stays. A new field fails here until it
     * is added to the file, so the change is a decision and shows in review.
     */
    @Test
    void publishedFieldsAreOnlyEverAddedTo() throws IOException {
        Map<String, String> published = published();
        Map<String, String> current =
                EventTypes.ALL.stream().collect(Collectors.toMap(EventContractsTest::key, EventContractsTest::fields));

        assertThat(current.keySet())
                .as("published types are never removed; a breaking change is a new version")
                .containsAll(published.keySet());
        published.forEach((key, fields) -> {
            List<String> now = Arrays.asList(current.get(key).split(" "));
            assertThat(now)
                    .as("%s keeps every published field with its type", key)
                    .containsAll(Arrays.asList(fields.split(" ")));
        });
        assertThat(published)
                .as("event-contracts.txt lists every type with every field (add new ones there)")
                .isEqualTo(current);
    }

    private static String key(EventType<?> type) {
        return type.type() + " v" + type.version() + " on " + type.topic();
    }

    private static String fields(EventType<?> type) {
        return Arrays.stream(type.payloadClass().getRecordComponents())
                .map(EventContractsTest::field)
                .collect(Collectors.joining(" "));
    }

    private static String field(RecordComponent component) {
        String generic = component
                .getGenericType()
                .getTypeName()
                .replace("java.lang.", "")
                .replace("java.util.", "");
        return component.getName() + ":" + generic.replace(" ", "");
    }

    private static Map<String, String> published() throws IOException {
        try (InputStream in = EventContractsTest.class.getResourceAsStream("/event-contracts.txt")) {
            assertThat(in).as("event-contracts.txt").isNotNull();
            Map<String, String> published = new LinkedHashMap<>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .forEach(line -> {
                        String[] parts = line.split(":", 2);
                        published.put(parts[0].strip(), parts[1].strip());
                    });
            return published;
        }
    }

    private static EventEnvelope withPayload(EventEnvelope event, Map<String, Object> payload) {
        Map<String, Object> copy = new HashMap<>(payload);
        copy.values().removeIf(v -> v == null);
        return new EventEnvelope(
                event.id(),
                event.type(),
                event.version(),
                event.tenantId(),
                event.customerId(),
                event.occurredAt(),
                event.correlationId(),
                copy);
    }
}
