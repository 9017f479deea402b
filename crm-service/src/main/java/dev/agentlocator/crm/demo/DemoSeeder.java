package dev.agentlocator.crm.demo;

import dev.agentlocator.crm.auth.AuthService;
import dev.agentlocator.crm.customers.CustomerRequests;
import dev.agentlocator.crm.customers.CustomerService;
import dev.agentlocator.crm.tenants.TenantRepository;
import dev.agentlocator.crm.users.Roles;
import dev.agentlocator.crm.users.User;
import dev.agentlocator.crm.users.UserService;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Development only: the demo business of the local stack, created once when it does not exist.
 * On with {@code agentlocator.demo.seed=true}; refused whenever {@code APP_ENV=production}.
 */
@Component
@ConditionalOnProperty(name = "agentlocator.demo.seed", havingValue = "true")
class DemoSeeder implements ApplicationRunner {

    static final String TENANT = "נדל״ן לדוגמה";
    static final String OWNER_EMAIL = "demo@agentlocator.dev";
    static final String OWNER_PASSWORD = "demo1234!";

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    private static final List<String> FIRST = List.of(
            "יוסי", "מיכל", "אבי", "נועה", "דני", "שרה", "רונית", "משה", "תמר", "אורי", "יעל", "איתי", "הילה", "עומר",
            "ליאת", "גיל", "שירה", "אלון", "רחל", "עידו");
    private static final List<String> LAST =
            List.of("כהן", "לוי", "מזרחי", "פרץ", "ביטון", "אברהם", "פרידמן", "דהן", "אזולאי", "שפירא", "גולן", "ברק");
    private static final List<String> AREAS =
            List.of("תל אביב", "רמת גן", "גבעתיים", "חולון", "בת ים", "הרצליה", "ירושלים", "חיפה", "פתח תקווה");
    private static final List<String> STATUSES = List.of("new", "contacted", "qualified", "negotiation", "won", "lost");
    private static final List<String> SOURCES = List.of("call", "whatsapp", "manual", "import");
    private static final List<String> DEALS = List.of("buy", "rent", "sell", "rent_out");
    private static final List<String> NOTES = List.of(
            "מחפש דירה עם מרפסת, קומה גבוהה",
            "צריך חניה ומעלית",
            "גמיש בתאריך הכניסה",
            "מעדיף קרוב לבית ספר",
            "ביקש לחזור אליו אחרי החגים");

    private final Environment environment;
    private final TenantRepository tenants;
    private final AuthService auth;
    private final UserService users;
    private final CustomerService customers;
    private final TransactionTemplate transactions;

    DemoSeeder(
            Environment environment,
            TenantRepository tenants,
            AuthService auth,
            UserService users,
            CustomerService customers,
            TransactionTemplate transactions) {
        this.environment = environment;
        this.tenants = tenants;
        this.auth = auth;
        this.users = users;
        this.customers = customers;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        if ("production".equalsIgnoreCase(environment.getProperty("APP_ENV", ""))) {
            log.warn("agentlocator.demo.seed is on but APP_ENV=production; not seeding demo data");
            return;
        }
        if (tenants.findByName(TENANT).isPresent()) {
            return;
        }
        transactions.executeWithoutResult(status -> seed());
        log.info("Seeded the demo tenant; log in as {} / {}", OWNER_EMAIL, OWNER_PASSWORD);
    }

    private void seed() {
        User owner = auth.createTenant(TENANT, "דנה הדגמה", OWNER_EMAIL, OWNER_PASSWORD);
        UUID tenant = owner.tenantId();
        UUID agent1 = users.insert(tenant, "רון סוכן", "agent1@agentlocator.dev", OWNER_PASSWORD, Roles.AGENT)
                .id();
        UUID agent2 = users.insert(tenant, "שני סוכנת", "agent2@agentlocator.dev", OWNER_PASSWORD, Roles.AGENT)
                .id();
        List<UUID> owners = List.of(owner.id(), agent1, agent2);
        for (int i = 0; i < 40; i++) {
            String name = FIRST.get(i % FIRST.size()) + " " + LAST.get((i * 7) % LAST.size());
            String phone = "05" + (i % 10) + "-" + String.format("%07d", 1_234_000 + i * 37);
            customers.create(
                    tenant,
                    new CustomerRequests.CreateCustomerRequest(
                            name,
                            phone,
                            i % 3 == 0 ? "demo" + i + "@example.co.il" : null,
                            null,
                            STATUSES.get(i % STATUSES.size()),
                            SOURCES.get(i % SOURCES.size()),
                            i % 4 == 0 ? List.of("חם") : List.of(),
                            NOTES.get(i % NOTES.size()),
                            owners.get(i % owners.size()),
                            AREAS.get(i % AREAS.size()),
                            BigDecimal.valueOf(2 + i % 4).add(i % 2 == 0 ? BigDecimal.ZERO : new BigDecimal("0.5")),
                            (long) (1_500_000 + i * 50_000) * 100,
                            DEALS.get(i % DEALS.size())));
        }
    }
}
