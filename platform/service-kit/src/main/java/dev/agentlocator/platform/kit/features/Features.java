package dev.agentlocator.platform.kit.features;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The per-tenant feature flags of the suite and the event that carries their state. */
public final class Features {

    public static final String CRM = "crm";
    public static final String CALLS = "calls";
    public static final String WHATSAPP = "whatsapp";
    public static final String TASKS = "tasks";
    public static final String CONTRACTS = "contracts";
    public static final String INVOICES = "invoices";
    public static final String SIGNATURES = "signatures";
    public static final String STATS = "stats";

    public static final List<String> ALL = List.of(CRM, CALLS, WHATSAPP, TASKS, CONTRACTS, INVOICES, SIGNATURES, STATS);

    /**
     * Event on {@code crm.tenant.v1}, keyed by tenant: the complete flag set of one tenant (payload
     * {@code {"features":{"crm":true,…}}}), so the compacted topic's latest record is the whole truth.
     */
    public static final String CHANGED_EVENT = "tenant.features.changed";

    public static final String PAYLOAD_FIELD = "features";

    /** A new tenant has everything on. */
    public static Map<String, Boolean> allEnabled() {
        Map<String, Boolean> all = new LinkedHashMap<>();
        ALL.forEach(feature -> all.put(feature, true));
        return all;
    }

    public static boolean isKnown(String feature) {
        return ALL.contains(feature);
    }

    private Features() {}
}
