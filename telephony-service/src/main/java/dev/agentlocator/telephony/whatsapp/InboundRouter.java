package dev.agentlocator.telephony.whatsapp;

import dev.agentlocator.telephony.common.Phones;
import dev.agentlocator.telephony.twilio.TwilioProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Which tenant an inbound WhatsApp message belongs to (ADR 0019), decided by the sender it was sent
 * to and never guessed:
 *
 * <ul>
 *   <li>a tenant's own sender (its number, or its Messaging Service): that tenant;
 *   <li>the shared sender: the one tenant with a real conversation with the person, meaning an
 *       outbound message to them that Twilio accepted and that has not failed, at most 24 hours
 *       before this one arrived. None, or more than one: nobody (unrouted, for the operator);
 *   <li>any other address: refused.
 * </ul>
 */
@Component
class InboundRouter {

    static final Duration CONVERSATION_WINDOW = Duration.ofHours(24);
    static final String NO_CONVERSATION = "no_conversation";
    static final String AMBIGUOUS = "ambiguous";

    /** The decision: a tenant, nobody for a reason (with the tenants that were in doubt), or refused. */
    record Route(UUID tenantId, String unroutedReason, List<UUID> candidates) {

        static Route to(UUID tenantId) {
            return new Route(tenantId, null, List.of());
        }

        static Route unrouted(String reason, List<UUID> candidates) {
            return new Route(null, reason, List.copyOf(candidates));
        }

        static Route refused() {
            return new Route(null, null, List.of());
        }

        boolean delivered() {
            return tenantId != null;
        }

        boolean refusedOutright() {
            return tenantId == null && unroutedReason == null;
        }
    }

    private final SenderRepository senders;
    private final MessageRepository messages;
    private final TwilioProperties twilio;

    InboundRouter(SenderRepository senders, MessageRepository messages, TwilioProperties twilio) {
        this.senders = senders;
        this.messages = messages;
        this.twilio = twilio;
    }

    /**
     * @param to the number the message was sent to (E.164)
     * @param messagingServiceSid Twilio's {@code MessagingServiceSid}, when the number is in one
     * @param peer who wrote (E.164)
     */
    Route route(String to, String messagingServiceSid, String peer, Instant arrival) {
        Set<UUID> owners = new LinkedHashSet<>();
        senders.tenantOf(Phones.whatsApp(to)).ifPresent(owners::add);
        WhatsAppSender.messagingService(messagingServiceSid)
                .flatMap(senders::tenantOf)
                .ifPresent(owners::add);
        if (owners.size() == 1) {
            return Route.to(owners.iterator().next());
        }
        if (owners.size() > 1) {
            // The number is one tenant's and its Messaging Service another's: not ours to choose.
            return Route.unrouted(AMBIGUOUS, List.copyOf(owners));
        }
        if (twilio.sharedWhatsAppSender().filter(to::equals).isEmpty()) {
            return Route.refused();
        }
        List<UUID> inConversation =
                messages.tenantsInConversation(to, peer, arrival.minus(CONVERSATION_WINDOW), arrival);
        if (inConversation.size() == 1) {
            return Route.to(inConversation.get(0));
        }
        return Route.unrouted(inConversation.isEmpty() ? NO_CONVERSATION : AMBIGUOUS, inConversation);
    }
}
