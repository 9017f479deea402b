package dev.agentlocator.billing.common;

/** The suite's roles as method-security rules, the same strings crm-service puts in tokens. */
public final class Roles {

    public static final String CAN_READ = "hasAnyRole('owner','agent','viewer','admin')";
    public static final String CAN_WRITE = "hasAnyRole('owner','agent','admin')";
    public static final String OWNER_ONLY = "hasRole('owner')";

    private Roles() {}
}
