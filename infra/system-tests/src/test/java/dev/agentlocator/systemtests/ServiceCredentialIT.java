package dev.agentlocator.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.testkit.TwilioSigner;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * ADR 0021 end to end: a call comes in through the real gateway; telephony-service asks the real
 * crm-service for a service token with its own client secret and resolves the caller with it, and
 * crm creates the lead. Nothing else can create that customer: crm's resolve endpoint takes only a
 * token of the {@code service} role, and only crm signs one.
 */
class ServiceCredentialIT {

    @Test
    void anIncomingCallIsResolvedAtCrmWithAServiceTokenCrmIssuedToTelephony() {
        var suite = Suite.get();
        var tenant = suite.signUp("calls");
        String number = new Business(suite, tenant).phoneNumber();
        String caller = "+97250" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
        String callSid = "CA" + UUID.randomUUID().toString().replace("-", "");
        Map<String, String> call = Map.of(
                "CallSid",
                callSid,
                "AccountSid",
                "ACsystemtests",
                "From",
                caller,
                "To",
                number,
                "CallStatus",
                "ringing",
                "Direction",
                "inbound");
        String url = "http://127.0.0.1:" + suite.gateway().port() + "/webhook/incoming_call";

        var reply = suite.viaGateway()
                .withHeader("X-Twilio-Signature", TwilioSigner.sign(Suite.TWILIO_TOKEN, url, call))
                .send("POST", "/webhook/incoming_call", TwilioSigner.form(call), "application/x-www-form-urlencoded");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Suite.await(
                "crm to create the caller as a lead of the tenant",
                Duration.ofSeconds(30),
                () -> suite.count(
                                "crm-service",
                                "select count(*) from customer where tenant_id = ? and phone = ? and source = 'call'",
                                tenant.id(),
                                caller)
                        == 1);
        Suite.await(
                "the call to be linked to that customer",
                Duration.ofSeconds(30),
                () -> suite.count(
                                "telephony-service",
                                "select count(*) from call_log where call_sid = ? and customer_id is not null",
                                callSid)
                        == 1);
    }
}
