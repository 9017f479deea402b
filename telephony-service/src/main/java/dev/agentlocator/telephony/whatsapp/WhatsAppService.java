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
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

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

    /** WhatsApp's customer-service window: free text only this long after the person last wrote. */
    static final Duration WINDOW = Duration.ofHours(24);

    private static final Set<String> OPT_OUT =
            Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "הסר", "הסרה");
    private static final Set<String> OPT_IN = Set.of("START", "UNSTOP", "התחל", "הצטרף");

    private final MessageRepository messages;
    private final ConversationRepository conversations;
    private final TemplateService templates;
    private final JsonMapper json;
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
            ConversationRepository conversations,
            TemplateService templates,
            JsonMapper json,
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
        this.conversations = conversations;
        this.templates = templates;
        this.json = json;
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
     * Free text to a customer (the composer, the Action Bar), from the tenant's own sender if it has
     * one, else from the shared one. Free text goes out only inside WhatsApp's 24-hour window;
     * outside it a send with text is refused here (409 {@code whatsapp_window_closed}), and one
     * without text (the due alert's button, "open a conversation") sends the tenant's template for
     * {@code purpose} (default: opening) instead. Stored first as {@code pending}, then sent; only once Twilio accepts it (a
     * MessageSid) does it count as a conversation a reply can be routed to. Twilio's refusal is
     * recorded on the message as {@code failed}. Without credentials: stored as sandbox.
     */
    public WhatsAppMessage send(CurrentUser caller, UUID customerId, String text, String purpose, String origin) {
        UUID tenantId = caller.tenantId();
        var customer = customer(tenantId, customerId);
        String to = phone(customer);
        Conversation conversation = requireNotOptedOut(tenantId, to);
        boolean open = conversation != null && conversation.windowOpen();
        if (text == null || text.isBlank()) {
            if (!open) {
                return sendTemplate(
                        caller,
                        customerId,
                        purpose == null || purpose.isBlank() ? "opening" : purpose,
                        Map.of(),
                        origin);
            }
            return dispatch(caller, customer, to, opening(customer.name()), null, null, origin);
        }
        if (!open) {
            throw windowClosed(conversation);
        }
        return dispatch(caller, customer, to, text.strip(), null, null, origin);
    }

    /**
     * The tenant's approved template for {@code purpose}, filled from the customer and {@code
     * values} (link, documentNumber, amount), sent with Twilio's {@code ContentSid} and {@code
     * ContentVariables}. Allowed inside and outside the window; refused for an opted-out person.
     */
    public WhatsAppMessage sendTemplate(
            CurrentUser caller, UUID customerId, String purpose, Map<String, String> values, String origin) {
        UUID tenantId = caller.tenantId();
        var customer = customer(tenantId, customerId);
        String to = phone(customer);
        requireNotOptedOut(tenantId, to);
        TemplateService.Filled filled = templates.fill(tenantId, purpose, customer.name(), values);
        return dispatch(
                caller,
                customer,
                to,
                filled.text(),
                filled.contentSid(),
                json.writeValueAsString(filled.variables()),
                origin);
    }

    /** The purpose's template as it would be sent to this customer: the Hebrew preview. */
    TemplateService.Filled preview(UUID tenantId, UUID customerId, String purpose, Map<String, String> values) {
        var customer = customer(tenantId, customerId);
        return templates.fill(tenantId, purpose, customer.name(), values);
    }

    /** The composer's state: window, opt-out, assignment and unread count (none yet: closed). */
    @Transactional(readOnly = true)
    Optional<Conversation> conversation(UUID tenantId, UUID customerId) {
        var customer = customer(tenantId, customerId);
        return conversations.find(tenantId, phone(customer), clock.instant(), WINDOW);
    }

    private CustomerDirectory.KnownCustomer customer(UUID tenantId, UUID customerId) {
        return customers
                .find(tenantId, customerId)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "customer_not_found", "הלקוח לא נמצא"));
    }

    private static String phone(CustomerDirectory.KnownCustomer customer) {
        return PhoneNumbers.normalise(customer.phone())
                .orElseThrow(() -> ApiException.badRequest("customer_has_no_phone", "ללקוח אין מספר טלפון תקין"));
    }

    private Conversation requireNotOptedOut(UUID tenantId, String to) {
        Conversation conversation =
                conversations.find(tenantId, to, clock.instant(), WINDOW).orElse(null);
        if (conversation != null && conversation.optedOut()) {
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "whatsapp_opted_out",
                    "הלקוח ביקש לא לקבל הודעות WhatsApp (כתב STOP או הסר). אפשר לשלוח שוב רק אחרי שיכתוב START.",
                    Map.of("optedOutAt", String.valueOf(conversation.optedOutAt())));
        }
        return conversation;
    }

    private static ApiException windowClosed(Conversation conversation) {
        OffsetDateTime lastInbound = conversation == null ? null : conversation.lastInboundAt();
        String message = lastInbound == null
                ? "הלקוח עוד לא כתב לעסק ב־WhatsApp, ולכן אפשר לפתוח את השיחה רק בתבנית מאושרת."
                : "עברו יותר מ־24 שעות מאז שהלקוח כתב לאחרונה, ולכן WhatsApp מקבל רק תבנית מאושרת. בחרו תבנית.";
        return new ApiException(
                HttpStatus.CONFLICT,
                "whatsapp_window_closed",
                message,
                lastInbound == null
                        ? Map.of("windowOpen", false)
                        : Map.of(
                                "windowOpen", false,
                                "lastInboundAt", lastInbound.toString(),
                                "windowClosedAt", conversation.windowClosesAt().toString()));
    }

    private WhatsAppMessage dispatch(
            CurrentUser caller,
            CustomerDirectory.KnownCustomer customer,
            String to,
            String body,
            String contentSid,
            String contentVariables,
            String origin) {
        UUID tenantId = caller.tenantId();
        UUID customerId = customer.id();
        Optional<String> sender =
                senders.primary(tenantId).map(WhatsAppSender::device).or(properties::sharedWhatsAppSender);
        boolean sandbox = !twilio.configured() || sender.isEmpty();
        String device = sandbox ? SANDBOX_DEVICE : sender.get();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
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
                    null,
                    contentSid);
            messages.insert(m, contentVariables);
            conversations.outbound(tenantId, to, customerId, id, now);
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
            String statusUrl = origin + "/webhook/whatsapp_status";
            var sent = contentSid == null
                    ? twilio.whatsApp(to, device, body, statusUrl)
                    : twilio.whatsAppTemplate(to, device, contentSid, contentVariables, statusUrl);
            return transactions.execute(status -> {
                messages.accepted(id, sent.sid(), sent.status(), clock.instant());
                messages.addStatus(id, sent.status());
                var saved = messages.find(id).orElseThrow();
                events.append(WhatsAppEvent.SENT, saved);
                return saved;
            });
        } catch (ProviderException e) {
            var failed = transactions.execute(status -> {
                messages.notAccepted(id, e.reason());
                messages.addStatus(id, "failed");
                var saved = messages.find(id).orElseThrow();
                events.append(WhatsAppEvent.STATUS_CHANGED, saved);
                return saved;
            });
            log.warn("WhatsApp message {} not sent: {}", id, e.getMessage());
            String reason = TwilioErrors.code(e.reason()) != null
                    ? failed.errorMessage()
                    : "לא הצלחנו לשלוח את הודעת ה־WhatsApp. נסו שוב בעוד רגע.";
            throw new ApiException(
                    HttpStatus.BAD_GATEWAY,
                    "whatsapp_failed",
                    reason,
                    Map.of("messageId", id.toString(), "reason", e.reason()));
        }
    }

    /**
     * An inbound message (once per MessageSid), for the tenant the sender it was sent to names
     * ({@link InboundRouter}); otherwise nobody's: kept for the operator, or refused. A person who
     * is no customer of that tenant becomes a lead (source {@code whatsapp}, named by their WhatsApp
     * profile). The message opens the 24-hour window; STOP / הסר opts out, START opts in again.
     *
     * @param to the sender it was sent to (Twilio's {@code To})
     * @param messagingServiceSid Twilio's {@code MessagingServiceSid}, when {@code to} is in one
     * @param profileName Twilio's {@code ProfileName}: the writer's WhatsApp name, when sent
     */
    public void received(
            String messageSid,
            String from,
            String to,
            String messagingServiceSid,
            String body,
            int mediaCount,
            String profileName) {
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
        if (messages.findBySid(messageSid).isPresent()) {
            return; // Twilio's retry: stored already
        }
        // Outside the transaction: crm may take a moment, and a lead filed twice is found by phone.
        UUID customerId = customers.whatsAppWriter(tenant, peer.get(), profileName);
        String optOut = optOutCommand(text);
        transactions.executeWithoutResult(status -> {
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
                    null,
                    null));
            if (!inserted) {
                return;
            }
            messages.addStatus(id, "received");
            conversations.inbound(tenant, peer.get(), customerId, id, arrival);
            boolean changed =
                    optOut != null && conversations.setOptedOut(tenant, peer.get(), optOut.equals(OPTED_OUT), arrival);
            events.append(WhatsAppEvent.RECEIVED, messages.find(id).orElseThrow(), changed ? optOut : null);
            if (changed) {
                log.info("WhatsApp {} for tenant {}: {}", peer.get(), tenant, optOut);
            }
        });
    }

    static final String OPTED_OUT = "opted_out";
    static final String OPTED_IN = "opted_in";

    /** {@code opted_out} for STOP / הסר alone, {@code opted_in} for START; else {@code null}. */
    static String optOutCommand(String text) {
        String word = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replaceAll("[.!\\s]+$", "");
        if (OPT_OUT.contains(word)) {
            return OPTED_OUT;
        }
        return OPT_IN.contains(word) ? OPTED_IN : null;
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

    /** The inbox: the tenant's conversations, newest first; {@code filter} all / mine / unassigned / unread. */
    @Transactional(readOnly = true)
    Page<Conversation> inbox(CurrentUser caller, String filter, PageRequest page) {
        String f = filter == null || filter.isBlank() ? "all" : filter;
        if (!List.of("all", "mine", "unassigned", "unread").contains(f)) {
            throw ApiException.badRequest("unknown_filter", "מסנן לא מוכר. אפשר: all, mine, unassigned, unread");
        }
        long total = conversations.count(caller.tenantId(), f, caller.userId());
        return new Page<>(
                conversations.list(
                        caller.tenantId(),
                        f,
                        caller.userId(),
                        page.limit(),
                        (int) page.offset(),
                        clock.instant(),
                        WINDOW),
                page.page(),
                page.limit(),
                total,
                page.pages(total));
    }

    /** Opening a conversation marks it read. */
    @Transactional
    Conversation markRead(UUID tenantId, String rawPeer) {
        String peer = peer(rawPeer);
        if (!conversations.markRead(tenantId, peer)) {
            throw conversationNotFound();
        }
        return conversations.find(tenantId, peer, clock.instant(), WINDOW).orElseThrow();
    }

    /** Take ({@code agent} = the caller) or hand over (another user); {@code null} unassigns. */
    @Transactional
    Conversation assign(UUID tenantId, String rawPeer, UUID agent) {
        String peer = peer(rawPeer);
        if (!conversations.assign(tenantId, peer, agent)) {
            throw conversationNotFound();
        }
        return conversations.find(tenantId, peer, clock.instant(), WINDOW).orElseThrow();
    }

    /** E.164, also written without its {@code +} (as a URL path carries it best). */
    private static String peer(String raw) {
        String phone = raw == null ? "" : raw.strip();
        if (phone.matches("[1-9]\\d{7,14}")) {
            phone = "+" + phone;
        }
        return PhoneNumbers.normalise(phone)
                .orElseThrow(() -> ApiException.badRequest("invalid_phone", "מספר הטלפון אינו תקין"));
    }

    private static ApiException conversationNotFound() {
        return new ApiException(HttpStatus.NOT_FOUND, "conversation_not_found", "השיחה לא נמצאה");
    }

    @Transactional(readOnly = true)
    Page<WhatsAppMessage> list(UUID tenantId, PageRequest page) {
        long total = messages.count(tenantId);
        return new Page<>(messages.list(tenantId, page), page.page(), page.limit(), total, page.pages(total));
    }

    /** crm-service knows the sender now: link the messages that waited for it. */
    @EventListener
    void onCustomerPhoneKnown(CustomerPhoneKnown known) {
        conversations.link(known.tenantId(), known.phone(), known.customerId());
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
