package dev.agentlocator.platform.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.Topics;
import dev.agentlocator.platform.kit.testapp.NoteService;
import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.Metrics;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import dev.agentlocator.testkit.TestJwt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A handler that keeps failing dead-letters the record on its group's own topic after the retry
 * budget (2 s here); an operator lists and inspects it, and replays it once the cause is fixed,
 * through the same handler and no other group's.
 */
@ServiceIntegrationTest
@TestPropertySource(
        properties = {
            "agentlocator.messaging.retry.initial-interval=200ms",
            "agentlocator.messaging.retry.max-elapsed=2s",
        })
class DeadLetterAdminIT {

    private static final Path SCRIPT = Path.of("../../scripts/messaging-admin.sh");

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Value("${spring.kafka.consumer.group-id}")
    String group;

    private final String adminToken = TestJwt.token(UUID.randomUUID(), UUID.randomUUID(), "admin");

    @Test
    void aFailingRecordIsDeadLetteredForItsGroupAndReplayedThroughItsOwnHandlerOnceFixed() throws Exception {
        var api = Api.at(port).withToken(adminToken);
        String text = "blocked " + UUID.randomUUID();
        jdbc.sql("insert into failing_note (text) values (?)").param(text).update();
        double countedBefore = deadLettersCounted();
        var event = publishNote(text);
        String deadLetters = Topics.deadLetterOf(NoteService.TOPIC, group);

        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> api.get("/api/admin/dead-letters").<List<String>>json("$.items[*].eventId"),
                        ids -> ids.contains(event.id().toString()));
        String item = "$.items[?(@.eventId == '" + event.id() + "')]";
        var listed = api.get("/api/admin/dead-letters");
        assertThat(listed.<List<String>>json(item + ".topic")).containsExactly(deadLetters);
        assertThat(listed.<List<String>>json(item + ".group")).containsExactly(group);
        assertThat(listed.<List<String>>json(item + ".originalTopic")).containsExactly(NoteService.TOPIC);
        assertThat(listed.<List<String>>json(item + ".exception"))
                .containsExactly(IllegalStateException.class.getName());
        assertThat(handled(event.id())).isZero();
        assertThat(deadLettersCounted()).as("what the dead-letter alert counts").isEqualTo(countedBefore + 1);
        await("the other group handled it the first time")
                .atMost(Duration.ofSeconds(10))
                .until(() -> audited(event.id()) == 1);

        String letter = "/api/admin/dead-letters/" + deadLetters + "/0/"
                + listed.<List<Integer>>json(item + ".offset").get(0);
        var shown = api.get(letter);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.<String>json("$.value")).contains(text);
        assertThat(shown.<String>json("$.stackTrace")).contains("cannot be handled yet");
        assertThat(shown.<String>json("$.letter.eventType")).isEqualTo("note.created");

        var stillFailing = api.post(letter + "/replay", "");
        assertThat(stillFailing.status()).isEqualTo(200);
        assertThat(stillFailing.<String>json("$.outcome")).isEqualTo("failed");
        assertThat(stillFailing.<String>json("$.error")).contains("cannot be handled yet");
        assertThat(api.get("/api/admin/dead-letters").<List<String>>json(item + ".outcome"))
                .as("a failed replay leaves it pending")
                .containsExactly("pending");

        jdbc.sql("delete from failing_note where text = ?").param(text).update();
        var replayed = api.post(letter + "/replay", "");
        assertThat(replayed.<String>json("$.outcome")).isEqualTo("replayed");
        assertThat(handled(event.id())).isEqualTo(1);
        assertThat(api.post(letter + "/replay", "").<String>json("$.outcome"))
                .as("replaying twice is harmless")
                .isEqualTo("replayed");
        assertThat(handled(event.id())).as("idempotent: applied once").isEqualTo(1);
        Thread.sleep(1_000);
        assertThat(audited(event.id()))
                .as("another group reading the topic never sees the replay")
                .isEqualTo(1);
        assertThat(api.get("/api/admin/dead-letters").<List<Object>>json(item))
                .as("no longer pending")
                .isEmpty();
        assertThat(api.get("/api/admin/dead-letters?state=all").<List<String>>json(item + ".outcome"))
                .containsExactly("replayed");
    }

    @Test
    void onlyPlatformAdminsReachTheDeadLetters() {
        var tenantOwner = Api.at(port).withToken(TestJwt.token(UUID.randomUUID(), UUID.randomUUID(), "owner"));
        assertThat(tenantOwner.get("/api/admin/dead-letters").status()).isEqualTo(403);
        assertThat(tenantOwner.post("/api/admin/dead-letters/replay", "").status())
                .isEqualTo(403);
        assertThat(Api.at(port).get("/api/admin/dead-letters").status()).isEqualTo(401);
        var api = Api.at(port).withToken(adminToken);
        assertThat(api.get("/api/admin/dead-letters?state=maybe").status()).isEqualTo(400);
        assertThat(api.get("/api/admin/dead-letters/crm.customer.v1/0/0").status())
                .as("not a dead-letter topic of this service")
                .isEqualTo(404);
        assertThat(api.post(
                                "/api/admin/dead-letters/" + Topics.deadLetterOf(NoteService.TOPIC, group)
                                        + "/0/999999/replay",
                                "")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theOperatorScriptListsReplaysAndDismisses() throws Exception {
        String fixed = "script fixed " + UUID.randomUUID();
        String hopeless = "script hopeless " + UUID.randomUUID();
        jdbc.sql("insert into failing_note (text) values (?), (?)")
                .params(fixed, hopeless)
                .update();
        var fixable = publishNote(fixed);
        var never = publishNote(hopeless);
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> script("dead-letters", "list"),
                        out -> out.contains(fixable.id().toString())
                                && out.contains(never.id().toString()));

        jdbc.sql("delete from failing_note where text = ?").param(fixed).update();
        String report = script("dead-letters", "replay-all");
        assertThat(report).contains("\"replayed\"").contains("\"failed\"");
        assertThat(handled(fixable.id())).isEqualTo(1);
        assertThat(handled(never.id())).isZero();

        var pending = Api.at(port).withToken(adminToken).get("/api/admin/dead-letters");
        assertThat(pending.<List<String>>json("$.items[*].eventId"))
                .contains(never.id().toString())
                .doesNotContain(fixable.id().toString());
        String item = "$.items[?(@.eventId == '" + never.id() + "')]";
        String topic = pending.<List<String>>json(item + ".topic").get(0);
        String offset =
                String.valueOf(pending.<List<Integer>>json(item + ".offset").get(0));
        assertThat(script("dead-letters", "show", topic, "0", offset)).contains(hopeless);
        script("dead-letters", "dismiss", topic, "0", offset);
        assertThat(script("dead-letters", "list")).doesNotContain(never.id().toString());
        assertThat(script("dead-letters", "list", "all"))
                .contains(never.id().toString())
                .contains("dismissed");
    }

    private EventEnvelope publishNote(String text) throws Exception {
        var event = EventEnvelope.create("note.created", UUID.randomUUID(), null, null, Map.of("text", text));
        var record = new ProducerRecord<>(NoteService.TOPIC, event.partitionKey(), json.writeValueAsString(event));
        record.headers().add("eventId", event.id().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventType", event.type().getBytes(StandardCharsets.UTF_8));
        kafka.send(record).get();
        return event;
    }

    /** Runs the operator script as an SRE would, against this instance; fails on a non-zero exit. */
    private String script(String... args) throws IOException, InterruptedException {
        var command = new java.util.ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SERVICE_URL", "http://127.0.0.1:" + port);
        builder.environment().put("TOKEN", adminToken);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(Files.isExecutable(SCRIPT)).isTrue();
        return output;
    }

    private long handled(UUID eventId) {
        return jdbc.sql("select count(*) from handled_note where event_id = ?")
                .param(eventId)
                .query(Long.class)
                .single();
    }

    private long audited(UUID eventId) {
        return jdbc.sql("select count(*) from audited_note where event_id = ?")
                .param(eventId)
                .query(Long.class)
                .single();
    }

    private double deadLettersCounted() {
        return Metrics.scrape(port)
                .value("agentlocator_dead_letters_total", "topic", NoteService.TOPIC, "group", group)
                .orElse(0.0);
    }
}
