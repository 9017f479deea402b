package dev.agentlocator.telephony.whatsapp;

import dev.agentlocator.platform.kit.errors.ApiException;
import dev.agentlocator.telephony.common.Phones;
import dev.agentlocator.telephony.numbers.TenantNumbers;
import dev.agentlocator.telephony.twilio.TwilioProperties;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A tenant's own WhatsApp senders (ADR 0019). An address belongs to one tenant at most; the shared
 * sender ({@code WHATSAPP_DEVICE}) and a number the platform admin gave another tenant can never be
 * claimed.
 */
@Service
class SenderService {

    static final String INVALID =
            "יש להזין מספר WhatsApp תקין (למשל ‎+972501234567‎) או מזהה Messaging Service שמתחיל ב־MG";
    static final String TAKEN = "השולח הזה כבר רשום במערכת";
    static final String SHARED = "זהו השולח המשותף של המערכת, ואי אפשר לרשום אותו לעסק אחד";

    private final SenderRepository senders;
    private final TenantNumbers numbers;
    private final TwilioProperties twilio;

    SenderService(SenderRepository senders, TenantNumbers numbers, TwilioProperties twilio) {
        this.senders = senders;
        this.numbers = numbers;
        this.twilio = twilio;
    }

    @Transactional
    WhatsAppSender register(UUID tenantId, String input, String label) {
        String address = WhatsAppSender.address(input)
                .orElseThrow(() -> new ApiException(
                        HttpStatus.BAD_REQUEST,
                        "invalid_sender",
                        INVALID,
                        Map.of("fields", Map.of("address", INVALID))));
        if (WhatsAppSender.PHONE.equals(WhatsAppSender.kindOf(address))) {
            String phone = Phones.stripWhatsApp(address);
            if (twilio.sharedWhatsAppSender().filter(phone::equals).isPresent()) {
                throw ApiException.conflict("sender_shared", SHARED);
            }
            if (numbers.tenantOf(phone).filter(owner -> !owner.equals(tenantId)).isPresent()) {
                throw ApiException.conflict("sender_taken", TAKEN);
            }
        }
        UUID id = UUID.randomUUID();
        if (!senders.insert(id, tenantId, address, label == null || label.isBlank() ? null : label.strip())) {
            throw ApiException.conflict("sender_taken", TAKEN);
        }
        return senders.find(tenantId, id).orElseThrow();
    }

    @Transactional(readOnly = true)
    List<WhatsAppSender> list(UUID tenantId) {
        return senders.list(tenantId);
    }

    @Transactional
    void remove(UUID tenantId, UUID id) {
        if (!senders.delete(tenantId, id)) {
            throw ApiException.notFound();
        }
    }
}
