package dev.agentlocator.crm.users;

import java.util.Set;

/** The roles a user or token can hold; the method-security rules are service-kit's {@code Roles}. */
public final class Roles {

    public static final String OWNER = "owner";
    public static final String AGENT = "agent";
    public static final String VIEWER = "viewer";
    public static final String ADMIN = "admin";
    /** Other services of the suite calling an internal endpoint (see ADR 0004). */
    public static final String SERVICE = "service";

    /** Roles an owner may give to the people of the business. */
    public static final Set<String> ASSIGNABLE = Set.of(AGENT, VIEWER);

    private Roles() {}
}
