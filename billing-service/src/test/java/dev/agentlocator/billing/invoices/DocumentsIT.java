package dev.agentlocator.billing.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.billing.BillingFixture;
import dev.agentlocator.billing.PdfText;
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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
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

/** The documents an Israeli business issues: numbering per type, original and copy, receipts, credit notes. */
@ServiceIntegrationTest
@Import(MutableClock.Configuration.class)
class DocumentsIT {

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    BillingFixture fixture;
    UUID tenant;
    Api owner;

    @BeforeEach
    void setUp() {
        clock.set(MutableClock.DEFAULT);
        fixture = new BillingFixture(port, kafka, json, jdbc);
        tenant = UUID.randomUUID();
        owner = fixture.owner(tenant);
        fixture.businessSettings(tenant, "נדל״ן לדוגמה בע״מ", 1800);
    }

    private String draft(UUID customerId, String type, long unitPriceAgorot) {
        var response = owner.post("/api/invoices", """
                {"customerId": "%s", "type": "%s",
                 "lines": [{"description": "דמי תיווך", "quantity": 1, "unitPriceAgorot": %d}]}
                """.formatted(customerId, type, unitPriceAgorot));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json("$.id");
    }

    private String issued(UUID customerId, long unitPriceAgorot) {
        String id = draft(customerId, "tax_invoice", unitPriceAgorot);
        var response = owner.post("/api/invoices/" + id + "/issue", null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return id;
    }

    private Api.Response receipt(String payments, String... invoiceIds) {
        String ids = String.join(
                ",",
                java.util.Arrays.stream(invoiceIds).map(i -> "\"" + i + "\"").toList());
        return owner.post("/api/invoices/receipts", """
                {"invoiceIds": [%s], "payments": [%s]}""".formatted(ids, payments));
    }

    private byte[] pdf(String id) {
        var response = fixture.getBytes(tenant, "/api/invoices/" + id + "/pdf");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    @Test
    void eachDocumentTypeKeepsItsOwnGaplessSequenceUnderConcurrentIssuing() throws Exception {
        UUID customer = fixture.customer(tenant, "לקוח פרטי", null);
        List<String> invoices = new ArrayList<>();
        List<String> invoiceReceipts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            invoices.add(draft(customer, "tax_invoice", 10_000));
            invoiceReceipts.add(draft(customer, "tax_invoice_receipt", 10_000));
        }
        List<Callable<Api.Response>> work = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String invoice = invoices.get(i);
            String invoiceReceipt = invoiceReceipts.get(i);
            work.add(() -> owner.post("/api/invoices/" + invoice + "/issue", null));
            work.add(() -> owner.post("/api/invoices/" + invoiceReceipt + "/issue", """
                    {"payments": [{"method": "cash", "amountAgorot": 11800, "date": "2026-11-16"}]}"""));
        }
        Collections.shuffle(work, new java.util.Random(20));
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<Api.Response>> results = pool.invokeAll(work);
            for (var result : results) {
                assertThat(result.get().status()).as(result.get().body()).isEqualTo(200);
            }
            // Receipts against the tax invoices and credit notes for some of them, all at once.
            List<Callable<Api.Response>> more = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                String invoice = invoices.get(i);
                more.add(() ->
                        receipt("{\"method\": \"cash\", \"amountAgorot\": 11800, \"date\": \"2026-11-16\"}", invoice));
            }
            for (int i = 15; i < 30; i++) {
                String invoice = invoices.get(i);
                more.add(() -> owner.post("/api/invoices/" + invoice + "/credit", null));
            }
            for (var result : pool.invokeAll(more)) {
                assertThat(result.get().status()).as(result.get().body()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
        for (var expected : Map.of("tax_invoice", 30L, "tax_invoice_receipt", 30L, "receipt", 15L, "credit_note", 15L)
                .entrySet()) {
            List<Long> numbers = jdbc.sql("select number from invoice where tenant_id = ? and type = ? order by number")
                    .param(tenant)
                    .param(expected.getKey())
                    .query(Long.class)
                    .list();
            assertThat(numbers)
                    .as(expected.getKey())
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, expected.getValue())
                            .boxed()
                            .toList());
        }
    }

    @Test
    void theFirstPdfIsTheOriginalAndEveryLaterOneATrueCopyEvenWhenAskedForAtOnce() throws Exception {
        UUID customer = fixture.customer(tenant, "ישראל ישראלי", null);
        String id = issued(customer, 100_000);
        String draft = draft(customer, "tax_invoice", 100);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<PdfText> prints = new ArrayList<>();
        try {
            List<Callable<byte[]>> work = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                work.add(() -> pdf(id));
            }
            for (var f : pool.invokeAll(work)) {
                prints.add(PdfText.of(f.get()));
            }
        } finally {
            pool.shutdown();
        }
        assertThat(prints.stream().filter(p -> p.lines().contains("מקור"))).hasSize(1);
        assertThat(prints.stream().filter(p -> p.lines().contains("העתק נאמן למקור")))
                .hasSize(7);
        assertThat(PdfText.of(pdf(id)).lines()).contains("העתק נאמן למקור").doesNotContain("מקור");
        assertThat(owner.get("/api/invoices/" + id).<String>json("$.originalProducedAt"))
                .isNotNull();
        // A draft is not a document yet: neither original nor copy, and printing it uses up nothing.
        PdfText draftText = PdfText.of(pdf(draft));
        // pdftotext leaves the parentheses as drawn, mirrored: ")טיוטה(".
        assertThat(draftText.lineStarting("חשבונית מס")).contains("טיוטה");
        assertThat(draftText.lines()).doesNotContain("מקור", "העתק נאמן למקור");
    }

    @Test
    void anIssuedDocumentPrintsTheBusinessDetailsInForceWhenItWasIssued() {
        UUID customer = fixture.customer(tenant, "לקוח", null);
        String id = issued(customer, 50_000);
        var changed = owner.put("/api/invoices/settings", """
                {"vatRateBasisPoints": 1800, "businessName": "שם חדש בע״מ", "businessId": "123456782",
                 "address": "כתובת חדשה 5, חיפה", "phone": "04-7654321"}""");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        PdfText before = PdfText.of(pdf(id));
        assertThat(before.line("נדל״ן לדוגמה בע״מ")).isNotBlank();
        assertThat(before.line("עוסק מורשה")).contains("514000009");
        assertThat(before.has("שם חדש")).isFalse();
        assertThat(owner.get("/api/invoices/" + id).<String>json("$.business.businessName"))
                .isEqualTo("נדל״ן לדוגמה בע״מ");
        PdfText after = PdfText.of(pdf(issued(customer, 50_000)));
        assertThat(after.line("שם חדש בע״מ")).isNotBlank();
        assertThat(after.line("עוסק מורשה")).contains("123456782");
    }

    @Test
    void aReceiptRecordsPaymentsWithoutVatAndPaysTheInvoice() {
        UUID customer = fixture.customer(tenant, "חברת הדוגמה בע״מ", "123456782");
        String invoice = issued(customer, 400_000); // 4,000 ₪ + 720 ₪ VAT = 4,720 ₪
        var partial = receipt("""
                {"method": "cheque", "amountAgorot": 200000, "date": "2026-11-16", "bankNumber": "12",
                 "branchNumber": "345", "accountNumber": "678901", "chequeNumber": "1001",
                 "chequeDueDate": "2026-12-16"}""", invoice);
        assertThat(partial.status()).as(partial.body()).isEqualTo(201);
        assertThat(partial.<String>json("$.type")).isEqualTo("receipt");
        assertThat(partial.<Integer>json("$.number")).isEqualTo(1);
        assertThat(partial.<Integer>json("$.vatAgorot")).isZero();
        assertThat(partial.<Integer>json("$.totalAgorot")).isEqualTo(200_000);
        assertThat(partial.<String>json("$.payments[0].method")).isEqualTo("cheque");
        assertThat(partial.<String>json("$.payments[0].chequeNumber")).isEqualTo("1001");
        assertThat(partial.<String>json("$.settlements[0].invoiceId")).isEqualTo(invoice);
        var afterPartial = owner.get("/api/invoices/" + invoice);
        assertThat(afterPartial.<String>json("$.status")).isEqualTo("issued");
        assertThat(afterPartial.<Integer>json("$.paidAgorot")).isEqualTo(200_000);

        var rest = receipt("""
                {"method": "credit_card", "amountAgorot": 172000, "date": "2026-11-17", "cardLast4": "4242",
                 "cardCompany": "isracard", "installments": 3},
                {"method": "bit", "amountAgorot": 100000, "date": "2026-11-17", "reference": "BIT-778"}""", invoice);
        assertThat(rest.status()).as(rest.body()).isEqualTo(201);
        assertThat(rest.<Integer>json("$.number")).isEqualTo(2);
        var paid = owner.get("/api/invoices/" + invoice);
        assertThat(paid.<String>json("$.status")).isEqualTo("paid");
        assertThat(paid.<Integer>json("$.paidAgorot")).isEqualTo(472_000);
        assertThat(paid.<List<?>>json("$.settlements")).hasSize(2);
        var event = TopicReader.awaitRecord(
                Topics.BILLING_INVOICE,
                r -> r.value().contains(invoice) && r.value().contains("\"invoice.paid\""),
                Duration.ofSeconds(30));
        assertThat(event.key()).isEqualTo(customer.toString());

        PdfText receiptText = PdfText.of(pdf(rest.json("$.id")));
        assertThat(receiptText.line("קבלה מספר 2")).isNotBlank();
        assertThat(receiptText.lines()).contains("מקור");
        assertThat(receiptText.line("התקבל מאת")).contains("חברת הדוגמה בע״מ");
        assertThat(receiptText.line("תשלום עבור חשבונית מס מספר")).contains("2,720.00");
        assertThat(receiptText.line("כרטיס אשראי")).contains("ישראכרט", "4242", "תשלומים", "1,720.00");
        assertThat(receiptText.line("ביט")).contains("BIT-778", "1,000.00");
        assertThat(receiptText.line("סה״כ התקבל")).contains("2,720.00");
        assertThat(receiptText.line("קבלה אינה חשבונית מס ואינה כוללת מע״מ")).isNotBlank();
        assertThat(receiptText.has("מע״מ 18%")).isFalse();
        byte[] chequeReceipt = pdf(partial.json("$.id"));
        // pdftotext moves the spaces around the numbers; PDFBox's stripper keeps the words in order.
        assertThat(PdfText.of(chequeReceipt).line("בנק"))
                .contains("בנק", "12", "סניף", "345", "678901", "1001", "16/12/2026", "2,000.00");
        assertThat(BillingFixture.pdfText(chequeReceipt)).contains("בנק 12 סניף 345 חשבון 678901 המחאה 1001");
    }

    @Test
    void aPartialReceiptLeavesTheBalanceAndBothEventsTellThePaymentApartFromRevenue() {
        UUID customer = fixture.customer(tenant, "לקוח משלם", null);
        String invoice = issued(customer, 100_000); // 1,180.00 ₪ with VAT
        var partial = receipt("{\"method\": \"cash\", \"amountAgorot\": 30000, \"date\": \"2026-11-16\"}", invoice);
        assertThat(partial.status()).as(partial.body()).isEqualTo(201);
        var open = owner.get("/api/invoices/" + invoice);
        assertThat(open.<String>json("$.status")).isEqualTo("issued");
        assertThat(open.<Integer>json("$.paidAgorot")).isEqualTo(30_000);
        assertThat(open.<Integer>json("$.balanceAgorot")).isEqualTo(88_000);
        String receiptId = partial.json("$.id");
        var issuedReceipt = TopicReader.awaitRecord(
                Topics.BILLING_INVOICE,
                r -> r.value().contains(receiptId) && r.value().contains("\"receipt.issued\""),
                Duration.ofSeconds(30));
        assertThat(issuedReceipt.key()).isEqualTo(customer.toString());
        assertThat(issuedReceipt.value())
                .contains("\"settlements\":{\"" + invoice + "\":30000}", "\"payments\":{\"cash\":30000}")
                .doesNotContain("\"invoice.issued\"");

        // "Paid" in one action: a receipt for the balance, and the invoice is paid.
        var paid = owner.post("/api/invoices/" + invoice + "/pay", null);
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        assertThat(paid.<String>json("$.status")).isEqualTo("paid");
        assertThat(paid.<Integer>json("$.balanceAgorot")).isZero();
        var settled = owner.get("/api/invoices/" + invoice);
        assertThat(settled.<List<?>>json("$.settlements")).hasSize(2);
        String second = settled.<String>json("$.settlements[1].receiptId");
        var receipt = owner.get("/api/invoices/" + second);
        assertThat(receipt.<String>json("$.type")).isEqualTo("receipt");
        assertThat(receipt.<Integer>json("$.number")).isEqualTo(2);
        assertThat(receipt.<Integer>json("$.totalAgorot")).isEqualTo(88_000);
        assertThat(receipt.<String>json("$.payments[0].method")).isEqualTo("other");
        assertThat(receipt.<String>json("$.payments[0].paidOn")).isEqualTo("2026-11-16");
        var paidEvent = TopicReader.awaitRecord(
                Topics.BILLING_INVOICE,
                r -> r.value().contains(invoice) && r.value().contains("\"invoice.paid\""),
                Duration.ofSeconds(30));
        assertThat(paidEvent.value()).contains("\"receiptId\":\"" + second + "\"", "\"receiptNumber\":2");
        assertThat(owner.post("/api/invoices/" + invoice + "/pay", null).status())
                .as("paid already")
                .isEqualTo(409);
        PdfText text = PdfText.of(pdf(second));
        assertThat(text.line("קבלה מספר 2")).isNotBlank();
        assertThat(text.lines()).anyMatch(l -> l.endsWith("אחר") && l.contains("880.00"));
    }

    @Test
    void aReceiptIsRefusedForMissingChequeDetailsOverpaymentOrAnInvoiceNotYetIssued() {
        UUID customer = fixture.customer(tenant, "לקוח", null);
        String invoice = issued(customer, 10_000);
        String draft = draft(customer, "tax_invoice", 10_000);
        var cheque = receipt("""
                {"method": "cheque", "amountAgorot": 1000, "date": "2026-11-16", "bankNumber": "12"}""", invoice);
        assertThat(cheque.status()).isEqualTo(400);
        assertThat(cheque.<String>json("$.error")).isEqualTo("invalid_payment");
        assertThat(cheque.<String>json("$.message")).isEqualTo(Payments.CHEQUE_DETAILS);
        var letters = receipt("""
                {"method": "cheque", "amountAgorot": 1000, "date": "2026-11-16", "bankNumber": "12a",
                 "branchNumber": "345", "accountNumber": "678901", "chequeNumber": "1001",
                 "chequeDueDate": "2026-12-16"}""", invoice);
        assertThat(letters.status()).isEqualTo(400);
        assertThat(letters.<String>json("$.message")).isEqualTo(Payments.CHEQUE_DETAILS);
        assertThat(letters.<Integer>json("$.details.payment")).isZero();
        var card = receipt("{\"method\": \"credit_card\", \"amountAgorot\": 1000, \"date\": \"2026-11-16\"}", invoice);
        assertThat(card.<String>json("$.message")).isEqualTo(Payments.CARD_DETAILS);
        var over = receipt("{\"method\": \"cash\", \"amountAgorot\": 11801, \"date\": \"2026-11-16\"}", invoice);
        assertThat(over.status()).isEqualTo(400);
        assertThat(over.<String>json("$.error")).isEqualTo("overpayment");
        var ofDraft = receipt("{\"method\": \"cash\", \"amountAgorot\": 100, \"date\": \"2026-11-16\"}", draft);
        assertThat(ofDraft.status()).isEqualTo(409);
        var badMethod = receipt("{\"method\": \"barter\", \"amountAgorot\": 100, \"date\": \"2026-11-16\"}", invoice);
        assertThat(badMethod.status()).isEqualTo(400);
        assertThat(badMethod.<String>json("$.error")).isEqualTo("validation_failed");
        // Nothing of the refused receipts was kept: no receipt, no payment, no number used.
        assertThat(jdbc.sql("select count(*) from invoice where tenant_id = ? and type = 'receipt'")
                        .param(tenant)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from payment where tenant_id = ?")
                        .param(tenant)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(owner.get("/api/invoices/" + invoice).<Integer>json("$.paidAgorot"))
                .isZero();
        // Receipts are no longer drafted with lines and VAT.
        var receiptDraft = owner.post("/api/invoices", """
                {"customerId": "%s", "type": "receipt", "lines": [{"description": "x", "quantity": 1, "unitPriceAgorot": 1}]}
                """.formatted(customer));
        assertThat(receiptDraft.status()).isEqualTo(400);
    }

    @Test
    void aTaxInvoiceReceiptIsIssuedPaidWithItsPaymentsAndReadsSoInThePdf() {
        UUID customer = fixture.customer(tenant, "משה כהן", null);
        String id = draft(customer, "tax_invoice_receipt", 100_000);
        var mismatch = owner.post("/api/invoices/" + id + "/issue", """
                {"payments": [{"method": "cash", "amountAgorot": 100000, "date": "2026-11-16"}]}""");
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.<String>json("$.error")).isEqualTo("payments_mismatch");
        var issued = owner.post("/api/invoices/" + id + "/issue", """
                {"payments": [{"method": "bank_transfer", "amountAgorot": 100000, "date": "2026-11-16", "reference": "TR-55"},
                              {"method": "cash", "amountAgorot": 18000, "date": "2026-11-16"}]}""");
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        assertThat(issued.<String>json("$.status")).isEqualTo("paid");
        assertThat(issued.<Integer>json("$.number")).isEqualTo(1);
        assertThat(issued.<Integer>json("$.paidAgorot")).isEqualTo(118_000);
        assertThat(issued.<List<?>>json("$.payments")).hasSize(2);

        PdfText text = PdfText.of(pdf(id));
        assertThat(text.line("חשבונית מס קבלה מספר 1")).isNotBlank();
        assertThat(text.lines()).contains("מקור");
        assertThat(text.lineStarting("מע״מ")).contains("18%", "180.00");
        assertThat(text.line("סה״כ לתשלום")).contains("1,180.00");
        assertThat(text.line("העברה בנקאית")).contains("TR-55", "1,000.00");
        assertThat(text.line("מזומן")).contains("180.00");
        assertThat(text.line("סה״כ שולם")).contains("1,180.00");
        assertThat(text.lines()).noneMatch(l -> l.startsWith("קבלה"));
    }

    @Test
    void aCreditNoteReadsForCreditAndIsNegativeInTheListAndTheCsv() {
        UUID customer = fixture.customer(tenant, "לקוח לזיכוי", null);
        String invoice = issued(customer, 1_254_566); // 12,545.66 ₪ before VAT
        String credit = owner.post("/api/invoices/" + invoice + "/credit", null).json("$.id");
        PdfText text = PdfText.of(pdf(credit));
        assertThat(text.line("חשבונית זיכוי מספר 1")).isNotBlank();
        assertThat(text.line("זיכוי עבור חשבונית מס מספר 1")).isNotBlank();
        assertThat(text.line("סה״כ לזיכוי")).contains("14,803.88");
        assertThat(text.has("סה״כ לתשלום")).isFalse();
        var list = owner.get("/api/invoices?type=credit_note");
        assertThat(list.<Integer>json("$.items[0].totalAgorot")).isEqualTo(-1_480_388);
        var all = owner.get("/api/invoices?limit=10");
        long sum = all.<List<Integer>>json("$.items[*].totalAgorot").stream()
                .mapToLong(Integer::longValue)
                .sum();
        assertThat(sum).as("the invoice and its credit note add up to nothing").isZero();
        String csv = new String(fixture.getBytes(tenant, "/api/invoices/export").body(), StandardCharsets.UTF_8);
        assertThat(csv).contains("\"-12,545.66\",\"-2,258.22\",\"-14,803.88\"");
    }

    @Test
    void theBusinessVatNumberIsRefusedWithAHebrewMessageWhenItsCheckDigitIsWrong() {
        var wrong = owner.put("/api/invoices/settings", """
                {"vatRateBasisPoints": 1800, "businessName": "עסק", "businessId": "514000006"}""");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.<String>json("$.error")).isEqualTo("validation_failed");
        assertThat(wrong.<String>json("$.details.fields.businessId")).contains("ספרת הביקורת");
        assertThat(owner.get("/api/invoices/settings").<String>json("$.businessId"))
                .isEqualTo("514000009");
        var spaced = owner.put("/api/invoices/settings", """
                {"vatRateBasisPoints": 1800, "businessName": "עסק", "businessId": "12345-6782"}""");
        assertThat(spaced.status()).isEqualTo(200);
        assertThat(spaced.<String>json("$.businessId")).isEqualTo("123456782");
    }
}
