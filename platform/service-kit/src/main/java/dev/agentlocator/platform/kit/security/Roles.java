package dev.agentlocator.platform.kit.security;

/**
 * The suite's roles as {@code @PreAuthorize} expressions, one set for every service. A service
 * token (role {@code service}, ADR 0004) is none of the people's roles, so it passes none of the
 * user-facing checks.
 */
public final class Roles {

    /** Anyone of the business, and the platform admin. */
    public static final String CAN_READ = "hasAnyRole('owner','agent','viewer','admin')";
    /** Everyone but a viewer. */
    public static final String CAN_WRITE = "hasAnyRole('owner','agent','admin')";
    /** The business's owner, and the platform admin. */
    public static final String CAN_MANAGE = "hasAnyRole('owner','admin')";

    public static final String OWNER_ONLY = "hasRole('owner')";
    public static final String IS_ADMIN = "hasRole('admin')";
    /** Other services of the suite calling an internal endpoint. */
    public static final String IS_SERVICE = "hasRole('service')";

    private Roles() {}
}
