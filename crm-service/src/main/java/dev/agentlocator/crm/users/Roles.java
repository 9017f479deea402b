package dev.agentlocator.crm.users;

import java.util.Set;

/** The roles of the suite and the method-security rules built on them. */
public final class Roles {

    public static final String OWNER = "owner";
    public static final String AGENT = "agent";
    public static final String VIEWER = "viewer";
    public static final String ADMIN = "admin";
    /** Other services of the suite calling an internal endpoint (see ADR 0004). */
    public static final String SERVICE = "service";

    /** Roles an owner may give to the people of the business. */
    public static final Set<String> ASSIGNABLE = Set.of(AGENT, VIEWER);

    public static final String CAN_READ = "hasAnyRole('owner','agent','viewer','admin')";
    public static final String CAN_WRITE = "hasAnyRole('owner','agent','admin')";
    public static final String CAN_MANAGE = "hasAnyRole('owner','admin')";
    public static final String IS_SERVICE = "hasRole('service')";

    private Roles() {}
}
