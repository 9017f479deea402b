package dev.agentlocator.telephony.receptionist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.platform.events.Topics;
import dev.agentlocator.telephony.LiveProviders;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import dev.agentlocator.testkit.TopicReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * crm-service is stopped (nothing listens where it should): calls are still answered and stored
 * with the phone, and linked to the customer when crm's events name that phone.
 */
@ServiceIntegrationTest
class CrmDownIT extends LiveProviders {

    @DynamicPropertySource
    static void crmIsStopped(DynamicPropertyRegistry registry) {
        registry.add("agentlocator.telephony.crm.base-url", () -> "http://127.0.0.1:" + closedPort());
        registry.add("agentlocator.telephony.crm.relink-interval", () -> "1h");
    }

    @Test
    void withCrmStoppedACallIsStillAnsweredAndLinkedLaterFromCrmsEvents() {
        UUID tenant = UUID.randomUUID();
        String number = "+9723" + digits(7);
        String caller = "+97254" + digits(7);
        assignNumber(tenant, number);
        STUBS.allHealthy("שלום, אני מתעניין בדירה שפרסמתם", "תודה! באיזו דירה מדובר?");
        String callSid = sid("CA");

        long started = System.nanoTime();
        var answer = webhook("/webhook/incoming_call", voice(callSid, caller, number, "ringing"));
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("<Play>", "<Record finishOnKey=\"*\" timeout=\"5\" maxLength=\"30\"");
        assertThat(millis).as("crm's failure costs at most its timeout").isLessThan(5_000);
        var stored = agent(tenant).get("/api/calls/" + callSid);
        assertThat(stored.<String>json("$.call.from")).isEqualTo(caller);
        assertThat(stored.<String>json("$.call.customerId")).isNull();

        String recording = sid("RE");
        var turn = webhook(
                "/webhook/handle_recording",
                recorded(callSid, caller, number, recording, STUBS.recording(recording), 5));
        assertThat(turn.body()).contains("<Play>", "<Record ");

        UUID customer = UUID.randomUUID();
        customerEvent(tenant, customer, "customer.created", "דנה לוי", caller);

        var linked = TopicReader.awaitRecord(
                Topics.TELEPHONY_CALL,
                r -> r.value().contains(callSid) && r.value().contains("\"linkedLater\":true"),
                Duration.ofSeconds(20));
        assertThat(linked.key()).isEqualTo(customer.toString());
        assertThat(linked.value()).contains("\"type\":\"call.received\"", "\"customerId\":\"" + customer + "\"");
        var after = agent(tenant).get("/api/calls/" + callSid);
        assertThat(after.<String>json("$.call.customerId")).isEqualTo(customer.toString());
        assertThat(after.<String>json("$.call.customerName")).isEqualTo("דנה לוי");
        assertThat(agent(tenant).get("/api/calls?customerId=" + customer).<Integer>json("$.total"))
                .isEqualTo(1);
    }

    private static int closedPort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
