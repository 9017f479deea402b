package dev.agentlocator.telephony.relay;

import dev.agentlocator.telephony.calls.CallService;
import dev.agentlocator.telephony.numbers.TenantNumbers;
import dev.agentlocator.telephony.openai.OpenAiStream;
import dev.agentlocator.telephony.settings.ReceptionistSettings;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** What every {@link RelayConversation} shares: the collaborators, the timer, one commit per turn. */
@Service
class RelayService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RelayService.class);

    private final JsonMapper json;
    private final CallService calls;
    private final TenantNumbers numbers;
    private final ReceptionistSettings settings;
    private final OpenAiStream chat;
    private final RelayTools tools;
    private final RelayProperties properties;
    private final RelayTurnRepository turns;
    private final TransactionTemplate transactions;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "relay-timer");
        t.setDaemon(true);
        return t;
    });

    RelayService(
            JsonMapper json,
            CallService calls,
            TenantNumbers numbers,
            ReceptionistSettings settings,
            OpenAiStream chat,
            RelayTools tools,
            RelayProperties properties,
            RelayTurnRepository turns,
            TransactionTemplate transactions) {
        this.json = json;
        this.calls = calls;
        this.numbers = numbers;
        this.settings = settings;
        this.chat = chat;
        this.tools = tools;
        this.properties = properties;
        this.turns = turns;
        this.transactions = transactions;
    }

    /**
     * A conversation on a socket whose handshake {@code signedBy} signed (an account SID, null when
     * unknown), opened for a call to {@code dialled} (null when the socket URL named no number).
     */
    RelayConversation open(RelayConversation.Outbound out, String connectionId, String signedBy, String dialled) {
        return new RelayConversation(this, out, connectionId, signedBy, dialled);
    }

    /** The turn, the call's outcome and (when the turn told something new) the lead, in one commit. */
    void store(RelayTurnRepository.Finished turn) {
        try {
            transactions.executeWithoutResult(status -> {
                turns.insert(turn);
                calls.recordOutcome(turn.callId(), turn.outcome(), turn.error());
                calls.turnFinished(turn.callId(), turn.id());
            });
        } catch (RuntimeException e) {
            // the conversation goes on; the turn is lost from the record, not from the call
            log.error("Could not store relay turn {} of call {}", turn.key(), turn.callId(), e);
        }
    }

    void interruptedAfterwards(UUID turnId, String spoken, long spokenMs) {
        try {
            turns.interruptedAfterwards(turnId, spoken, spokenMs);
        } catch (RuntimeException e) {
            log.error("Could not mark relay turn {} interrupted", turnId, e);
        }
    }

    JsonMapper json() {
        return json;
    }

    CallService calls() {
        return calls;
    }

    TenantNumbers numbers() {
        return numbers;
    }

    ReceptionistSettings settings() {
        return settings;
    }

    OpenAiStream chat() {
        return chat;
    }

    RelayTools tools() {
        return tools;
    }

    RelayProperties properties() {
        return properties;
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
