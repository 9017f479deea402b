package dev.agentlocator.telephony.calls;

import dev.agentlocator.platform.events.CallEvent;
import dev.agentlocator.platform.kit.errors.ApiException;
import dev.agentlocator.platform.kit.paging.Page;
import dev.agentlocator.platform.kit.paging.PageRequest;
import dev.agentlocator.platform.kit.paging.SortOrder;
import dev.agentlocator.telephony.calls.CallRepository.NewCall;
import dev.agentlocator.telephony.customers.CustomerPhoneKnown;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Call logs: every change commits with its {@code telephony.call.v1} event. */
@Service
public class CallService {

    /** Twilio's final call statuses; the first one reported ends the call. */
    static final Set<String> FINAL = Set.of("completed", "busy", "no-answer", "failed", "canceled");

    private static final Logger log = LoggerFactory.getLogger(CallService.class);

    private final CallRepository calls;
    private final CallEvents events;

    CallService(CallRepository calls, CallEvents events) {
        this.calls = calls;
        this.events = events;
    }

    /**
     * Stores an inbound call the receptionist is answering (once per CallSid: a Twilio retry
     * finds the stored call) and announces it.
     */
    @Transactional
    public CallLog receiveInbound(
            UUID tenantId, String callSid, String from, String to, String status, UUID customerId) {
        String initial = status == null || status.isBlank() ? "ringing" : status;
        boolean inserted = calls.insert(new NewCall(
                UUID.randomUUID(),
                tenantId,
                customerId,
                callSid,
                from,
                to,
                CallLog.INBOUND,
                initial,
                null,
                false,
                null,
                null,
                null,
                null));
        CallLog call = calls.findBySid(callSid).orElseThrow();
        if (inserted) {
            calls.addStatus(call.id(), initial);
            events.append(CallEvent.RECEIVED, call, null, null);
            log.info(
                    "Incoming call {} from {} to {} (tenant {}, customer {})", callSid, from, to, tenantId, customerId);
        }
        return call;
    }

    /** The call Twilio means by this CallSid (webhooks are not tenant-scoped). */
    public Optional<CallLog> findBySid(String callSid) {
        return calls.findBySid(callSid);
    }

    /** The call with our id (webhooks are not tenant-scoped). */
    public Optional<CallLog> find(UUID callId) {
        return calls.findById(callId);
    }

    /** The receptionist's latest outcome for the call (answered, too_short, stt_failed, …). */
    public void recordOutcome(UUID callId, String outcome, String error) {
        calls.recordOutcome(callId, outcome, error);
    }

    /**
     * After the receptionist's turn {@code turnId} is stored (in the same transaction): when the
     * turn added to or changed what the call told about the caller, the lead goes out.
     */
    public void turnFinished(UUID callId, UUID turnId) {
        CallLog call = calls.findById(callId).orElseThrow();
        var turns = calls.turns(callId, "");
        CallLead after = CallLead.of(turns);
        CallLead before =
                CallLead.of(turns.stream().filter(t -> !t.id().equals(turnId)).toList());
        if (!after.isEmpty() && !after.equals(before)) {
            events.appendLead(call, after, turns.size(), false, after.callbackPromised());
        }
    }

    /**
     * The call's last word on the lead. Every goodbye after an answered turn says an agent will
     * call back (ReceptionistSettings.GOODBYE), so such a call has a promise even when the model
     * did not flag one.
     */
    private void announceLead(CallLog call, List<CallDetail.Turn> turns) {
        CallLead lead = CallLead.of(turns);
        boolean answered =
                turns.stream().anyMatch(t -> t.reply() != null && !t.reply().isBlank());
        events.appendLead(call, lead, turns.size(), true, lead.callbackPromised() || answered);
    }

    /** {@code /webhook/call_status}: records the transition once; the first final status ends the call. */
    @Transactional
    public void statusChanged(String callSid, String status, Integer durationSeconds) {
        if (callSid == null || status == null || status.isBlank()) {
            return;
        }
        var found = calls.findBySidForUpdate(callSid);
        if (found.isEmpty()) {
            log.warn("Status {} for unknown call {}; ignored", status, callSid);
            return;
        }
        CallLog call = found.get();
        if (!calls.addStatus(call.id(), status) || call.isCompleted()) {
            return; // a retried callback, or news after the end
        }
        if (FINAL.contains(status)) {
            String answeredBy =
                    "completed".equals(status) ? (CallLog.INBOUND.equals(call.direction()) ? "ai" : "agent") : null;
            calls.complete(call.id(), status, durationSeconds, answeredBy);
            CallLog done = calls.findById(call.id()).orElseThrow();
            var turns = calls.turns(call.id(), "");
            events.append(CallEvent.COMPLETED, done, transcript(turns), details(turns));
            if (CallLog.INBOUND.equals(done.direction()) && !done.sandbox()) {
                announceLead(done, turns);
            }
        } else {
            calls.updateStatus(call.id(), status);
            events.append(CallEvent.STATUS_CHANGED, calls.findById(call.id()).orElseThrow(), null, null);
        }
    }

    /** Stores a click-to-call before Twilio is asked, so the attempt is on record whatever happens. */
    @Transactional
    public CallLog startOutbound(
            UUID tenantId,
            UUID customerId,
            UUID startedBy,
            String from,
            String to,
            String agentPhone,
            boolean sandbox) {
        UUID id = UUID.randomUUID();
        String status = sandbox ? "sandbox" : "queued";
        calls.insert(new NewCall(
                id,
                tenantId,
                customerId,
                null,
                from,
                to,
                CallLog.OUTBOUND,
                status,
                null,
                sandbox,
                agentPhone,
                startedBy,
                null,
                null));
        calls.addStatus(id, status);
        if (sandbox) {
            // Never placed: no call.completed, so statistics never count it.
            calls.fail(id, status, null);
        }
        CallLog call = calls.findById(id).orElseThrow();
        events.append(CallEvent.RECEIVED, call, null, null);
        return call;
    }

    @Transactional
    public CallLog placed(UUID callId, String callSid, String status) {
        calls.setSid(callId, callSid, status);
        calls.addStatus(callId, status);
        return calls.findById(callId).orElseThrow();
    }

    /** Twilio refused or was unreachable: the call ends here, failed, with the reason. */
    @Transactional
    public CallLog placingFailed(UUID callId, String error) {
        calls.addStatus(callId, "failed");
        calls.fail(callId, "failed", error);
        CallLog call = calls.findById(callId).orElseThrow();
        events.append(CallEvent.COMPLETED, call, null, null);
        return call;
    }

    @Transactional(readOnly = true)
    Page<CallLog> list(UUID tenantId, CallFilter filter, SortOrder sort, PageRequest page) {
        long total = calls.count(tenantId, filter);
        return new Page<>(
                calls.list(tenantId, filter, sort, page), page.page(), page.limit(), total, page.pages(total));
    }

    @Transactional(readOnly = true)
    CallDetail detail(UUID tenantId, String idOrSid, String audioBaseUrl) {
        CallLog call = parseUuid(idOrSid)
                .flatMap(id -> calls.find(tenantId, id))
                .or(() -> calls.findBySid(tenantId, idOrSid))
                .orElseThrow(ApiException::notFound);
        var turns = calls.turns(call.id(), audioBaseUrl);
        return new CallDetail(call, calls.statusHistory(call.id()), turns, transcript(turns), details(turns));
    }

    /** A call stored with the phone only now has its customer: link it and tell the timeline. */
    @Transactional
    public boolean link(UUID callId, UUID customerId) {
        if (!calls.link(callId, customerId)) {
            return false;
        }
        retell(calls.findById(callId).orElseThrow());
        return true;
    }

    @Transactional
    public void countLinkAttempt(UUID callId) {
        calls.countLinkAttempt(callId);
    }

    /** crm-service announced a customer with this phone: link the tenant's calls that waited for it. */
    @EventListener
    void onCustomerPhoneKnown(CustomerPhoneKnown known) {
        for (CallLog call : calls.unlinkedFrom(known.tenantId(), known.phone())) {
            if (calls.link(call.id(), known.customerId())) {
                retell(calls.findById(call.id()).orElseThrow());
            }
        }
    }

    /**
     * The call's earlier events had no customer, so no timeline showed them. Re-tell the start at
     * the time it happened and, when the call is over, its final state as a status change:
     * never a second {@code call.completed}, which statistics count.
     */
    private void retell(CallLog call) {
        log.info("Call {} linked to customer {} after the fact", call.callSid(), call.customerId());
        var turns = calls.turns(call.id(), "");
        events.append(CallEvent.RECEIVED, call, null, null, call.createdAt(), true);
        if (call.isCompleted() && !call.sandbox()) {
            events.append(CallEvent.STATUS_CHANGED, call, transcript(turns), details(turns), call.completedAt(), true);
        }
    }

    static String transcript(List<CallDetail.Turn> turns) {
        return turns.stream()
                .map(CallDetail.Turn::transcript)
                .filter(t -> t != null && !t.isBlank())
                .collect(Collectors.joining("\n"));
    }

    static Map<String, Object> details(List<CallDetail.Turn> turns) {
        Map<String, Object> merged = new LinkedHashMap<>();
        turns.forEach(t -> merged.putAll(t.details()));
        return merged;
    }

    private static Optional<UUID> parseUuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
