package dev.agentlocator.telephony.calls;

import dev.agentlocator.platform.kit.errors.ApiException;
import dev.agentlocator.platform.kit.phone.PhoneNumbers;
import dev.agentlocator.platform.kit.security.CurrentUser;
import dev.agentlocator.telephony.customers.CustomerDirectory;
import dev.agentlocator.telephony.numbers.TenantNumbers;
import dev.agentlocator.telephony.providers.ProviderException;
import dev.agentlocator.telephony.settings.ReceptionistSettings;
import dev.agentlocator.telephony.twilio.TwilioRest;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * SPEC C3 click-to-call: Twilio rings the agent first and, once they answer, bridges to the
 * customer from the business's number ({@code /webhook/outbound_connect}). The attempt is stored
 * before Twilio is asked, and a failure is recorded on it.
 */
@Component
class ClickToCall {

    private static final Logger log = LoggerFactory.getLogger(ClickToCall.class);

    private final CustomerDirectory customers;
    private final TenantNumbers numbers;
    private final ReceptionistSettings settings;
    private final CallService calls;
    private final TwilioRest twilio;

    ClickToCall(
            CustomerDirectory customers,
            TenantNumbers numbers,
            ReceptionistSettings settings,
            CallService calls,
            TwilioRest twilio) {
        this.customers = customers;
        this.numbers = numbers;
        this.settings = settings;
        this.calls = calls;
        this.twilio = twilio;
    }

    CallLog start(CurrentUser caller, UUID customerId, String agentPhoneInput, String origin) {
        UUID tenantId = caller.tenantId();
        var customer = customers
                .find(tenantId, customerId)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "customer_not_found", "הלקוח לא נמצא"));
        String to = PhoneNumbers.normalise(customer.phone())
                .orElseThrow(() -> ApiException.badRequest("customer_has_no_phone", "ללקוח אין מספר טלפון תקין"));
        String agentInput = agentPhoneInput != null && !agentPhoneInput.isBlank()
                ? agentPhoneInput
                : settings.of(tenantId).forwardTo();
        if (agentInput == null) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "agent_phone_required",
                    "יש להזין את מספר הטלפון שלך (או להגדיר מספר להעברת שיחות) כדי להתקשר ללקוח",
                    Map.of("fields", Map.of("agentPhone", "חסר מספר טלפון")));
        }
        String agent = PhoneNumbers.normalise(agentInput)
                .orElseThrow(() -> new ApiException(
                        HttpStatus.BAD_REQUEST,
                        "invalid_phone",
                        "מספר הטלפון אינו תקין",
                        Map.of("fields", Map.of("agentPhone", "מספר לא תקין"))));
        boolean sandbox = !twilio.configured();
        String from = numbers.primary(tenantId).orElse(null);
        if (from == null && !sandbox) {
            throw ApiException.conflict("no_business_number", "לעסק עדיין לא הוקצה מספר טלפון לשיחות יוצאות");
        }
        CallLog call = calls.startOutbound(
                tenantId, customerId, caller.userId(), from == null ? "sandbox" : from, to, agent, sandbox);
        if (sandbox) {
            log.info("Sandbox: call {} to customer {} stored, not placed", call.id(), customerId);
            return call;
        }
        try {
            var placed = twilio.call(
                    agent,
                    from,
                    origin + "/webhook/outbound_connect?call=" + call.id(),
                    origin + "/webhook/call_status");
            return calls.placed(call.id(), placed.sid(), placed.status());
        } catch (ProviderException e) {
            calls.placingFailed(call.id(), e.summary());
            log.warn("Call {} to customer {} not placed: {}", call.id(), customerId, e.getMessage());
            throw new ApiException(
                    HttpStatus.BAD_GATEWAY,
                    "call_failed",
                    "לא הצלחנו להתחיל את השיחה. נסו שוב בעוד רגע.",
                    Map.of("callId", call.id().toString(), "reason", e.reason()));
        }
    }
}
