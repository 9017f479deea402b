package dev.agentlocator.crm.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class UserRepository {

    private static final String COLUMNS =
            "id, tenant_id, name, email, password_hash, role, active, created_at, email_verified_at";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(User user) {
        jdbc.sql("""
                        insert into app_user (id, tenant_id, name, email, password_hash, role, active)
                        values (:id, :tenant, :name, :email, :hash, :role, :active)
                        """)
                .param("id", user.id())
                .param("tenant", user.tenantId())
                .param("name", user.name())
                .param("email", user.email())
                .param("hash", user.passwordHash())
                .param("role", user.role())
                .param("active", user.active())
                .update();
    }

    /** What {@link #upsertPlatformAdmin} found and did. */
    public record AdminUpsert(UUID id, boolean inserted) {}

    /**
     * Inserts the platform admin, or brings the admin of that email back to {@code hash}, active;
     * one statement, so instances starting together agree. Empty when the email belongs to a user
     * who is not a platform admin: such a user is never promoted.
     */
    public Optional<AdminUpsert> upsertPlatformAdmin(UUID id, UUID tenantId, String name, String email, String hash) {
        return jdbc.sql("""
                        insert into app_user (id, tenant_id, name, email, password_hash, role, active)
                        values (:id, :tenant, :name, :email, :hash, 'admin', true)
                        on conflict ((lower(email))) do update
                            set password_hash = excluded.password_hash, active = true
                            where app_user.role = 'admin'
                        returning id, (xmax = 0) as inserted
                        """)
                .param("id", id)
                .param("tenant", tenantId)
                .param("name", name)
                .param("email", email)
                .param("hash", hash)
                .query((rs, n) -> new AdminUpsert(rs.getObject("id", UUID.class), rs.getBoolean("inserted")))
                .optional();
    }

    public boolean emailTaken(String email) {
        return jdbc.sql("select exists (select 1 from app_user where lower(email) = lower(?))")
                .param(email)
                .query(Boolean.class)
                .single();
    }

    public Optional<User> findByEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from app_user where lower(email) = lower(?)")
                .param(email)
                .query(UserRepository::map)
                .optional();
    }

    public Optional<User> findById(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from app_user where id = ?")
                .param(id)
                .query(UserRepository::map)
                .optional();
    }

    public Optional<User> findInTenant(UUID tenantId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from app_user where tenant_id = ? and id = ?")
                .param(tenantId)
                .param(id)
                .query(UserRepository::map)
                .optional();
    }

    public List<User> listTenant(UUID tenantId) {
        return jdbc.sql("select " + COLUMNS + " from app_user where tenant_id = ? order by created_at, id")
                .param(tenantId)
                .query(UserRepository::map)
                .list();
    }

    public boolean activeInTenant(UUID tenantId, UUID id) {
        return jdbc.sql("select exists (select 1 from app_user where tenant_id = ? and id = ? and active)")
                .param(tenantId)
                .param(id)
                .query(Boolean.class)
                .single();
    }

    public void updatePasswordHash(UUID id, String passwordHash) {
        jdbc.sql("update app_user set password_hash = ? where id = ?")
                .param(passwordHash)
                .param(id)
                .update();
    }

    /** A self-service signup: the address is unproven until the mailed link is followed. */
    public void markUnverified(UUID id) {
        jdbc.sql("update app_user set email_verified_at = null where id = ?")
                .param(id)
                .update();
    }

    public void markVerified(UUID id, OffsetDateTime at) {
        jdbc.sql("update app_user set email_verified_at = coalesce(email_verified_at, ?) where id = ?")
                .param(at)
                .param(id)
                .update();
    }

    public void updateEmail(UUID id, String email, OffsetDateTime verifiedAt) {
        jdbc.sql("update app_user set email = ?, email_verified_at = ? where id = ?")
                .param(email)
                .param(verifiedAt)
                .param(id)
                .update();
    }

    public void updateRole(UUID id, String role) {
        jdbc.sql("update app_user set role = ? where id = ?")
                .param(role)
                .param(id)
                .update();
    }

    public void reactivate(UUID id) {
        jdbc.sql("update app_user set active = true where id = ?").param(id).update();
    }

    /** Locks the tenant's active owners, so two requests cannot each remove one of the last two. */
    public int lockActiveOwners(UUID tenantId) {
        return jdbc.sql("select id from app_user where tenant_id = ? and role = 'owner' and active for update")
                .param(tenantId)
                .query(UUID.class)
                .list()
                .size();
    }

    /** "Sign out everywhere": tokens issued before {@code at} are refused. */
    public void invalidateSessionsBefore(UUID id, OffsetDateTime at) {
        jdbc.sql("update app_user set sessions_valid_after = ? where id = ?")
                .param(at)
                .param(id)
                .update();
    }

    public Optional<OffsetDateTime> sessionsValidAfter(UUID id) {
        return jdbc.sql("select sessions_valid_after from app_user where id = ?")
                .param(id)
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)))
                .optional()
                .flatMap(o -> o);
    }

    public void deactivate(UUID id) {
        jdbc.sql("update app_user set active = false where id = ?").param(id).update();
    }

    private static User map(ResultSet rs, int row) throws SQLException {
        return new User(
                rs.getObject("id", UUID.class),
                rs.getObject("tenant_id", UUID.class),
                rs.getString("name"),
                rs.getString("email"),
                rs.getString("password_hash"),
                rs.getString("role"),
                rs.getBoolean("active"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("email_verified_at") != null);
    }
}
