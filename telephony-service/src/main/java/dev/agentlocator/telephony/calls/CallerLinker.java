package dev.agentlocator.telephony.calls;

import dev.agentlocator.platform.kit.phone.PhoneNumbers;
import dev.agentlocator.telephony.customers.CrmClient;
import dev.agentlocator.telephony.customers.CrmProperties;
import dev.agentlocator.telephony.providers.ProviderException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Calls answered while crm-service was down were stored with the phone only. This asks crm again
 * now and then (which also files the lead crm never got to create); crm's customer events link
 * them too, whichever comes first. Gives up on a call after {@code maxLinkAttempts}.
 */
@Component
class CallerLinker {

    private static final Logger log = LoggerFactory.getLogger(CallerLinker.class);
    private static final int BATCH = 50;

    private final CallRepository calls;
    private final CallService service;
    private final CrmClient crm;
    private final CrmProperties properties;

    CallerLinker(CallRepository calls, CallService service, CrmClient crm, CrmProperties properties) {
        this.calls = calls;
        this.service = service;
        this.crm = crm;
        this.properties = properties;
    }

    @Scheduled(
            fixedDelayString = "${agentlocator.telephony.crm.relink-interval:30s}",
            initialDelayString = "${agentlocator.telephony.crm.relink-interval:30s}")
    void relink() {
        for (CallLog call : calls.awaitingLink(properties.maxLinkAttempts(), BATCH)) {
            Optional<String> phone = PhoneNumbers.normalise(call.from());
            if (phone.isEmpty()) {
                service.countLinkAttempt(call.id());
                continue;
            }
            try {
                var resolved = crm.resolve(call.tenantId(), phone.get(), null);
                service.link(call.id(), resolved.customerId());
            } catch (ProviderException e) {
                service.countLinkAttempt(call.id());
                if ("circuit_open".equals(e.reason()) || "unreachable".equals(e.reason())) {
                    log.info("crm-service still unavailable ({}); calls wait for the next round", e.summary());
                    return;
                }
            }
        }
    }
}
