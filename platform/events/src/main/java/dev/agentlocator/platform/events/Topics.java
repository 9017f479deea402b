package dev.agentlocator.platform.events;

import java.util.List;

/** Kafka topic names. Topics are per aggregate and versioned; a breaking change gets a new topic. */
public final class Topics {

    public static final String CRM_CUSTOMER = "crm.customer.v1";
    /** Compacted: tenant features and settings, keyed by tenant. */
    public static final String CRM_TENANT = "crm.tenant.v1";
    /**
     * Compacted: the people of each tenant (name, role, active), keyed by user id, so that a
     * service can keep a local list of who may be assigned work.
     */
    public static final String CRM_USER = "crm.user.v1";

    public static final String TELEPHONY_CALL = "telephony.call.v1";
    public static final String TELEPHONY_WHATSAPP = "telephony.whatsapp.v1";
    public static final String TASKS_TASK = "tasks.task.v1";
    public static final String BILLING_CONTRACT = "billing.contract.v1";
    public static final String BILLING_INVOICE = "billing.invoice.v1";

    /** Suffix of every dead-letter topic. */
    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    /** Every domain topic, in the order the timeline documents them. */
    public static final List<String> DOMAIN_TOPICS =
            List.of(CRM_CUSTOMER, TELEPHONY_CALL, TELEPHONY_WHATSAPP, TASKS_TASK, BILLING_CONTRACT, BILLING_INVOICE);

    /**
     * Where a consumer group parks the records of {@code topic} it could not handle: one topic per
     * group, because several services read the same topic and each must see, and replay, only its
     * own failures (ADR 0014). Characters a topic name cannot hold become {@code _}.
     */
    public static String deadLetterOf(String topic, String consumerGroup) {
        return topic + "." + consumerGroup.replaceAll("[^A-Za-z0-9._-]", "_") + DEAD_LETTER_SUFFIX;
    }

    private Topics() {}
}
