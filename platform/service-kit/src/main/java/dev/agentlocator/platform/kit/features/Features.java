package dev.agentlocator.platform.kit.features;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-tenant feature flags of the suite; their state travels in {@link
 * dev.agentlocator.platform.events.TenantEvent#FEATURES_CHANGED}.
 */
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
