package dev.agentlocator.crm.users;

import dev.agentlocator.crm.tenants.TenantFeatureService;
import dev.agentlocator.crm.tenants.TenantRepository;
import dev.agentlocator.platform.events.UserEvent;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first platform admin, from configuration ({@code PLATFORM_ADMIN_EMAIL}, {@code
 * PLATFORM_ADMIN_PASSWORD}): created at start-up when missing, brought back to the configured
 * password and made active when present; never from SQL (ADR 0026). Each start does the same, so
 * several instances starting together end in the same state: the tenant is inserted with a fixed
 * id and the user with one upsert on the unique email index.
 *
 * <p>{@code PLATFORM_ADMIN_PASSWORD} is either the password itself or a hash of it as crm stores
 * them ({@code {argon2}…}, {@code {bcrypt}…}), so a deployment need not hold the password in
 * clear. An email that belongs to a business's user is refused: start-up fails rather than
 * promote that user. Both are required with {@code APP_ENV=production}, where a password given in
 * clear must be at least {@value #PRODUCTION_MIN_LENGTH} characters.
 */
@Component
class PlatformAdmin implements ApplicationRunner {

    /** The platform admin's own tenant: no business data lives there. */
    static final UUID TENANT = UUID.fromString("00000000-0000-0000-0000-00000000ad01");

    static final String TENANT_NAME = "צוות התפעול של AgentLocator";
    static final String NAME = "מנהל/ת המערכת";
    static final int PRODUCTION_MIN_LENGTH = 16;

    private static final Logger log = LoggerFactory.getLogger(PlatformAdmin.class);

    private final Environment environment;
    private final TenantRepository tenants;
    private final TenantFeatureService features;
    private final UserRepository users;
    private final UserEvents events;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transactions;

    PlatformAdmin(
            Environment environment,
            TenantRepository tenants,
            TenantFeatureService features,
            UserRepository users,
            UserEvents events,
            PasswordEncoder passwords,
            TransactionTemplate transactions) {
        this.environment = environment;
        this.tenants = tenants;
        this.features = features;
        this.users = users;
        this.events = events;
        this.passwords = passwords;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        String email = environment.getProperty("agentlocator.platform-admin.email", "");
        String password = environment.getProperty("agentlocator.platform-admin.password", "");
        if (email.isBlank() && password.isBlank()) {
            log.info("No platform admin configured (PLATFORM_ADMIN_EMAIL, PLATFORM_ADMIN_PASSWORD)");
            return;
        }
        ensure(email, password);
    }

    /** Creates or updates the platform admin; @throws IllegalStateException when the settings are unusable */
    UUID ensure(String rawEmail, String password) {
        String email = rawEmail.strip().toLowerCase(Locale.ROOT);
        if (email.length() < 3 || email.length() > 254 || !email.contains("@")) {
            throw new IllegalStateException("PLATFORM_ADMIN_EMAIL must be an email address");
        }
        if (password.isBlank()) {
            throw new IllegalStateException("PLATFORM_ADMIN_EMAIL is set but PLATFORM_ADMIN_PASSWORD is not");
        }
        boolean production = "production".equalsIgnoreCase(environment.getProperty("APP_ENV", ""));
        String hash = hashOf(email, password, production);
        UUID id = transactions.execute(tx -> {
            if (tenants.insertIfMissing(TENANT, TENANT_NAME)) {
                features.publishInitial(TENANT);
            }
            var before = users.findByEmail(email);
            var upserted = users.upsertPlatformAdmin(UUID.randomUUID(), TENANT, NAME, email, hash)
                    .orElseThrow(() -> new IllegalStateException("PLATFORM_ADMIN_EMAIL " + email
                            + " belongs to a user of a business, who is not made a platform admin;"
                            + " choose another address"));
            User admin = users.findById(upserted.id()).orElseThrow();
            if (upserted.inserted()) {
                events.append(UserEvent.CREATED, admin);
            } else if (before.isPresent() && !before.get().active()) {
                events.append(UserEvent.UPDATED, admin);
            }
            return admin.id();
        });
        log.info("Platform admin {} is ready", email);
        return id;
    }

    /** The stored hash: the configured one, the current one when it still matches, else a new one. */
    private String hashOf(String email, String password, boolean production) {
        if (password.startsWith("{argon2}") || password.startsWith("{bcrypt}")) {
            return password;
        }
        if (password.length() < Passwords.MIN_LENGTH || password.length() > Passwords.MAX_LENGTH) {
            throw new IllegalStateException("PLATFORM_ADMIN_PASSWORD must have " + Passwords.MIN_LENGTH + " to "
                    + Passwords.MAX_LENGTH + " characters");
        }
        if (production && password.length() < PRODUCTION_MIN_LENGTH) {
            throw new IllegalStateException("PLATFORM_ADMIN_PASSWORD must have at least " + PRODUCTION_MIN_LENGTH
                    + " characters with APP_ENV=production (or give its hash)");
        }
        return users.findByEmail(email)
                .map(User::passwordHash)
                .filter(current -> passwords.matches(password, current) && !passwords.upgradeEncoding(current))
                .orElseGet(() -> passwords.encode(password));
    }
}
