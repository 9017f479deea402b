package dev.agentlocator.tasks.tasks;

/** Who may read and who may change tasks; a viewer only reads. */
final class Roles {

    static final String CAN_READ = "hasAnyRole('owner','agent','viewer','admin')";
    static final String CAN_WRITE = "hasAnyRole('owner','agent','admin')";

    private Roles() {}
}
