package dev.agentlocator.timeline.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import dev.agentlocator.testkit.TestInfrastructure;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The work order's original timeline design, built only to be measured against the projection:
 * no timeline store; at read time a timeline endpoint asks every source service for the
 * customer's newest items, merges and sorts them and returns the first page.
 *
 * <p>Each source is a real HTTP server with a PostgreSQL database of its own holding exactly the
 * rows of its kind that the projection holds (copied from it), indexed for the query it answers.
 * The sources do no authentication and no authorisation, which real services would: the fan-out
 * figures are a lower bound.
 */
final class FanOutTimeline implements AutoCloseable {

    private static final int PAGE = 100;

    private final JsonMapper json;
    private final List<HttpServer> servers = new ArrayList<>();
    private final List<HikariDataSource> dataSources = new ArrayList<>();
    private final List<String> sourceUrls = new ArrayList<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(16);
    private final HttpClient http;
    private HttpServer aggregator;

    FanOutTimeline(JsonMapper json) {
        this.json = json;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(workers)
                .build();
    }

    /** One source per kind, each loaded with the projection's rows of that kind for the customer. */
    void start(JdbcClient timeline, UUID tenant, UUID customer) throws IOException {
        List<String> kinds = timeline.sql(
                        "select distinct kind from timeline_entry where customer_id = ? order by kind")
                .param(customer)
                .query(String.class)
                .list();
        var postgres = TestInfrastructure.postgres();
        for (String kind : kinds) {
            var dataSource = new HikariDataSource();
            dataSource.setJdbcUrl(postgres.jdbcUrl(TestInfrastructure.createDatabase("fanout_" + kind)));
            dataSource.setUsername(postgres.username());
            dataSource.setPassword(postgres.password());
            dataSource.setMaximumPoolSize(4);
            dataSources.add(dataSource);
            JdbcClient source = JdbcClient.create(dataSource);
            source.sql("""
                            create table source_item (
                                id uuid primary key, tenant_id uuid not null, customer_id uuid not null,
                                occurred_at timestamptz not null, kind text not null, title text not null,
                                details text not null)""").update();
            source.sql(
                            "create index source_item_page on source_item (tenant_id, customer_id, occurred_at desc, id desc)")
                    .update();
            timeline.sql("""
                            select event_id, occurred_at, title, details::text as details from timeline_entry
                            where tenant_id = ? and customer_id = ? and kind = ?""")
                    .param(tenant)
                    .param(customer)
                    .param(kind)
                    .query((rs, n) -> Map.of(
                            "id", rs.getObject("event_id", UUID.class),
                            "occurredAt", rs.getObject("occurred_at", OffsetDateTime.class),
                            "title", rs.getString("title"),
                            "details", rs.getString("details")))
                    .list()
                    .forEach(row -> source.sql("""
                                    insert into source_item (id, tenant_id, customer_id, occurred_at, kind, title, details)
                                    values (?, ?, ?, ?, ?, ?, ?)""")
                            .param(row.get("id"))
                            .param(tenant)
                            .param(customer)
                            .param(row.get("occurredAt"))
                            .param(kind)
                            .param(row.get("title"))
                            .param(row.get("details"))
                            .update());
            source.sql("vacuum analyze source_item").update();
            servers.add(serve(exchange -> sourcePage(source, exchange)));
            sourceUrls.add("http://127.0.0.1:"
                    + servers.get(servers.size() - 1).getAddress().getPort() + "/items");
        }
        aggregator = serve(this::aggregatedPage);
    }

    int sources() {
        return sourceUrls.size();
    }

    /** The fan-out timeline's first page for {@code customer}. */
    String pageUrl(UUID tenant, UUID customer) {
        return "http://127.0.0.1:" + aggregator.getAddress().getPort() + "/timeline?tenant=" + tenant + "&customer="
                + customer;
    }

    private byte[] sourcePage(JdbcClient source, HttpExchange exchange) {
        Map<String, String> query = query(exchange);
        List<Map<String, Object>> items = source.sql("""
                        select id, occurred_at, kind, title, details from source_item
                        where tenant_id = ? and customer_id = ?
                        order by occurred_at desc, id desc limit ?""")
                .param(UUID.fromString(query.get("tenant")))
                .param(UUID.fromString(query.get("customer")))
                .param(PAGE)
                .query((rs, n) -> Map.<String, Object>of(
                        "id", rs.getString("id"),
                        "occurredAt",
                                rs.getObject("occurred_at", OffsetDateTime.class)
                                        .toString(),
                        "kind", rs.getString("kind"),
                        "title", rs.getString("title"),
                        "details", rs.getString("details")))
                .list();
        return json.writeValueAsBytes(items);
    }

    private byte[] aggregatedPage(HttpExchange exchange) {
        String query = exchange.getRequestURI().getRawQuery();
        List<CompletableFuture<List<Map<String, Object>>>> calls = sourceUrls.stream()
                .map(url -> http.sendAsync(
                                HttpRequest.newBuilder(URI.create(url + "?" + query))
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofByteArray())
                        .thenApply(response ->
                                json.readValue(response.body(), new TypeReference<List<Map<String, Object>>>() {})))
                .toList();
        List<Map<String, Object>> merged = new ArrayList<>();
        calls.forEach(call -> merged.addAll(call.join()));
        merged.sort(Comparator.comparing(
                        (Map<String, Object> item) -> OffsetDateTime.parse((String) item.get("occurredAt")))
                .reversed());
        return json.writeValueAsBytes(Map.of("items", merged.subList(0, Math.min(PAGE, merged.size()))));
    }

    private interface Handler {
        byte[] handle(HttpExchange exchange) throws Exception;
    }

    private HttpServer serve(Handler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(workers);
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body;
                int status = 200;
                try {
                    body = handler.handle(exchange);
                } catch (Exception e) {
                    status = 500;
                    body = String.valueOf(e).getBytes(StandardCharsets.UTF_8);
                }
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        return server;
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> values = new HashMap<>();
        for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return values;
    }

    @Override
    public void close() {
        servers.forEach(server -> server.stop(0));
        if (aggregator != null) {
            aggregator.stop(0);
        }
        dataSources.forEach(HikariDataSource::close);
        workers.shutdownNow();
    }
}
