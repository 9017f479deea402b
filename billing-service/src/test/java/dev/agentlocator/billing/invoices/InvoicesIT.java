package dev.agentlocator.billing.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.billing.BillingFixture;
import dev.agentlocator.billing.allocation.SandboxAllocationProvider;
import dev.agentlocator.platform.events.Topics;
import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.MutableClock;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import dev.agentlocator.testkit.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

@ServiceIntegrationTest
@Import(MutableClock.Configuration.class)
class InvoicesIT {

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    BillingFixture fixture;
    UUID tenant;
    Api owner;

    @BeforeEach
    void setUp() {
        fixture = new BillingFixture(port, kafka, json, jdbc);
        tenant = UUID.randomUUID();
        owner = fixture.owner(tenant);
    }

    private String draft(UUID customerId, String type, String lines) {
        var response = owner.post("/api/invoices", """
                {"customerId": "%s", "type": "%s", "lines": [%s]}
                """.formatted(customerId, type, lines));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json("$.id");
    }

    private String simpleDraft(UUID customerId, long unitPriceAgorot) {
        return draft(customerId, "tax_invoice", """
                {"description": "ייעוץ נדל״ן", "quantity": 1, "unitPriceAgorot": %d}""".formatted(unitPriceAgorot));
    }

    @Test
    void issuingConcurrentlyNeverLeavesAGap() throws Exception {
        UUID customer = fixture.customer(tenant, "לקוח פרטי", null);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ids.add(simpleDraft(customer, 10_000));
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Api.Response>> issued = new ArrayList<>();
            for (String id : ids) {
                issued.add(pool.submit(() -> owner.post("/api/invoices/" + id + "/issue", null)));
            }
            List<Long> numbers = new ArrayList<>();
            for (var future : issued) {
                Api.Response response = future.get();
                assertThat(response.status()).as(response.body()).isEqualTo(200);
                numbers.add(((Number) response.json("$.number")).longValue());
            }
            Collections.sort(numbers);
            assertThat(numbers)
                    .containsExactlyElementsOf(
                            LongStream.rangeClosed(1, 200).boxed().toList());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void roundsEachLineHalfUpAndTheVatOnceOnTheSubtotal() {
        UUID customer = fixture.customer(tenant, "לקוח פרטי", null);
        String id = draft(customer, "tax_invoice", """
                {"description": "שלוש יחידות של 33.33", "quantity": 3, "unitPriceAgorot": 3333},
                {"description": "שליש אלפית", "quantity": 0.333, "unitPriceAgorot": 1000},
                {"description": "חצי אגורה למעלה", "quantity": 1.5, "unitPriceAgorot": 33}""");
        var invoice = owner.get("/api/invoices/" + id);
        assertThat(invoice.<Integer>json("$.lines[0].totalAgorot")).isEqualTo(9999);
        assertThat(invoice.<Integer>json("$.lines[1].totalAgorot")).isEqualTo(333);
        assertThat(invoice.<Integer>json("$.lines[2].totalAgorot")).isEqualTo(50);
        assertThat(invoice.<Integer>json("$.subtotalAgorot")).isEqualTo(10382);
        // 18% of 103.82 ₪ is 18.6876 ₪: half-up to 18.69 ₪.
        assertThat(invoice.<Integer>json("$.vatAgorot")).isEqualTo(1869);
        assertThat(invoice.<Integer>json("$.totalAgorot")).isEqualTo(12251);
        assertThat(invoice.<String>json("$.currency")).isEqualTo("ILS");
        assertThat(invoice.<String>json("$.status")).isEqualTo("draft");
    }

    @Test
    void issuingUsesTheTenantsVatRateAndHalfUpOnAnOddSubtotal() {
        fixture.businessSettings(tenant, "עסק עם מע״מ אחר", 1750);
        UUID customer = fixture.customer(tenant, "לקוח", null);
        // 17.5% of 123.45 ₪ is 21.60375 ₪ → 21.60 ₪; 17.5% of 0.25 ₪ would be 4.375 → 4 agorot.
        String id = simpleDraft(customer, 12345);
        var issued = owner.post("/api/invoices/" + id + "/issue", null);
        assertThat(issued.<Integer>json("$.vatRateBasisPoints")).isEqualTo(1750);
        assertThat(issued.<Integer>json("$.vatAgorot")).isEqualTo(2160);
        assertThat(issued.<Integer>json("$.totalAgorot")).isEqualTo(14505);
    }

    @Test
    void invoicePdfReadsInLogicalHebrewOrder() {
        fixture.businessSettings(tenant, "נדל״ן לדוגמה בע״מ", 1800);
        UUID customer = fixture.customer(tenant, "ישראל ישראלי", null);
        String id = draft(customer, "tax_invoice", """
                {"description": "דמי תיווך - דירה ברחוב Herzl 12", "quantity": 1, "unitPriceAgorot": 1000000}""");
        owner.post("/api/invoices/" + id + "/issue", null);
        var pdf = fixture.getBytes(tenant, "/api/invoices/" + id + "/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        String text = BillingFixture.pdfText(pdf.body());
        // The glyphs are drawn in visual order; a bidi-aware reader restores the logical order.
        assertThat(text).contains("חשבונית מס מספר 1").doesNotContain("סמ תינובשח");
        assertThat(text)
                .contains("נדל״ן לדוגמה בע״מ", "לכבוד: ישראל ישראלי", "מע״מ 18%: 1,800.00 ₪")
                .contains("סה״כ לתשלום: 11,800.00 ₪");
        // In reading order: the business, then the customer, then the total.
        assertThat(text.indexOf("נדל״ן לדוגמה בע״מ"))
                .isLessThan(text.indexOf("לכבוד: ישראל ישראלי"))
                .isLessThan(text.indexOf("סה״כ לתשלום: 11,800.00 ₪"));
        assertThat(text.indexOf("לכבוד: ישראל ישראלי")).isLessThan(text.indexOf("סה״כ לתשלום: 11,800.00 ₪"));
    }

    @Test
    void issuingPublishesInvoiceIssuedKeyedByTheCustomer() {
        UUID customer = fixture.customer(tenant, "לקוח לאירועים", null);
        String id = simpleDraft(customer, 5000);
        owner.post("/api/invoices/" + id + "/issue", null);
        var record = TopicReader.awaitRecord(
                Topics.BILLING_INVOICE,
                r -> r.value().contains(id) && r.value().contains("\"invoice.issued\""),
                Duration.ofSeconds(30));
        assertThat(record.key()).isEqualTo(customer.toString());
        var event = json.readTree(record.value());
        assertThat(event.get("payload").get("number").asLong()).isEqualTo(1);
        assertThat(event.get("payload").get("totalAgorot").asLong()).isEqualTo(5900);
        assertThat(event.get("payload").get("customerName").asString()).isEqualTo("לקוח לאירועים");
        assertThat(event.get("customerId").asString()).isEqualTo(customer.toString());
        assertThat(new String(record.value().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .contains("tax_invoice");
    }

    @Test
    void aCreditNoteCancelsAnIssuedInvoiceAndTheOriginalStays() {
        UUID customer = fixture.customer(tenant, "לקוח לזיכוי", null);
        String id = simpleDraft(customer, 20_000);
        owner.post("/api/invoices/" + id + "/issue", null);
        assertThat(owner.post("/api/invoices/" + id + "/pay", null).<String>json("$.status"))
                .isEqualTo("paid");

        var credit = owner.post("/api/invoices/" + id + "/credit", null);
        assertThat(credit.status()).as(credit.body()).isEqualTo(201);
        assertThat(credit.<String>json("$.type")).isEqualTo("credit_note");
        assertThat(credit.<String>json("$.status")).isEqualTo("issued");
        assertThat(credit.<Integer>json("$.number")).isEqualTo(1);
        assertThat(credit.<String>json("$.creditOf")).isEqualTo(id);
        // A credit note reduces what is owed: negative wherever the API shows its amounts.
        assertThat(credit.<Integer>json("$.totalAgorot")).isEqualTo(-23_600);
        assertThat(credit.<Integer>json("$.subtotalAgorot")).isEqualTo(-20_000);
        assertThat(credit.<Integer>json("$.vatAgorot")).isEqualTo(-3_600);
        assertThat(credit.<Integer>json("$.lines[0].totalAgorot")).isEqualTo(-20_000);

        var original = owner.get("/api/invoices/" + id);
        assertThat(original.status()).isEqualTo(200);
        assertThat(original.<String>json("$.status")).isEqualTo("cancelled");
        assertThat(original.<Integer>json("$.number")).isEqualTo(1);
        assertThat(original.<String>json("$.creditedBy")).isEqualTo(credit.<String>json("$.id"));
        // the invoice, the receipt its payment produced, and the credit note
        assertThat(owner.get("/api/invoices?customerId=" + customer).<Integer>json("$.total"))
                .isEqualTo(3);

        var again = owner.post("/api/invoices/" + id + "/credit", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.<String>json("$.error")).isEqualTo("invalid_transition");
        assertThat(again.<String>json("$.message")).isEqualTo(InvoiceService.ONLY_ISSUED_CREDITS);
        String creditPdf =
                BillingFixture.pdfText(fixture.getBytes(tenant, "/api/invoices/" + credit.json("$.id") + "/pdf")
                        .body());
        assertThat(creditPdf)
                .contains("חשבונית זיכוי מספר 1", "זיכוי עבור חשבונית מס מספר 1", "סה״כ לזיכוי: 236.00 ₪")
                .doesNotContain("סה״כ לתשלום");
        String csv = new String(
                fixture.getBytes(tenant, "/api/invoices/export?type=credit_note")
                        .body(),
                StandardCharsets.UTF_8);
        assertThat(csv).contains(",-200.00,-36.00,-236.00,");
        var credited = TopicReader.awaitRecord(
                Topics.BILLING_INVOICE,
                r -> r.value().contains("\"invoice.credited\"") && r.value().contains(id),
                Duration.ofSeconds(30));
        var payload = json.readTree(credited.value()).get("payload");
        assertThat(payload.get("invoiceId").asString()).isEqualTo(id);
        assertThat(payload.get("status").asString()).isEqualTo("cancelled");
        assertThat(payload.get("creditNoteId").asString()).isEqualTo(credit.<String>json("$.id"));
    }

    private long rows(String table) {
        return jdbc.sql("select count(*) from " + table + " where tenant_id = ?")
                .param(tenant)
                .query(Long.class)
                .single();
    }

    @Test
    void aDraftCanBeEditedAndRepricedUntilItIsIssued() {
        UUID first = fixture.customer(tenant, "לקוח ראשון", null);
        UUID second = fixture.customer(tenant, "לקוח שני", null);
        String id = simpleDraft(first, 10_000);

        var edited = owner.patch("/api/invoices/" + id, """
                {"customerId": "%s", "type": "tax_invoice_receipt",
                 "lines": [{"description": "שורה חדשה", "quantity": 2, "unitPriceAgorot": 3333}]}
                """.formatted(second));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.<String>json("$.customerId")).isEqualTo(second.toString());
        assertThat(edited.<String>json("$.customerName")).isEqualTo("לקוח שני");
        assertThat(edited.<String>json("$.type")).isEqualTo("tax_invoice_receipt");
        assertThat(edited.<Integer>json("$.subtotalAgorot")).isEqualTo(6666);
        assertThat(edited.<Integer>json("$.vatAgorot")).isEqualTo(1200); // 1,199.88 → 1,200
        assertThat(edited.<Integer>json("$.totalAgorot")).isEqualTo(7866);
        assertThat(edited.<String>json("$.status")).isEqualTo("draft");
        assertThat(edited.<Object>json("$.number")).isNull();
        // Absent fields stay as they are.
        var linesOnly = owner.patch("/api/invoices/" + id, """
                {"lines": [{"description": "אחרת", "quantity": 1, "unitPriceAgorot": 100}]}""");
        assertThat(linesOnly.<String>json("$.customerName")).isEqualTo("לקוח שני");
        assertThat(linesOnly.<String>json("$.type")).isEqualTo("tax_invoice_receipt");
        assertThat(linesOnly.<Integer>json("$.totalAgorot")).isEqualTo(118);
        var updated = TopicReader.awaitRecord(
                Topics.BILLING_INVOICE,
                r -> r.value().contains(id) && r.value().contains("\"invoice.updated\""),
                Duration.ofSeconds(30));
        assertThat(updated.key()).isEqualTo(second.toString());

        var unknown = owner.patch("/api/invoices/" + id, "{\"customerId\": \"%s\"}".formatted(UUID.randomUUID()));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.<String>json("$.error")).isEqualTo("unknown_customer");
        assertThat(fixture.as(tenant, "viewer")
                        .patch("/api/invoices/" + id, "{}")
                        .status())
                .isEqualTo(403);

        // A tax invoice-receipt is paid on the spot: it is issued with its payments, which add up to its total.
        var withoutPayments = owner.post("/api/invoices/" + id + "/issue", null);
        assertThat(withoutPayments.status()).isEqualTo(400);
        assertThat(withoutPayments.<String>json("$.error")).isEqualTo("payments_required");
        var issuedPaid = owner.post("/api/invoices/" + id + "/issue", """
                {"payments": [{"method": "cash", "amountAgorot": 118, "date": "2026-11-16"}]}""");
        assertThat(issuedPaid.status()).as(issuedPaid.body()).isEqualTo(200);
        assertThat(issuedPaid.<String>json("$.status")).isEqualTo("paid");
        var before = owner.get("/api/invoices/" + id).body();
        var late = owner.patch("/api/invoices/" + id, """
                {"lines": [{"description": "שינוי אחרי הפקה", "quantity": 1, "unitPriceAgorot": 1}]}""");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.isJson()).isTrue();
        assertThat(late.<String>json("$.error")).isEqualTo("invalid_transition");
        assertThat(late.<String>json("$.message")).isEqualTo(InvoiceService.ONLY_DRAFT_EDITS);
        assertThat(owner.get("/api/invoices/" + id).body()).isEqualTo(before);
    }

    @Test
    void onlyADraftIsDeletedAndAnIssuedInvoiceNeverIs() {
        UUID customer = fixture.customer(tenant, "לקוח", null);
        String draft = simpleDraft(customer, 1000);
        String issued = simpleDraft(customer, 2000);
        assertThat(owner.post("/api/invoices/" + issued + "/issue", null).<Integer>json("$.number"))
                .isEqualTo(1);

        assertThat(fixture.as(tenant, "viewer").delete("/api/invoices/" + draft).status())
                .isEqualTo(403);
        var deleted = owner.delete("/api/invoices/" + draft);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(owner.get("/api/invoices/" + draft).status()).isEqualTo(404);
        assertThat(owner.delete("/api/invoices/" + draft).status()).isEqualTo(404);
        var event = TopicReader.awaitRecord(
                Topics.BILLING_INVOICE,
                r -> r.value().contains(draft) && r.value().contains("\"invoice.deleted\""),
                Duration.ofSeconds(30));
        assertThat(event.key()).isEqualTo(customer.toString());

        var refused = owner.delete("/api/invoices/" + issued);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.<String>json("$.message")).isEqualTo(InvoiceService.ONLY_DRAFT_DELETES);
        String creditNote =
                owner.post("/api/invoices/" + issued + "/credit", null).json("$.id");
        assertThat(owner.delete("/api/invoices/" + issued).status()).isEqualTo(409);
        assertThat(owner.delete("/api/invoices/" + creditNote).status()).isEqualTo(409);
        assertThat(owner.get("/api/invoices/" + issued).<String>json("$.status"))
                .isEqualTo("cancelled");
        assertThat(owner.get("/api/invoices/" + creditNote).<String>json("$.status"))
                .isEqualTo("issued");
        // A deleted draft never had a number, so the next one follows without a gap.
        String next = simpleDraft(customer, 3000);
        assertThat(owner.post("/api/invoices/" + next + "/issue", null).<Integer>json("$.number"))
                .isEqualTo(2);
        assertThat(rows("invoice")).isEqualTo(3);
    }

    @Test
    void illegalTransitionsAnswer409WithAHebrewMessage() {
        UUID customer = fixture.customer(tenant, "לקוח", null);
        String id = simpleDraft(customer, 1000);
        var payDraft = owner.post("/api/invoices/" + id + "/pay", null);
        assertThat(payDraft.status()).isEqualTo(409);
        assertThat(payDraft.isJson()).isTrue();
        assertThat(payDraft.<String>json("$.message")).isEqualTo(InvoiceService.ONLY_ISSUED_PAYS);
        assertThat(owner.post("/api/invoices/" + id + "/credit", null).status()).isEqualTo(409);
        owner.post("/api/invoices/" + id + "/issue", null);
        var issueTwice = owner.post("/api/invoices/" + id + "/issue", null);
        assertThat(issueTwice.status()).isEqualTo(409);
        assertThat(issueTwice.<String>json("$.message")).isEqualTo(InvoiceService.ONLY_DRAFT_ISSUES);
        assertThat(owner.post("/api/invoices/" + id + "/allocation", null).status())
                .isEqualTo(409);
    }

    @Test
    void anotherTenantSeesNoneOfTheInvoicesOnAnyEndpoint() {
        UUID customer = fixture.customer(tenant, "לקוח של א", null);
        String id = simpleDraft(customer, 1000);
        String issued = simpleDraft(customer, 2000);
        owner.post("/api/invoices/" + issued + "/issue", null);
        UUID other = UUID.randomUUID();
        Api intruder = fixture.owner(other);

        for (String target : List.of(id, issued)) {
            assertThat(intruder.get("/api/invoices/" + target).status()).isEqualTo(404);
            assertThat(intruder.post("/api/invoices/" + target + "/issue", null).status())
                    .isEqualTo(404);
            assertThat(intruder.post("/api/invoices/" + target + "/pay", null).status())
                    .isEqualTo(404);
            assertThat(intruder.post("/api/invoices/" + target + "/credit", null)
                            .status())
                    .isEqualTo(404);
            assertThat(intruder.post("/api/invoices/" + target + "/allocation", null)
                            .status())
                    .isEqualTo(404);
            assertThat(fixture.getBytes(other, "/api/invoices/" + target + "/pdf")
                            .statusCode())
                    .isEqualTo(404);
            assertThat(intruder.patch("/api/invoices/" + target, "{\"type\": \"tax_invoice_receipt\"}")
                            .status())
                    .isEqualTo(404);
            assertThat(intruder.delete("/api/invoices/" + target).status()).isEqualTo(404);
        }
        assertThat(intruder.get("/api/invoices").<Integer>json("$.total")).isZero();
        assertThat(intruder.get("/api/invoices?customerId=" + customer).<Integer>json("$.total"))
                .isZero();
        assertThat(intruder.get("/api/invoices/export").body().lines().count()).isEqualTo(1);
        var foreignCustomer = intruder.post("/api/invoices", """
                {"customerId": "%s", "type": "tax_invoice", "lines": [{"description": "x", "quantity": 1, "unitPriceAgorot": 1}]}
                """.formatted(customer));
        assertThat(foreignCustomer.status()).isEqualTo(400);
        assertThat(foreignCustomer.<String>json("$.error")).isEqualTo("unknown_customer");
        // The original tenant's invoices are untouched.
        assertThat(owner.get("/api/invoices/" + id).<String>json("$.status")).isEqualTo("draft");
        assertThat(owner.get("/api/invoices/" + issued).<String>json("$.status"))
                .isEqualTo("issued");
        assertThat(owner.get("/api/invoices/" + id).<String>json("$.type")).isEqualTo("tax_invoice");

        // Settings are per tenant: the intruder neither sees nor changes the owner's.
        fixture.businessSettings(tenant, "העסק של א", 1700);
        assertThat(intruder.get("/api/invoices/settings").<Object>json("$.businessName"))
                .isNull();
        assertThat(intruder.put("/api/invoices/settings", "{\"vatRateBasisPoints\": 0, \"businessName\": \"נפרץ\"}")
                        .status())
                .isEqualTo(200);
        assertThat(owner.get("/api/invoices/settings").<String>json("$.businessName"))
                .isEqualTo("העסק של א");
        assertThat(owner.get("/api/invoices/settings").<Integer>json("$.vatRateBasisPoints"))
                .isEqualTo(1700);
        String afterSettings = simpleDraft(customer, 3000);
        owner.post("/api/invoices/" + afterSettings + "/issue", null);
        assertThat(BillingFixture.pdfText(fixture.getBytes(tenant, "/api/invoices/" + afterSettings + "/pdf")
                        .body()))
                .contains("העסק של א")
                .doesNotContain("נפרץ");
    }

    @Test
    void aRejectedAllocationKeepsTheInvoiceAwaitingWithTheReasonInHebrew() {
        UUID business = fixture.customer(tenant, "עוסק עם מספר שגוי", "123456789");
        String id = simpleDraft(business, 700_000);
        var issued = owner.post("/api/invoices/" + id + "/issue", null);
        assertThat(issued.<String>json("$.status")).isEqualTo("awaiting_allocation");
        assertThat(issued.<String>json("$.allocationStatus")).isEqualTo("rejected");
        assertThat(issued.<String>json("$.allocationRejectionReason"))
                .isEqualTo(SandboxAllocationProvider.INVALID_VAT_ID);
        assertThat(issued.<Integer>json("$.number")).isEqualTo(1);
        assertThat(owner.post("/api/invoices/" + id + "/pay", null).status()).isEqualTo(409);
        var retried = owner.post("/api/invoices/" + id + "/allocation", null);
        assertThat(retried.<String>json("$.allocationStatus")).isEqualTo("rejected");
        String text = BillingFixture.pdfText(
                fixture.getBytes(tenant, "/api/invoices/" + id + "/pdf").body());
        assertThat(text).contains("המסמך ממתין למספר הקצאה מרשות המסים");
    }

    @Test
    void listsPageSortAndFilterAndExportCsvWithABom() {
        UUID first = fixture.customer(tenant, "לקוח ראשון", null);
        UUID second = fixture.customer(tenant, "לקוח, שני", null);
        for (int i = 0; i < 3; i++) {
            owner.post("/api/invoices/" + simpleDraft(first, 1000 + i) + "/issue", null);
        }
        simpleDraft(second, 5000);
        draft(second, "tax_invoice_receipt", """
                {"description": "חשבונית מס קבלה", "quantity": 1, "unitPriceAgorot": 100}""");

        var page = owner.get("/api/invoices?limit=2&page=2&sort=createdAt");
        assertThat(page.<Integer>json("$.total")).isEqualTo(5);
        assertThat(page.<Integer>json("$.pages")).isEqualTo(3);
        assertThat(page.<List<?>>json("$.items")).hasSize(2);
        assertThat(owner.get("/api/invoices?status=issued&sort=-number").<List<Integer>>json("$.items[*].number"))
                .containsExactly(3, 2, 1);
        assertThat(owner.get("/api/invoices?type=tax_invoice_receipt").<Integer>json("$.total"))
                .isEqualTo(1);
        assertThat(owner.get("/api/invoices?customerId=" + second).<Integer>json("$.total"))
                .isEqualTo(2);
        assertThat(owner.get("/api/invoices?from=2000-01-01&to=2000-12-31").<Integer>json("$.total"))
                .isZero();
        assertThat(owner.get("/api/invoices?sort=password").status()).isEqualTo(400);
        assertThat(owner.get("/api/invoices?status=lost").status()).isEqualTo(400);
        assertThat(owner.get("/api/invoices?from=yesterday").status()).isEqualTo(400);

        var export = fixture.getBytes(tenant, "/api/invoices/export?status=draft");
        assertThat(export.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        String csv = new String(export.body(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFמספר,סוג מסמך,סטטוס,לקוח");
        assertThat(csv.lines().count()).isEqualTo(3);
        assertThat(csv).contains("\"לקוח, שני\"", "חשבונית מס קבלה", "טיוטה");
    }

    @Test
    void settingsAreTheOwnersAlone() {
        var agent = fixture.as(tenant, "agent");
        assertThat(agent.get("/api/invoices/settings").status()).isEqualTo(403);
        assertThat(agent.put("/api/invoices/settings", "{\"vatRateBasisPoints\": 0}")
                        .status())
                .isEqualTo(403);
        assertThat(owner.get("/api/invoices/settings").<Integer>json("$.vatRateBasisPoints"))
                .isEqualTo(1800);
        var invalid = owner.put("/api/invoices/settings", "{\"vatRateBasisPoints\": 10001}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.<String>json("$.details.fields.vatRateBasisPoints")).isNotBlank();
    }

    @Test
    void aDraftIsValidatedWithHebrewFieldMessages() {
        UUID customer = fixture.customer(tenant, "לקוח", null);
        var response = owner.post("/api/invoices", """
                {"customerId": "%s", "type": "credit_note",
                 "lines": [{"description": "", "quantity": 0.0001, "unitPriceAgorot": -5}]}
                """.formatted(customer));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.<String>json("$.error")).isEqualTo("validation_failed");
        assertThat(response.<java.util.Map<String, Object>>json("$.details.fields"))
                .containsKey("type");
    }

    @Test
    void aTenantWithInvoicesSwitchedOffGetsFeatureDisabled() {
        UUID customer = fixture.customer(tenant, "לקוח", null);
        String id = simpleDraft(customer, 1000);
        fixture.features(tenant, java.util.Map.of("invoices", false));
        BillingFixture.await(() -> owner.get("/api/invoices").status() == 403);
        var response = owner.post("/api/invoices/" + id + "/issue", null);
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.<String>json("$.error")).isEqualTo("feature_disabled");
        assertThat(response.<String>json("$.feature")).isEqualTo("invoices");
    }
}
