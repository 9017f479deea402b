package dev.agentlocator.crm.customers;

import dev.agentlocator.platform.kit.paging.SortOrder;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Every statement filters by tenant: a customer id alone never reaches a row. */
@Repository
class CustomerRepository {

    private static final String COLUMNS = """
            id, name, phone, email, vat_id, status, source, tags, notes, owner_id, area, rooms,
            budget_agorot, deal_type, timing, lead_summary, field_sources, created_at, updated_at""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CustomerRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Records who set {@code fields} ({@link Customer#AGENT} or {@code call:<id>}). */
    void markSources(UUID tenantId, UUID id, Map<String, String> sources) {
        if (sources.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update customer set field_sources = field_sources || cast(:sources as jsonb)
                        where tenant_id = :tenant and id = :id
                        """)
                .param("sources", json.writeValueAsString(sources))
                .param("tenant", tenantId)
                .param("id", id)
                .update();
    }

    /** The customer locked for a fill from a call, so an agent's concurrent edit waits or wins. */
    Optional<Customer> findForUpdate(UUID tenantId, UUID id) {
        return jdbc.sql("select " + COLUMNS
                        + " from customer where tenant_id = ? and id = ? and deleted_at is null for update")
                .param(tenantId)
                .param(id)
                .query(this::map)
                .optional();
    }

    /** Writes the lead fields a call filled; the caller decided they were empty and not an agent's. */
    void fillFromCall(UUID tenantId, UUID id, Customer filled) {
        jdbc.sql("""
                        update customer set name = :name, deal_type = :dealType, area = :area, rooms = :rooms,
                            budget_agorot = :budget, timing = :timing, lead_summary = :summary,
                            field_sources = cast(:sources as jsonb), updated_at = now()
                        where tenant_id = :tenant and id = :id and deleted_at is null
                        """)
                .param("name", filled.name())
                .param("dealType", filled.dealType())
                .param("area", filled.area())
                .param("rooms", filled.rooms())
                .param("budget", filled.budgetAgorot())
                .param("timing", filled.timing())
                .param("summary", filled.leadSummary())
                .param("sources", json.writeValueAsString(filled.fieldSources()))
                .param("tenant", tenantId)
                .param("id", id)
                .update();
    }

    /** Inserts unless a live customer of the tenant has the phone; returns whether it inserted. */
    boolean insertUnlessPhoneTaken(UUID tenantId, UUID id, CustomerFields f) {
        return jdbc.sql("""
                        insert into customer (id, tenant_id, name, phone, email, vat_id, status, source, tags,
                                              notes, owner_id, area, rooms, budget_agorot, deal_type)
                        values (:id, :tenant, :name, :phone, :email, :vatId, :status, :source,
                                cast(:tags as text[]), :notes, :ownerId, :area, :rooms, :budget, :dealType)
                        on conflict (tenant_id, phone) where deleted_at is null do nothing
                        """).params(params(tenantId, id, f)).update() == 1;
    }

    boolean update(UUID tenantId, UUID id, CustomerFields f) {
        return jdbc.sql("""
                        update customer set name = :name, phone = :phone, email = :email, vat_id = :vatId,
                            status = :status, source = :source, tags = cast(:tags as text[]), notes = :notes,
                            owner_id = :ownerId, area = :area, rooms = :rooms, budget_agorot = :budget,
                            deal_type = :dealType, updated_at = now()
                        where tenant_id = :tenant and id = :id and deleted_at is null
                        """).params(params(tenantId, id, f)).update() == 1;
    }

    boolean softDelete(UUID tenantId, UUID id) {
        return jdbc.sql("""
                        update customer set deleted_at = now(), updated_at = now()
                        where tenant_id = ? and id = ? and deleted_at is null
                        """).param(tenantId).param(id).update() == 1;
    }

    Optional<Customer> find(UUID tenantId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from customer where tenant_id = ? and id = ? and deleted_at is null")
                .param(tenantId)
                .param(id)
                .query(this::map)
                .optional();
    }

    Optional<Customer> findByPhone(UUID tenantId, String phone) {
        return jdbc.sql("select " + COLUMNS + " from customer where tenant_id = ? and phone = ? and deleted_at is null")
                .param(tenantId)
                .param(phone)
                .query(this::map)
                .optional();
    }

    long count(UUID tenantId, CustomerFilter filter) {
        if (filter.narrowsNothing()) {
            // kept by triggers in the same transaction as every insert and (soft) delete
            return jdbc.sql("select coalesce(max(live), 0) from customer_count where tenant_id = ?")
                    .param(tenantId)
                    .query(Long.class)
                    .single();
        }
        var where = where(tenantId, filter);
        return jdbc.sql("select count(*) from customer where " + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
    }

    List<Customer> list(UUID tenantId, CustomerFilter filter, SortOrder sort, long offset, int limit) {
        var where = where(tenantId, filter);
        return jdbc.sql("select " + COLUMNS + " from customer where " + where.sql() + " order by " + sort.orderBy()
                        + " limit :limit offset :offset")
                .params(where.params())
                .param("limit", limit)
                .param("offset", offset)
                .query(this::map)
                .list();
    }

    private record Where(String sql, Map<String, Object> params) {}

    private static Where where(UUID tenantId, CustomerFilter filter) {
        var sql = new StringBuilder("tenant_id = :tenant and deleted_at is null");
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenantId);
        if (filter.status() != null) {
            sql.append(" and status = :status");
            params.put("status", filter.status());
        }
        if (filter.source() != null) {
            sql.append(" and source = :source");
            params.put("source", filter.source());
        }
        if (filter.ownerId() != null) {
            sql.append(" and owner_id = :ownerId");
            params.put("ownerId", filter.ownerId());
        }
        if (filter.tag() != null) {
            sql.append(" and tags @> array[cast(:tag as text)]");
            params.put("tag", filter.tag());
        }
        if (filter.q() != null) {
            String q = filter.q();
            sql.append(" and (name ilike :pattern or lower(email) like :lowerPattern");
            params.put("pattern", "%" + escapeLike(q) + "%");
            params.put("lowerPattern", "%" + escapeLike(q.toLowerCase(Locale.ROOT)) + "%");
            String digits = q.replaceAll("[^0-9]", "");
            if (digits.length() >= 3 && q.matches("[0-9+\\-\\s().]+")) {
                sql.append(" or phone_search like :digits");
                params.put("digits", "%" + digits + "%");
            }
            sql.append(")");
        }
        return new Where(sql.toString(), params);
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Map<String, Object> params(UUID tenantId, UUID id, CustomerFields f) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("tenant", tenantId);
        params.put("name", f.name());
        params.put("phone", f.phone());
        params.put("email", f.email());
        params.put("vatId", f.vatId());
        params.put("status", f.status());
        params.put("source", f.source());
        params.put("tags", toArrayLiteral(f.tags()));
        params.put("notes", f.notes());
        params.put("ownerId", f.ownerId());
        params.put("area", f.area());
        params.put("rooms", f.rooms());
        params.put("budget", f.budgetAgorot());
        params.put("dealType", f.dealType());
        return params;
    }

    /** A PostgreSQL array literal; every element quoted and escaped. */
    private static String toArrayLiteral(List<String> values) {
        var out = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('"')
                    .append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return out.append('}').toString();
    }

    private Customer map(ResultSet rs, int row) throws SQLException {
        Array tags = rs.getArray("tags");
        long budget = rs.getLong("budget_agorot");
        Long budgetAgorot = rs.wasNull() ? null : budget;
        BigDecimal rooms = rs.getBigDecimal("rooms");
        return new Customer(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("phone"),
                rs.getString("email"),
                rs.getString("vat_id"),
                rs.getString("status"),
                rs.getString("source"),
                tags == null ? List.of() : Arrays.asList((String[]) tags.getArray()),
                rs.getString("notes"),
                rs.getObject("owner_id", UUID.class),
                rs.getString("area"),
                rooms == null ? null : new BigDecimal(rooms.stripTrailingZeros().toPlainString()),
                budgetAgorot,
                rs.getString("deal_type"),
                rs.getString("timing"),
                rs.getString("lead_summary"),
                sources(rs.getString("field_sources")),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    private Map<String, String> sources(String text) {
        if (text == null) {
            return Map.of();
        }
        return json.readValue(text, new TypeReference<LinkedHashMap<String, String>>() {});
    }
}
