package dev.agentlocator.telephony.common;

/** Who may read, act and configure; a viewer only reads, numbers are assigned by the platform. */
public final class Roles {

    public static final String CAN_READ = "hasAnyRole('owner','agent','viewer','admin')";
    public static final String CAN_WRITE = "hasAnyRole('owner','agent','admin')";
    public static final String CAN_MANAGE = "hasAnyRole('owner','admin')";
    public static final String IS_ADMIN = "hasRole('admin')";

    private Roles() {}
}
