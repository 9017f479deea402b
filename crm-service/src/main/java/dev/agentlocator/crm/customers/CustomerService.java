package dev.agentlocator.crm.customers;

import static dev.agentlocator.platform.kit.text.Text.blankToNull;

import dev.agentlocator.crm.customers.CustomerRequests.CreateCustomerRequest;
import dev.agentlocator.crm.customers.CustomerRequests.UpdateCustomerRequest;
import dev.agentlocator.crm.users.UserRepository;
import dev.agentlocator.platform.events.CustomerEvent;
import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.kit.errors.ApiException;
import dev.agentlocator.platform.kit.israel.IsraeliIds;
import dev.agentlocator.platform.kit.logging.Correlation;
import dev.agentlocator.platform.kit.outbox.Outbox;
import dev.agentlocator.platform.kit.paging.Page;
import dev.agentlocator.platform.kit.paging.PageRequest;
import dev.agentlocator.platform.kit.paging.SortOrder;
import dev.agentlocator.platform.kit.phone.PhoneNumbers;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Customers of a tenant; every change is written with its event on {@code crm.customer.v1}. */
@Service
public class CustomerService {

    static final String DUPLICATE_PHONE = "כבר קיים לקוח עם מספר הטלפון הזה";
    static final String UNKNOWN_OWNER = "הנציג שנבחר אינו משתמש פעיל בחשבון";

    private final CustomerRepository customers;
    private final UserRepository users;
    private final Outbox outbox;

    CustomerService(CustomerRepository customers, UserRepository users, Outbox outbox) {
        this.customers = customers;
        this.users = users;
        this.outbox = outbox;
    }

    @Transactional
    public Customer create(UUID tenantId, CreateCustomerRequest r) {
        var fields = new CustomerFields(
                r.name().trim(),
                phone(r.phone()),
                blankToNull(r.email()),
                vatId(r.vatId()),
                r.status() == null ? "new" : r.status(),
                r.source() == null ? "manual" : r.source(),
                tags(r.tags()),
                blankToNull(r.notes()),
                r.ownerId(),
                blankToNull(r.area()),
                r.rooms(),
                r.budgetAgorot(),
                blankToNull(r.dealType()));
        checkOwner(tenantId, fields.ownerId());
        UUID id = UUID.randomUUID();
        if (!customers.insertUnlessPhoneTaken(tenantId, id, fields)) {
            throw duplicate(tenantId, fields.phone());
        }
        customers.markSources(tenantId, id, agentSources(fields));
        return emit(
                tenantId, CustomerEvent.CREATED, customers.find(tenantId, id).orElseThrow());
    }

    @Transactional(readOnly = true)
    public Customer get(UUID tenantId, UUID id) {
        return customers.find(tenantId, id).orElseThrow(ApiException::notFound);
    }

    @Transactional
    public Customer update(UUID tenantId, UUID id, UpdateCustomerRequest r) {
        Customer current = customers.find(tenantId, id).orElseThrow(ApiException::notFound);
        var fields = new CustomerFields(
                r.name() != null ? r.name().trim() : current.name(),
                r.phone() != null ? phone(r.phone()) : current.phone(),
                r.email() != null ? email(r.email()) : current.email(),
                r.vatId() != null ? vatId(r.vatId()) : current.vatId(),
                r.status() != null ? r.status() : current.status(),
                r.source() != null ? r.source() : current.source(),
                r.tags() != null ? tags(r.tags()) : current.tags(),
                r.notes() != null ? blankToNull(r.notes()) : current.notes(),
                r.ownerId() != null ? r.ownerId() : current.ownerId(),
                r.area() != null ? blankToNull(r.area()) : current.area(),
                r.rooms() != null ? r.rooms() : current.rooms(),
                r.budgetAgorot() != null ? r.budgetAgorot() : current.budgetAgorot(),
                r.dealType() != null ? blankToNull(r.dealType()) : current.dealType());
        if (fields.name().isEmpty()) {
            throw invalidField("name", "יש להזין שם");
        }
        if (r.ownerId() != null) {
            checkOwner(tenantId, fields.ownerId());
        }
        if (!fields.phone().equals(current.phone())) {
            customers.findByPhone(tenantId, fields.phone()).ifPresent(other -> {
                throw duplicate(other.id());
            });
        }
        try {
            customers.update(tenantId, id, fields);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw duplicate(tenantId, fields.phone());
        }
        // what the agent sent is theirs from now on, even a field they emptied (ADR 0027)
        Map<String, String> typed = new LinkedHashMap<>();
        if (r.name() != null) {
            typed.put("name", Customer.AGENT);
        }
        if (r.dealType() != null) {
            typed.put("dealType", Customer.AGENT);
        }
        if (r.area() != null) {
            typed.put("area", Customer.AGENT);
        }
        if (r.rooms() != null) {
            typed.put("rooms", Customer.AGENT);
        }
        if (r.budgetAgorot() != null) {
            typed.put("budgetAgorot", Customer.AGENT);
        }
        customers.markSources(tenantId, id, typed);
        return emit(
                tenantId, CustomerEvent.UPDATED, customers.find(tenantId, id).orElseThrow());
    }

    @Transactional
    public void delete(UUID tenantId, UUID id) {
        Customer customer = customers.find(tenantId, id).orElseThrow(ApiException::notFound);
        if (!customers.softDelete(tenantId, id)) {
            throw ApiException.notFound();
        }
        emit(tenantId, CustomerEvent.DELETED, customer);
    }

    @Transactional(readOnly = true)
    public Page<Customer> list(UUID tenantId, CustomerFilter filter, SortOrder sort, PageRequest page) {
        long total = customers.count(tenantId, filter);
        List<Customer> items = customers.list(tenantId, filter, sort, page.offset(), page.limit());
        return new Page<>(items, page.page(), page.limit(), total, page.pages(total));
    }

    @Transactional(readOnly = true)
    public List<Customer> export(UUID tenantId, CustomerFilter filter, SortOrder sort) {
        return customers.list(tenantId, filter, sort, 0, Integer.MAX_VALUE);
    }

    /** The tenant's customer with this phone, or a new lead from a call; for telephony-service. */
    @Transactional
    public ResolvedCustomer resolve(UUID tenantId, String rawPhone) {
        return resolve(tenantId, rawPhone, null, null);
    }

    /**
     * The tenant's customer with this phone, or a new lead from {@code source} ({@code call} when
     * absent, {@code whatsapp}) named {@code name} (the WhatsApp profile name) or else the phone.
     */
    @Transactional
    public ResolvedCustomer resolve(UUID tenantId, String rawPhone, String source, String name) {
        String phone = phone(rawPhone);
        var existing = customers.findByPhone(tenantId, phone);
        if (existing.isPresent()) {
            return new ResolvedCustomer(existing.get(), false);
        }
        var fields = new CustomerFields(
                name == null || name.isBlank() ? PhoneNumbers.display(phone) : name.strip(),
                phone,
                null,
                null,
                "new",
                source == null || source.isBlank() ? "call" : source,
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null);
        UUID id = UUID.randomUUID();
        if (!customers.insertUnlessPhoneTaken(tenantId, id, fields)) {
            // Another call from the same number won the race; that customer is the answer.
            return new ResolvedCustomer(customers.findByPhone(tenantId, phone).orElseThrow(), false);
        }
        return new ResolvedCustomer(
                emit(
                        tenantId,
                        CustomerEvent.CREATED,
                        customers.find(tenantId, id).orElseThrow()),
                true);
    }

    public record ResolvedCustomer(Customer customer, boolean created) {}

    /** Inserts an already validated row of an import; returns false when the phone is taken. */
    boolean importRow(UUID tenantId, CustomerFields fields) {
        UUID id = UUID.randomUUID();
        if (!customers.insertUnlessPhoneTaken(tenantId, id, fields)) {
            return false;
        }
        customers.markSources(tenantId, id, agentSources(fields));
        emit(tenantId, CustomerEvent.CREATED, customers.find(tenantId, id).orElseThrow());
        return true;
    }

    boolean isActiveUser(UUID tenantId, UUID userId) {
        return users.activeInTenant(tenantId, userId);
    }

    /**
     * ADR 0027: the call's lead fills the customer's empty fields. A field an agent set (even to
     * nothing) stays theirs; a field this same call filled earlier may be corrected by a later turn;
     * a new caller's placeholder name (their phone) counts as empty. What was filled goes out on
     * {@code customer.updated} as {@code filledFromCall}, which the timeline shows.
     *
     * @return the fields filled, with their new values as text; empty when nothing changed
     */
    @Transactional
    public Map<String, String> fillFromCall(UUID tenantId, UUID customerId, CallLead lead) {
        var found = customers.findForUpdate(tenantId, customerId);
        if (found.isEmpty()) {
            return Map.of();
        }
        Customer c = found.get();
        String mine = "call:" + lead.callId();
        Map<String, String> sources = new LinkedHashMap<>(c.fieldSources());
        Map<String, String> filled = new LinkedHashMap<>();
        java.util.function.BiPredicate<String, Object> may = (field, current) -> {
            String source = sources.get(field);
            if (Customer.AGENT.equals(source)) {
                return false;
            }
            boolean empty = current == null
                    || (current instanceof String s && s.isBlank())
                    || (field.equals("name") && isPlaceholderName(c));
            return empty || mine.equals(source);
        };
        String name = pick(may, filled, sources, mine, "name", c.name(), lead.name());
        String dealType = pick(may, filled, sources, mine, "dealType", c.dealType(), lead.intent());
        String area = pick(may, filled, sources, mine, "area", c.area(), lead.area());
        BigDecimal rooms = pick(may, filled, sources, mine, "rooms", c.rooms(), lead.rooms());
        Long budget = pick(may, filled, sources, mine, "budgetAgorot", c.budgetAgorot(), lead.budgetAgorot());
        String timing = pick(may, filled, sources, mine, "timing", c.timing(), lead.timing());
        String summary = pick(may, filled, sources, mine, "leadSummary", c.leadSummary(), lead.summary());
        if (filled.isEmpty()) {
            return Map.of();
        }
        customers.fillFromCall(
                tenantId,
                customerId,
                new Customer(
                        c.id(),
                        name,
                        c.phone(),
                        c.email(),
                        c.vatId(),
                        c.status(),
                        c.source(),
                        c.tags(),
                        c.notes(),
                        c.ownerId(),
                        area,
                        rooms,
                        budget,
                        dealType,
                        timing,
                        summary,
                        sources,
                        c.createdAt(),
                        c.updatedAt()));
        emit(
                tenantId,
                CustomerEvent.UPDATED,
                customers.find(tenantId, customerId).orElseThrow(),
                filled,
                lead.callId());
        return filled;
    }

    /** A call's lead as crm reads it; every field optional. */
    public record CallLead(
            String callId,
            String name,
            String intent,
            String area,
            BigDecimal rooms,
            Long budgetAgorot,
            String timing,
            String summary) {}

    private static <T> T pick(
            java.util.function.BiPredicate<String, Object> may,
            Map<String, String> filled,
            Map<String, String> sources,
            String mine,
            String field,
            T current,
            T offered) {
        if (offered == null || offered.equals(current) || !may.test(field, current)) {
            return current;
        }
        if (offered instanceof BigDecimal b && current instanceof BigDecimal d && b.compareTo(d) == 0) {
            return current;
        }
        filled.put(
                field, offered instanceof BigDecimal b ? b.stripTrailingZeros().toPlainString() : offered.toString());
        sources.put(field, mine);
        return offered;
    }

    /** A lead from a call is filed under its phone number until someone knows the name. */
    private static boolean isPlaceholderName(Customer c) {
        return c.name() == null || c.name().equals(c.phone()) || c.name().equals(PhoneNumbers.display(c.phone()));
    }

    private static Map<String, String> agentSources(CustomerFields f) {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("name", Customer.AGENT);
        if (f.dealType() != null) {
            sources.put("dealType", Customer.AGENT);
        }
        if (f.area() != null) {
            sources.put("area", Customer.AGENT);
        }
        if (f.rooms() != null) {
            sources.put("rooms", Customer.AGENT);
        }
        if (f.budgetAgorot() != null) {
            sources.put("budgetAgorot", Customer.AGENT);
        }
        return sources;
    }

    private Customer emit(UUID tenantId, CustomerEvent type, Customer c) {
        return emit(tenantId, type, c, null, null);
    }

    private Customer emit(
            UUID tenantId, CustomerEvent type, Customer c, Map<String, String> filledFromCall, String callId) {
        outbox.append(EventEnvelope.of(
                type,
                tenantId,
                c.id(),
                Correlation.currentId(),
                new CustomerEvent.Payload(
                        c.name(),
                        c.phone(),
                        c.status(),
                        c.source(),
                        c.email(),
                        c.vatId(),
                        c.ownerId() == null ? null : c.ownerId().toString(),
                        filledFromCall == null || filledFromCall.isEmpty() ? null : filledFromCall,
                        callId)));
        return c;
    }

    private void checkOwner(UUID tenantId, UUID ownerId) {
        if (ownerId != null && !users.activeInTenant(tenantId, ownerId)) {
            throw invalidField("ownerId", UNKNOWN_OWNER);
        }
    }

    private ApiException duplicate(UUID tenantId, String phone) {
        return duplicate(
                customers.findByPhone(tenantId, phone).map(Customer::id).orElse(null));
    }

    private static ApiException duplicate(UUID existingId) {
        return new ApiException(
                HttpStatus.CONFLICT,
                "duplicate_phone",
                DUPLICATE_PHONE,
                existingId == null ? Map.of() : Map.of("existingId", existingId.toString()));
    }

    static String phone(String raw) {
        return PhoneNumbers.normalise(raw).orElseThrow(() -> invalidField("phone", PhoneNumbers.INVALID));
    }

    /** Stored as the nine digits alone, whatever grouping the agent or the file used. */
    static String vatId(String raw) {
        return IsraeliIds.normalize(blankToNull(raw));
    }

    private static String email(String raw) {
        String email = blankToNull(raw);
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw invalidField("email", "כתובת האימייל אינה תקינה");
        }
        return email;
    }

    static ApiException invalidField(String field, String message) {
        return new ApiException(
                HttpStatus.BAD_REQUEST,
                "validation_failed",
                "חלק מהשדות אינם תקינים",
                Map.of("fields", Map.of(field, message)));
    }

    static List<String> tags(List<String> tags) {
        return tags == null
                ? List.of()
                : tags.stream()
                        .map(String::trim)
                        .filter(t -> !t.isEmpty())
                        .distinct()
                        .toList();
    }
}
