package dev.agentlocator.billing.exports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.billing.BillingFixture;
import dev.agentlocator.billing.PdfText;
import dev.agentlocator.platform.kit.csv.Csv;
import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.MutableClock;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The owner's downloads: the unified format as the Tax Authority lays it out, and the monthly package. */
@ServiceIntegrationTest
@Import(MutableClock.Configuration.class)
class ExportsIT {

    static final Charset ISO_8859_8 = Charset.forName("ISO-8859-8");

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
    String invoice;
    String invoiceReceipt;
    String receipt;
    String creditNote;

    @BeforeEach
    void setUp() {
        clock.set(MutableClock.DEFAULT); // 2026-11-16, 10:00 in Israel
        fixture = new BillingFixture(port, kafka, json, jdbc);
        tenant = UUID.randomUUID();
        owner = fixture.owner(tenant);
        fixture.businessSettings(tenant, "נדל״ן לדוגמה בע״מ", 1800);
        UUID customer = fixture.customer(tenant, "חברת הלקוח בע״מ", null);
        invoice = issue(customer, "tax_invoice", 100_000, null);
        invoiceReceipt = issue(customer, "tax_invoice_receipt", 50_000, """
                {"payments": [{"method": "cash", "amountAgorot": 59000, "date": "2026-11-16"}]}""");
        var paid = owner.post("/api/invoices/receipts", """
                {"invoiceIds": ["%s"], "payments": [{"method": "bank_transfer", "amountAgorot": 118000,
                 "date": "2026-11-16", "reference": "T-1"}]}""".formatted(invoice));
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        receipt = paid.json("$.id");
        String toCredit = issue(customer, "tax_invoice", 20_000, null);
        creditNote = owner.post("/api/invoices/" + toCredit + "/credit", null).json("$.id");
    }

    private String issue(UUID customer, String type, long price, String body) {
        String id = owner.post("/api/invoices", """
                {"customerId": "%s", "type": "%s", "lines": [{"description": "שירות", "quantity": 1, "unitPriceAgorot": %d}]}
                """.formatted(customer, type, price))
                .json("$.id");
        var issued = owner.post("/api/invoices/" + id + "/issue", body);
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        return id;
    }

    @Test
    void theUnifiedFormatIsLaidOutUnderOpenfrmtWithBkmvdataCompressedAndItsTotalsAgree() {
        clock.set(java.time.Instant.parse("2026-12-07T08:30:00Z")); // produced 7 Dec, 10:30 in Israel
        var response = fixture.getBytes(tenant, "/api/invoices/exports/unified-format?from=2026-11-01&to=2026-11-30");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
        Map<String, byte[]> zip = unzip(response.body());
        String folder = "OPENFRMT/51400000.26/12071030/";
        assertThat(zip).containsOnlyKeys(folder + "INI.TXT", folder + "BKMVDATA.zip");
        Map<String, byte[]> inner = unzip(zip.get(folder + "BKMVDATA.zip"));
        assertThat(inner).containsOnlyKeys("BKMVDATA.TXT");

        List<String> data = List.of(new String(inner.get("BKMVDATA.TXT"), ISO_8859_8).split("\r\n"));
        List<String> ini = List.of(new String(zip.get(folder + "INI.TXT"), ISO_8859_8).split("\r\n"));
        // A100, 5 documents (tax invoice, tax invoice-receipt, receipt, tax invoice, credit note) with their
        // 4 lines and 2 payments, Z900.
        assertThat(data).hasSize(1 + 5 + 4 + 2 + 1);
        assertThat(data.get(0)).startsWith("A100");
        assertThat(data.get(data.size() - 1)).startsWith("Z900").contains("000000000000013");
        assertThat(ini.get(0).substring(9, 24)).as("field 1002 = field 1155").isEqualTo("000000000000013");
        assertThat(ini.get(0).substring(33, 48)).isEqualTo(data.get(0).substring(22, 37));
        assertThat(ini.get(0).substring(134, 184).strip()).isEqualTo("OPENFRMT\\51400000.26\\12071030");
        assertThat(ini.subList(1, ini.size()))
                .containsExactlyInAnyOrder("C100000000000000005", "D110000000000000004", "D120000000000000002");
        Map<String, Long> totals = new LinkedHashMap<>();
        for (String record : data) {
            if (record.startsWith("C100")) {
                totals.merge(record.substring(22, 25), Long.parseLong(record.substring(347, 362)), Long::sum);
            }
        }
        assertThat(totals)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("305", 118_000L + 23_600L, "320", 59_000L, "400", 118_000L, "330", 23_600L));
        String customer = data.stream()
                .filter(r -> r.startsWith("C100"))
                .findFirst()
                .orElseThrow()
                .substring(57, 107);
        assertThat(customer.strip()).isEqualTo("חברת הלקוח בע\"מ");

        assertThat(fixture.getBytes(tenant, "/api/invoices/exports/unified-format?from=2026-11-30&to=2026-11-01")
                        .statusCode())
                .isEqualTo(400);
        assertThat(fixture.getBytes(tenant, "/api/invoices/exports/unified-format?from=yesterday&to=2026-11-01")
                        .statusCode())
                .isEqualTo(400);
        var agent =
                fixture.as(tenant, "agent").get("/api/invoices/exports/unified-format?from=2026-11-01&to=2026-11-30");
        assertThat(agent.status()).isEqualTo(403);
        UUID other = UUID.randomUUID();
        var noBusiness = fixture.owner(other).get("/api/invoices/exports/unified-format?from=2026-11-01&to=2026-11-30");
        assertThat(noBusiness.status()).isEqualTo(409);
        assertThat(noBusiness.<String>json("$.error")).isEqualTo("business_id_required");
    }

    @Test
    void theAccountantPackageHasEveryDocumentOfTheMonthInACsvAndEachOnesPdfAsACopy() {
        var response = fixture.getBytes(tenant, "/api/invoices/exports/accountant-package?month=2026-11");
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, byte[]> zip = unzip(response.body());
        assertThat(zip)
                .containsKeys(
                        "documents-2026-11.csv",
                        "pdf/tax_invoice-1.pdf",
                        "pdf/tax_invoice-2.pdf",
                        "pdf/tax_invoice_receipt-1.pdf",
                        "pdf/receipt-1.pdf",
                        "pdf/credit_note-1.pdf");
        List<List<String>> csv =
                Csv.parse(new String(zip.get("documents-2026-11.csv"), StandardCharsets.UTF_8).substring(1));
        assertThat(csv.get(0))
                .containsExactly(
                        "מספר",
                        "סוג מסמך",
                        "תאריך",
                        "לקוח",
                        "מספר עוסק של הלקוח",
                        "סכום לפני מע״מ",
                        "מע״מ",
                        "סה״כ",
                        "מספר הקצאה",
                        "סטטוס");
        assertThat(csv).hasSize(6);
        assertThat(csv)
                .anySatisfy(row -> assertThat(row)
                        .containsExactly(
                                "1",
                                "חשבונית זיכוי",
                                "2026-11-16",
                                "חברת הלקוח בע״מ",
                                "",
                                "-200.00",
                                "-36.00",
                                "-236.00",
                                "",
                                "הופקה"));
        assertThat(csv)
                .anySatisfy(row -> assertThat(row)
                        .containsExactly(
                                "1",
                                "קבלה",
                                "2026-11-16",
                                "חברת הלקוח בע״מ",
                                "",
                                "1,180.00",
                                "0.00",
                                "1,180.00",
                                "",
                                "הופקה"));
        PdfText copy = PdfText.of(zip.get("pdf/tax_invoice-1.pdf"));
        assertThat(copy.lines()).contains("העתק נאמן למקור").doesNotContain("מקור");
        // The package took copies: the original is still there for the customer.
        PdfText first = PdfText.of(
                fixture.getBytes(tenant, "/api/invoices/" + invoice + "/pdf").body());
        assertThat(first.lines()).contains("מקור");
        assertThat(fixture.getBytes(tenant, "/api/invoices/exports/accountant-package?month=11-2026")
                        .statusCode())
                .isEqualTo(400);
        assertThat(unzip(fixture.getBytes(UUID.randomUUID(), "/api/invoices/exports/accountant-package?month=2026-11")
                        .body()))
                .as("another tenant's package is empty but for the CSV header")
                .containsOnlyKeys("documents-2026-11.csv");
    }

    private static Map<String, byte[]> unzip(byte[] bytes) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }
}
