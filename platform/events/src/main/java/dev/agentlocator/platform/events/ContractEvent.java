package dev.agentlocator.platform.events;

import java.util.List;
import java.util.Optional;

/**
 * billing-service's contract events on {@code billing.contract.v1}. {@link #VIEWED}, {@link
 * #SIGNED} and {@link #DECLINED} are the signer's own acts on the signing page; the others the
 * office's. {@link #UPDATED}: the office edited the document; an edit of a sent one withdraws its
 * signing link ({@code signingLinkWithdrawn}) and returns it to draft.
 */
public enum ContractEvent implements EventType<ContractEvent.Payload> {
    CREATED("contract.created", 1),
    SENT("contract.sent", 1),
    VIEWED("contract.viewed", 1),
    SIGNED("contract.signed", 1),
    DECLINED("contract.declined", 1),
    EXPIRED("contract.expired", 1),
    UPDATED("contract.updated", 1);

    private final String type;
    private final int version;

    ContractEvent(String type, int version) {
        this.type = type;
        this.version = version;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public int version() {
        return version;
    }

    @Override
    public String topic() {
        return Topics.BILLING_CONTRACT;
    }

    @Override
    public Class<Payload> payloadClass() {
        return Payload.class;
    }

    /** The type of {@code event} when it is one of these; empty otherwise. */
    public static Optional<ContractEvent> of(EventEnvelope event) {
        return EventTypes.find(List.of(values()), event);
    }

    /**
     * @param totalAgorot with VAT, in agorot of {@code currency} (ILS)
     * @param signingLinkWithdrawn on {@link #UPDATED}: true when the edit withdrew a link sent for
     *     signature
     * @param invoiceId the invoice the quote became, once it did
     */
    public record Payload(
            String contractId,
            String title,
            String status,
            Long totalAgorot,
            String currency,
            String customerName,
            Boolean signingLinkWithdrawn,
            String invoiceId) {}
}
