package dev.agentlocator.telephony.providers;

import java.util.List;
import java.util.Map;

/** Writes the receptionist's answer and pulls lead details out of what the caller said. */
public interface ReplyGenerator {

    Reply reply(Conversation conversation, Deadline deadline);

    /**
     * @param prompt the business's instructions (per tenant)
     * @param greeting what the caller heard first
     * @param turns earlier caller / receptionist exchanges of this call, oldest first
     * @param transcript what the caller just said
     */
    record Conversation(String prompt, String greeting, List<Turn> turns, String transcript) {}

    record Turn(String caller, String receptionist) {}

    /**
     * @param details the lead as the whole call told it so far, checked against the schema: {@code
     *     name}, {@code intent} (buy/rent/sell/other), {@code area}, {@code rooms}, {@code budget}
     *     (shekels), {@code timing}, {@code summary}, {@code callbackPromised}; no nulls
     */
    record Reply(String text, Map<String, Object> details) {}
}
