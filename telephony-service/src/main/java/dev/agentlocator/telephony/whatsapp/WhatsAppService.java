package dev.agentlocator.telephony.whatsapp;

import dev.agentlocator.platform.events.WhatsAppEvent;
import dev.agentlocator.platform.kit.errors.ApiException;
import dev.agentlocator.platform.kit.features.Features;
import dev.agentlocator.platform.kit.features.TenantFeatures;
import dev.agentlocator.platform.kit.paging.Page;
import dev.agentlocator.platform.kit.paging.PageRequest;
import dev.agentlocator.platform.kit.phone.PhoneNumbers;
import dev.agentlocator.platform.kit.security.CurrentUser;
import dev.agentlocator.telephony.common.Phones;
import dev.agentlocator.telephony.customers.CustomerDirectory;
import dev.agentlocator.telephony.customers.CustomerPhoneKnown;
import dev.agentlocator.telephony.providers.ProviderException;
import dev.agentlocator.telephony.twilio.TwilioProperties;
import dev.agentlocator.telephony.twilio.TwilioRest;
import dev.agentlocator.telephony.whatsapp.InboundRouter.Route;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SPEC C4: WhatsApp through Twilio, from the tenant's own sender or the shared {@code
 * WHATSAPP_DEVICE}. Every message is stored (once per MessageSid) with its event; statuses only move
 * forward (queued → sent → delivered → read, or failed), whatever order Twilio's callbacks arrive in.
 * An inbound message goes to the tenant {@link InboundRouter} names, or to nobody (ADR 0019).
 */
@Service
public class WhatsAppService {

    static final String UNROUTED_METRIC = "whatsapp.inbound.unrouted";
    static final String UNKNOWN_SENDER = "unknown_sender";
    private static final Logger log = LoggerFactory.getLogger(WhatsAppService.class);
    private static final String SANDBOX_DEVICE = "sandbox";
    /** Stored before Twilio is asked; becomes Twilio's status once it accepts, or failed. */
    private static final String PENDING = "pending";

    private final MessageRepository messages;
    private final SenderRepository senders;
    private final InboundRouter router;
    private final WhatsAppEvents events;
    private final CustomerDirectory customers;
    private final TwilioRest twilio;
    private final TwilioProperties properties;
    private final TransactionTemplate transactions;
    private final TenantFeatures features;
    private final Clock clock;
    private final MeterRegistry meters;

    WhatsAppService(
            MessageRepository messages,
            SenderRepository senders,
            InboundRouter router,
            WhatsAppEvents events,
            CustomerDirectory customers,
            TwilioRest twilio,
            TwilioProperties properties,
            TransactionTemplate transactions,
            TenantFeatures features,
            Clock clock,
            MeterRegistry meters) {
        this.messages = messages;
        this.senders = senders;
        this.router = router;
        this.events = events;
        this.customers = customers;
        this.twilio = twilio;
        this.properties = properties;
        this.transactions = transactions;
        this.features = features;
        this.clock = clock;
        this.meters = meters;
    }

    static int rank(String status) {
        return switch (status == null ? "" : status) {
            case "accepted", "scheduled", "queued", "sending" -> 0;
            case "sent" -> 1;
            case "delivered" -> 2;
            case "read" -> 3;
            case "failed", "undelivered", "canceled" -> 4;
            case "received", "receiving" -> 0;
            default -> -1;
        };
    }

    /**
     * Opens (or continues) the conversation with a customer, from the tenant's own sender if it has
     * one, else from the shared one. Stored first as {@code pending}, then sent; only once Twilio
     * accepts it (a MessageSid) does it count as a conversation a reply can be routed to. Twilio's
     * refusal is recorded on the message as {@code failed}. Without credentials: stored as sandbox.
     */
    public WhatsAppMessage send(CurrentUser caller, UUID customerId, String text, String origin) {
        UUID tenantId = caller.tenantId();
        var customer = customers
                .find(tenantId, customerId)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "customer_not_found", "הלקוח לא נמצא"));
        String to = PhoneNumbers.normalise(customer.phone())
                .orElseThrow(() -> ApiException.badRequest("customer_has_no_phone", "ללקוח אין מספר טלפון תקין"));
        String body = text == null || text.isBlank() ? opening(customer.name()) : text.strip();
        Optional<String> sender =
                senders.primary(tenantId).map(WhatsAppSender::device).or(properties::sharedWhatsAppSender);
        boolean sandbox = !twilio.configured() || sender.isEmpty();
        String device = sandbox ? SANDBOX_DEVICE : sender.get();
        UUID id = UUID.randomUUID();
        WhatsAppMessage stored = transactions.execute(status -> {
            var m = new WhatsAppMessage(
                    id,
                    tenantId,
                    customerId,
                    customer.name(),
                    null,
                    WhatsAppMessage.OUTBOUND,
                    to,
                    device,
                    body,
                    0,
                    sandbox ? "sandbox" : PENDING,
                    null,
                    sandbox,
                    caller.userId(),
                    null,
                    null);
            messages.insert(m);
            var saved = messages.find(id).orElseThrow();
            if (sandbox) {
                events.append(WhatsAppEvent.SENT, saved);
            }
            return saved;
        });
        if (sandbox) {
            log.info("Sandbox: WhatsApp message {} to customer {} stored, not sent", id, customerId);
            return stored;
        }
        try {
            var sent = twilio.whatsApp(to, device, body, origin + "/webhook/whatsapp_status");
            return transactions.execute(status -> {
                messages.accepted(id, sent.sid(), sent.status(), clock.instant());
                messages.addStatus(id, sent.status());
                var saved = messages.find(id).orElseThrow();
                events.append(WhatsAppEvent.SENT, saved);
                return saved;
            });
        } catch (ProviderException e) {
            transactions.executeWithoutResult(status -> {
                messages.notAccepted(id, e.reason());
                messages.addStatus(id, "failed");
                events.append(WhatsAppEvent.STATUS_CHANGED, messages.find(id).orElseThrow());
            });
            log.warn("WhatsApp message {} not sent: {}", id, e.getMessage());
            throw new ApiException(
                    HttpStatus.BAD_GATEWAY,
                    "whatsapp_failed",
                    "לא הצלחנו לשלוח את הודעת ה־WhatsApp. נסו שוב בעוד רגע.",
                    Map.of("messageId", id.toString(), "reason", e.reason()));
        }
    }

    /**
     * An inbound message (once per MessageSid), for the tenant the sender it was sent to names
     * ({@link InboundRouter}); otherwise nobody's: kept for the operator, or refused.
     *
     * @param to the sender it was sent to (Twilio's {@code To})
     * @param messagingServiceSid Twilio's {@code MessagingServiceSid}, when {@code to} is in one
     */
    @Transactional
    public void received(
            String messageSid, String from, String to, String messagingServiceSid, String body, int mediaCount) {
        Optional<String> peer = PhoneNumbers.normalise(Phones.stripWhatsApp(from));
        Optional<String> device = PhoneNumbers.normalise(Phones.stripWhatsApp(to));
        if (messageSid == null || peer.isEmpty() || device.isEmpty()) {
            log.warn("WhatsApp message {} from {} to {} cannot be read; ignored", messageSid, from, to);
            return;
        }
        String text = body == null ? "" : body;
        Instant arrival = clock.instant();
        Route route = router.route(device.get(), messagingServiceSid, peer.get(), arrival);
        if (route.refusedOutright()) {
            log.warn(
                    "WhatsApp message {} to {} refused: no tenant owns that sender and it is not the shared one",
                    messageSid,
                    device.get());
            meters.counter(UNROUTED_METRIC, "reason", UNKNOWN_SENDER).increment();
            return;
        }
        if (!route.delivered()) {
            if (messages.insertUnrouted(
                    messageSid,
                    device.get(),
                    peer.get(),
                    text,
                    mediaCount,
                    route.unroutedReason(),
                    route.candidates(),
                    arrival)) {
                log.warn(
                        "WhatsApp message {} to {} delivered to no tenant ({}, {} candidate tenants {});"
                                + " kept in whatsapp_unrouted_message for the operator",
                        messageSid,
                        device.get(),
                        route.unroutedReason(),
                        route.candidates().size(),
                        route.candidates());
                meters.counter(UNROUTED_METRIC, "reason", route.unroutedReason())
                        .increment();
            }
            return;
        }
        UUID tenant = route.tenantId();
        if (!features.isEnabled(tenant, Features.WHATSAPP)) {
            log.info("WhatsApp message {} for tenant {} dropped: WhatsApp is switched off", messageSid, tenant);
            return;
        }
        UUID customerId = customers
                .findByPhone(tenant, peer.get())
                .map(CustomerDirectory.KnownCustomer::id)
                .orElse(null);
        UUID id = UUID.randomUUID();
        boolean inserted = messages.insert(new WhatsAppMessage(
                id,
                tenant,
                customerId,
                null,
                messageSid,
                WhatsAppMessage.INBOUND,
                peer.get(),
                device.get(),
                text,
                mediaCount,
                "received",
                null,
                false,
                null,
                null,
                null));
        if (inserted) {
            messages.addStatus(id, "received");
            events.append(WhatsAppEvent.RECEIVED, messages.find(id).orElseThrow());
        }
    }

    /** A delivery status from Twilio; repeats and out-of-order older statuses change nothing. */
    @Transactional
    public void statusChanged(String messageSid, String status, String errorCode) {
        if (messageSid == null || status == null) {
            return;
        }
        var found = messages.findBySidForUpdate(messageSid);
        if (found.isEmpty()) {
            log.warn("Status {} for unknown WhatsApp message {}; ignored", status, messageSid);
            return;
        }
        WhatsAppMessage m = found.get();
        if (!messages.addStatus(m.id(), status) || rank(status) <= rank(m.status())) {
            return;
        }
        messages.setStatus(m.id(), status, errorCode == null || errorCode.isBlank() ? null : errorCode);
        events.append(WhatsAppEvent.STATUS_CHANGED, messages.find(m.id()).orElseThrow());
    }

    @Transactional(readOnly = true)
    Page<WhatsAppMessage> thread(UUID tenantId, UUID customerId, PageRequest page) {
        if (customers.find(tenantId, customerId).isEmpty() && messages.countThread(tenantId, customerId) == 0) {
            throw new ApiException(HttpStatus.NOT_FOUND, "customer_not_found", "הלקוח לא נמצא");
        }
        long total = messages.countThread(tenantId, customerId);
        return new Page<>(
                messages.thread(tenantId, customerId, page), page.page(), page.limit(), total, page.pages(total));
    }

    @Transactional(readOnly = true)
    Page<WhatsAppMessage> list(UUID tenantId, PageRequest page) {
        long total = messages.count(tenantId);
        return new Page<>(messages.list(tenantId, page), page.page(), page.limit(), total, page.pages(total));
    }

    /** crm-service knows the sender now: link the messages that waited for it. */
    @EventListener
    void onCustomerPhoneKnown(CustomerPhoneKnown known) {
        for (WhatsAppMessage m : messages.unlinked(known.tenantId(), known.phone())) {
            if (messages.link(m.id(), known.customerId())) {
                var linked = messages.find(m.id()).orElseThrow();
                events.append(
                        WhatsAppMessage.INBOUND.equals(m.direction()) ? WhatsAppEvent.RECEIVED : WhatsAppEvent.SENT,
                        linked,
                        linked.createdAt(),
                        true);
            }
        }
    }

    static String opening(String name) {
        return "שלום " + name + ", כאן המשרד. איך נוכל לעזור?";
    }
}
