package dev.agentlocator.billing.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.billing.BillingFixture;
import dev.agentlocator.billing.PdfGraphics;
import dev.agentlocator.platform.events.Topics;
import dev.agentlocator.platform.kit.csv.Csv;
import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import dev.agentlocator.testkit.TopicReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

// The sweeper is driven by hand here, so that "nothing changes" checks are not raced by it.
@ServiceIntegrationTest
@TestPropertySource(properties = "agentlocator.billing.contracts.expiry-sweep=PT1H")
class ContractsIT {

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ContractExpiry expiry;

    BillingFixture fixture;
    UUID tenant;
    Api owner;
    UUID customer;
    /**
     * Each test signs from its own address, so the public rate limit of one never trips another.
     * The test connects from 127.0.0.1, a trusted proxy as the gateway is, and sends what the
     * gateway sends behind an ingress: the browser's address, then the ingress's (see {@link
     * #asBehindTheGateway}).
     */
    Api signer;

    @BeforeEach
    void setUp() {
        fixture = new BillingFixture(port, kafka, json, jdbc);
        tenant = UUID.randomUUID();
        owner = fixture.owner(tenant);
        fixture.businessSettings(tenant, "נדל״ן לדוגמה בע״מ", 1800);
        customer = fixture.customer(tenant, "דנה כהן", null);
        signer = asBehindTheGateway(randomIp()).withHeader("User-Agent", "Mozilla/5.0 (iPhone) test");
    }

    /** What billing receives for a browser at {@code clientAddress}: its address, then the ingress. */
    private Api asBehindTheGateway(String clientAddress) {
        return Api.at(port).withHeader("X-Forwarded-For", clientAddress + ", 10.0.0.1");
    }

    private static String randomIp() {
        var r = ThreadLocalRandom.current();
        return "198.51." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    private String contract() {
        var response = owner.post("/api/contracts", """
                {"customerId": "%s", "title": "הצעת מחיר לשיווק דירה",
                 "terms": "בלעדיות לשלושה חודשים",
                 "lines": [{"description": "עמלת תיווך", "quantity": 1, "unitPriceAgorot": 1000000},
                           {"description": "צילום מקצועי", "quantity": 2, "unitPriceAgorot": 25050}]}
                """.formatted(customer));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json("$.id");
    }

    private String send(String id) {
        var response = owner.post("/api/contracts/" + id + "/send", null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        String url = response.json("$.signingUrl");
        assertThat(url).matches("/sign/[A-Za-z0-9_-]{43}");
        return url.substring("/sign/".length());
    }

    private static String png() {
        var image = new BufferedImage(120, 40, BufferedImage.TYPE_INT_ARGB);
        var g = image.createGraphics();
        g.drawLine(5, 30, 110, 8);
        g.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
    }

    private Api.Response sign(String token, String signature) {
        return signer.post(
                "/api/public/sign/" + token,
                json.writeValueAsString(Map.of("signature", signature, "signerName", "דנה כהן")));
    }

    private Map<String, Object> row(String id) {
        return jdbc.sql("""
                        select status, token_used_at, signed_at, signer_name, signature, signed_pdf, updated_at
                        from contract where id = ?
                        """).param(UUID.fromString(id)).query().singleRow();
    }

    @Test
    void createsAContractWithTotalsForAKnownCustomerOnly() {
        String id = contract();
        var contract = owner.get("/api/contracts/" + id);
        assertThat(contract.<String>json("$.status")).isEqualTo("draft");
        assertThat(contract.<String>json("$.customerName")).isEqualTo("דנה כהן");
        assertThat(contract.<Integer>json("$.lines[1].totalAgorot")).isEqualTo(50_100);
        assertThat(contract.<Integer>json("$.subtotalAgorot")).isEqualTo(1_050_100);
        assertThat(contract.<Integer>json("$.vatAgorot")).isEqualTo(189_018);
        assertThat(contract.<Integer>json("$.totalAgorot")).isEqualTo(1_239_118);

        var unknown = owner.post("/api/contracts", """
                {"customerId": "%s", "title": "x", "lines": [{"description": "x", "quantity": 1, "unitPriceAgorot": 1}]}
                """.formatted(UUID.randomUUID()));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.<String>json("$.error")).isEqualTo("unknown_customer");

        var patched = owner.patch("/api/contracts/" + id, "{\"title\": \"הסכם תיווך\"}");
        assertThat(patched.<String>json("$.title")).isEqualTo("הסכם תיווך");
        assertThat(owner.get("/api/contracts?status=draft&sort=-createdAt").<Integer>json("$.total"))
                .isEqualTo(1);
    }

    @Test
    void signingRecordsTheEvidenceAndProducesASignedPdf() {
        String id = contract();
        String token = send(id);
        String tokenHash = jdbc.sql("select token_hash from contract where id = ?")
                .param(UUID.fromString(id))
                .query(String.class)
                .single();
        assertThat(tokenHash).isEqualTo(SigningTokens.hash(token)).doesNotContain(token);

        var view = signer.get("/api/public/sign/" + token);
        assertThat(view.status()).as(view.body()).isEqualTo(200);
        assertThat(view.<String>json("$.document.businessName")).isEqualTo("נדל״ן לדוגמה בע״מ");
        assertThat(view.<Integer>json("$.document.totalAgorot")).isEqualTo(1_239_118);
        assertThat(view.<String>json("$.status")).isEqualTo("viewed");
        assertThat(owner.get("/api/contracts/" + id).<String>json("$.status")).isEqualTo("viewed");
        String documentSha = view.json("$.documentSha256");

        var signed = signer.post(
                "/api/public/sign/" + token,
                json.writeValueAsString(
                        Map.of("signature", png(), "signerName", "דנה כהן", "documentSha256", documentSha)));
        assertThat(signed.status()).as(signed.body()).isEqualTo(204);

        var contract = owner.get("/api/contracts/" + id);
        assertThat(contract.<String>json("$.status")).isEqualTo("signed");
        assertThat(contract.<String>json("$.signerName")).isEqualTo("דנה כהן");
        assertThat(contract.<String>json("$.signerIp")).startsWith("198.51.").doesNotContain("10.0.0.1");
        assertThat(contract.<String>json("$.signerUserAgent")).isEqualTo("Mozilla/5.0 (iPhone) test");
        assertThat(contract.<String>json("$.signedDocumentSha256")).isEqualTo(documentSha);
        byte[] signedDocument = jdbc.sql("select signed_document from contract where id = ?")
                .param(UUID.fromString(id))
                .query((rs, n) -> rs.getBytes(1))
                .single();
        assertThat(SigningTokens.sha256Hex(signedDocument)).isEqualTo(documentSha);

        var pdf = fixture.getBytes(tenant, "/api/contracts/" + id + "/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        String text = BillingFixture.pdfText(pdf.body());
        assertThat(text).contains("נדל״ן לדוגמה בע״מ", "לכבוד: דנה כהן", "סה״כ: 12,391.18 ₪");
        assertThat(text).contains("נחתם על ידי: דנה כהן", documentSha).doesNotContain("ןהכ הנד");
        // In reading order: the business, then the customer, then the total, then the signature.
        assertThat(text.indexOf("נדל״ן לדוגמה בע״מ"))
                .isLessThan(text.indexOf("לכבוד: דנה כהן"))
                .isLessThan(text.indexOf("סה״כ: 12,391.18 ₪"))
                .isLessThan(text.indexOf("נחתם על ידי: דנה כהן"));
        assertThat(text.indexOf("לכבוד: דנה כהן")).isLessThan(text.indexOf("סה״כ: 12,391.18 ₪"));
        // The drawn PNG itself is on the signature's page, at its own pixel size.
        var graphics = PdfGraphics.ofPageWith(pdf.body(), "נחתם על ידי");
        assertThat(graphics.images).containsExactly(new PdfGraphics.PlacedImage(120, 40));
        assertThat(graphics.imageResources).hasSize(1);

        TopicReader.awaitRecord(
                Topics.BILLING_CONTRACT,
                r -> r.value().contains(id) && r.value().contains("\"contract.signed\""),
                Duration.ofSeconds(30));
    }

    /** What signature_pad's toSVG() gives: stroked cubic paths, a dot as a circle; plus Q and a polyline. */
    static final String SIGNATURE_SVG = """
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
                 viewBox="0 0 300 100" width="300" height="100">
              <path d="M 10.000,80.000 C 20.000,10.000 40.000,10.000 60.000,50.000" stroke-width="2.250"
                    stroke="#1a2b3c" fill="none" stroke-linecap="round"></path>
              <path d="M 60,50 Q 90,90 120,40 L 150,60" stroke="#1a2b3c" fill="none" stroke-width="2"/>
              <polyline points="160,60 200,20 240,60" stroke="#1a2b3c" fill="none"/>
              <circle r="1.5" cx="270" cy="50" fill="#1a2b3c"></circle>
            </svg>""";

    private static String svgDataUrl(String svg) {
        return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anSvgSignatureIsDrawnAsPathsOnTheSignedPdf() {
        String id = contract();
        String token = send(id);
        assertThat(sign(token, svgDataUrl(SIGNATURE_SVG)).status()).isEqualTo(204);
        assertThat(row(id).get("signature")).isEqualTo(SIGNATURE_SVG.getBytes(StandardCharsets.UTF_8));

        byte[] pdf = fixture.getBytes(tenant, "/api/contracts/" + id + "/pdf").body();
        String text = BillingFixture.pdfText(pdf);
        assertThat(text.indexOf("נדל״ן לדוגמה בע״מ"))
                .isLessThan(text.indexOf("לכבוד: דנה כהן"))
                .isLessThan(text.indexOf("סה״כ: 12,391.18 ₪"))
                .isLessThan(text.indexOf("נחתם על ידי: דנה כהן"));
        var graphics = PdfGraphics.ofPageWith(pdf, "נחתם על ידי");
        assertThat(graphics.images).isEmpty();
        float[] ink = {0x1a / 255f, 0x2b / 255f, 0x3c / 255f};
        var strokes = graphics.paths.stream()
                .filter(p -> p.paint().equals("stroke") && p.strokeRgb().length == 3)
                .toList();
        // The C path, the Q path with its line, the polyline: stroked in the signer's ink.
        assertThat(strokes)
                .hasSize(3)
                .allSatisfy(p ->
                        assertThat(p.strokeRgb()).containsExactly(ink, org.assertj.core.data.Offset.offset(0.01f)));
        assertThat(strokes.stream().mapToInt(PdfGraphics.PaintedPath::curves).sum())
                .isEqualTo(2);
        assertThat(strokes.stream().mapToInt(PdfGraphics.PaintedPath::lines).sum())
                .isEqualTo(3);
        // The dot: a filled circle of four curves. Only the signature draws curves on this page.
        assertThat(graphics.paths)
                .filteredOn(p -> p.paint().equals("fill"))
                .extracting(PdfGraphics.PaintedPath::curves)
                .containsExactly(4);
        assertThat(graphics.curveCount()).isEqualTo(2 + 4);
    }

    @Test
    void exportsTheFilteredContractsAsCsvWithABom() {
        String first = contract();
        String second = contract();
        owner.patch("/api/contracts/" + second, "{\"title\": \"הסכם, בלעדיות \\\"מלאה\\\"\"}");
        send(second);
        UUID otherCustomer = fixture.customer(tenant, "=HYPERLINK(\"http://evil.test\")", null);
        owner.post("/api/contracts", """
                {"customerId": "%s", "title": "הצעה ללקוח אחר",
                 "lines": [{"description": "x", "quantity": 1, "unitPriceAgorot": 100}]}
                """.formatted(otherCustomer));

        var export = fixture.getBytes(tenant, "/api/contracts/export?sort=title");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(export.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("attachment", "contracts.csv");
        assertThat(export.body()).startsWith(0xEF, 0xBB, 0xBF);
        var rows = Csv.parse(new String(export.body(), StandardCharsets.UTF_8));
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).startsWith("כותרת", "לקוח", "סטטוס", "סכום לפני מע״מ", "מע״מ", "סה״כ");
        assertThat(rows.get(1))
                .startsWith(
                        "הסכם, בלעדיות \"מלאה\"",
                        "דנה כהן",
                        "נשלח לחתימה",
                        "10,501.00",
                        "1,890.18",
                        "12,391.18",
                        "ILS");
        assertThat(rows.get(1).get(11)).isEqualTo(second);
        // A customer name that Excel would run as a formula is defused.
        assertThat(rows.stream().map(r -> r.get(1))).contains("'=HYPERLINK(\"http://evil.test\")");

        var drafts = Csv.parse(new String(
                fixture.getBytes(tenant, "/api/contracts/export?status=draft&customerId=" + customer)
                        .body(),
                StandardCharsets.UTF_8));
        assertThat(drafts).hasSize(2);
        assertThat(drafts.get(1).get(11)).isEqualTo(first);
        assertThat(drafts.get(1).get(2)).isEqualTo("טיוטה");
        assertThat(owner.get("/api/contracts/export?status=lost").status()).isEqualTo(400);
        assertThat(owner.get("/api/contracts/export?sort=signature").status()).isEqualTo(400);
        assertThat(owner.get("/api/contracts/export?customerId=nope").status()).isEqualTo(400);
    }

    @Test
    void aUsedTokenIsRefusedAndChangesNothing() {
        String id = contract();
        String token = send(id);
        assertThat(sign(token, png()).status()).isEqualTo(204);
        var before = row(id);

        var again = sign(token, png());
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.<String>json("$.error")).isEqualTo("signing_link_used");
        assertThat(signer.get("/api/public/sign/" + token).status()).isEqualTo(410);
        assertThat(signer.post("/api/public/sign/" + token + "/decline", null).status())
                .isEqualTo(410);
        assertThat(row(id)).usingRecursiveComparison().isEqualTo(before);
    }

    @Test
    void anExpiredTokenIsRefusedAndChangesNothing() {
        String id = contract();
        String token = send(id);
        jdbc.sql("update contract set token_expires_at = now() - interval '1 minute' where id = ?")
                .param(UUID.fromString(id))
                .update();
        var before = row(id);

        var view = signer.get("/api/public/sign/" + token);
        assertThat(view.status()).isEqualTo(410);
        assertThat(view.<String>json("$.error")).isEqualTo("signing_link_expired");
        assertThat(view.<String>json("$.message")).isEqualTo(SigningService.LINK_EXPIRED);
        assertThat(sign(token, png()).status()).isEqualTo(410);
        assertThat(signer.post("/api/public/sign/" + token + "/decline", null).status())
                .isEqualTo(410);
        assertThat(row(id)).usingRecursiveComparison().isEqualTo(before);
        assertThat(before.get("status")).isEqualTo("sent");
    }

    @Test
    void aForgedTokenIsRefusedAndChangesNothing() {
        String id = contract();
        String token = send(id);
        var before = row(id);
        String forged = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
        for (String bad : List.of(forged, "not-a-token", "x".repeat(43))) {
            var response = sign(bad, png());
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.<String>json("$.error")).isEqualTo("signing_link_not_found");
            assertThat(signer.get("/api/public/sign/" + bad).status()).isEqualTo(404);
            assertThat(signer.post("/api/public/sign/" + bad + "/decline", null).status())
                    .isEqualTo(404);
        }
        assertThat(row(id)).usingRecursiveComparison().isEqualTo(before);
    }

    @Test
    void anOversizedOrMalformedSignatureIs400AndTheLinkStillWorks() {
        String id = contract();
        String token = send(id);
        var before = row(id);
        byte[] huge = new byte[300 * 1024];
        huge[0] = (byte) 0x89;
        List<String> bad = List.of(
                "data:image/png;base64," + Base64.getEncoder().encodeToString(huge),
                "data:image/png;base64," + Base64.getEncoder().encodeToString("not a png".getBytes()),
                "data:image/png;base64,%%%not-base64%%%",
                "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA",
                "data:image/svg+xml;base64,"
                        + Base64.getEncoder()
                                .encodeToString(
                                        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                                                .getBytes()),
                "data:image/svg+xml;base64,"
                        + Base64.getEncoder()
                                .encodeToString(("<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM"
                                                + " \"file:///etc/passwd\">]><svg>&x;</svg>")
                                        .getBytes()),
                svgDataUrl(
                        "<svg xmlns=\"http://www.w3.org/2000/svg\"><path d=\"M0 0 A5 5 0 0 1 9 9\" stroke=\"red\"/></svg>"),
                svgDataUrl("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"9\" height=\"9\"/></svg>"),
                svgDataUrl("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>"),
                svgDataUrl("<svg xmlns=\"http://www.w3.org/2000/svg\">" + "<circle r=\"1\"/>".repeat(2001) + "</svg>"),
                "javascript:alert(1)");
        for (String signature : bad) {
            var response = sign(token, signature);
            assertThat(response.status())
                    .as(signature.substring(0, Math.min(60, signature.length())))
                    .isEqualTo(400);
            assertThat(response.<String>json("$.error")).isIn("invalid_signature", "signature_too_large");
        }
        assertThat(row(id)).usingRecursiveComparison().isEqualTo(before);
        String svg = svgDataUrl(
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><path d=\"M0 0 L10 10\" stroke=\"black\"/></svg>");
        assertThat(sign(token, svg).status()).isEqualTo(204);
    }

    @Test
    void declineEndsTheLinkAndIsRecorded() {
        String id = contract();
        String token = send(id);
        assertThat(signer.post("/api/public/sign/" + token + "/decline", null).status())
                .isEqualTo(204);
        assertThat(owner.get("/api/contracts/" + id).<String>json("$.status")).isEqualTo("declined");
        assertThat(sign(token, png()).status()).isEqualTo(410);
        assertThat(owner.post("/api/contracts/" + id + "/send", null).status()).isEqualTo(409);
    }

    @Test
    void editingASentContractWithdrawsItsLink() {
        String id = contract();
        String token = send(id);
        var patched = owner.patch("/api/contracts/" + id, "{\"terms\": \"תנאים חדשים\"}");
        assertThat(patched.<String>json("$.status")).isEqualTo("draft");
        assertThat(signer.get("/api/public/sign/" + token).status()).isEqualTo(404);
        // The timeline hears of it, so its last word on the contract is no longer "sent for signature".
        var withdrawn = TopicReader.awaitRecord(
                Topics.BILLING_CONTRACT,
                r -> r.value().contains(id) && r.value().contains("\"contract.updated\""),
                Duration.ofSeconds(30));
        assertThat(withdrawn.key()).isEqualTo(customer.toString());
        assertThat(withdrawn.value()).contains("\"signingLinkWithdrawn\":true", "\"status\":\"draft\"");
        // Editing a draft is an update too, with no link to withdraw.
        owner.patch("/api/contracts/" + id, "{\"title\": \"הצעה מעודכנת\"}");
        var edited = TopicReader.awaitRecord(
                Topics.BILLING_CONTRACT,
                r -> r.value().contains(id) && r.value().contains("הצעה מעודכנת"),
                Duration.ofSeconds(30));
        assertThat(edited.value()).contains("\"contract.updated\"").doesNotContain("signingLinkWithdrawn");
    }

    @Test
    void aQuoteBecomesADraftInvoiceWithItsLinesInOneActionAndOnlyOnce() {
        String id = contract();
        send(id);
        var converted = owner.post("/api/contracts/" + id + "/invoice", null);
        assertThat(converted.status()).as(converted.body()).isEqualTo(201);
        String invoiceId = converted.json("$.invoiceId");
        assertThat(invoiceId).isNotNull();
        assertThat(owner.get("/api/contracts/" + id).<String>json("$.invoiceId"))
                .isEqualTo(invoiceId);
        var invoice = owner.get("/api/invoices/" + invoiceId);
        assertThat(invoice.<String>json("$.status")).isEqualTo("draft");
        assertThat(invoice.<String>json("$.type")).isEqualTo("tax_invoice");
        assertThat(invoice.<String>json("$.customerId")).isEqualTo(customer.toString());
        assertThat(invoice.<List<String>>json("$.lines[*].description")).containsExactly("עמלת תיווך", "צילום מקצועי");
        // 10,000 + 2 × 250.50 = 10,501.00 before VAT, as on the quote
        assertThat(invoice.<Integer>json("$.subtotalAgorot")).isEqualTo(1_050_100);
        assertThat(owner.post("/api/invoices/" + invoiceId + "/issue", null).status())
                .isEqualTo(200);

        var again = owner.post("/api/contracts/" + id + "/invoice", "{\"type\": \"tax_invoice_receipt\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.<String>json("$.error")).isEqualTo("already_invoiced");
        assertThat(again.<String>json("$.details.invoiceId")).isEqualTo(invoiceId);
        assertThat(again.<String>json("$.message")).isEqualTo(ContractService.ALREADY_INVOICED);

        String receiptQuote = contract();
        var asReceipt =
                owner.post("/api/contracts/" + receiptQuote + "/invoice", "{\"type\": \"tax_invoice_receipt\"}");
        assertThat(asReceipt.status()).as(asReceipt.body()).isEqualTo(201);
        assertThat(owner.get("/api/invoices/" + asReceipt.json("$.invoiceId")).<String>json("$.type"))
                .isEqualTo("tax_invoice_receipt");
    }

    @Test
    void aQuoteIsRefusedAsAnInvoiceWhenDeclinedForABadTypeOrAnotherTenants() {
        String declined = contract();
        String token = send(declined);
        assertThat(signer.post("/api/public/sign/" + token + "/decline", null).status())
                .isEqualTo(204);
        var refused = owner.post("/api/contracts/" + declined + "/invoice", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.<String>json("$.message")).isEqualTo(ContractService.NOT_INVOICEABLE);

        String id = contract();
        var badType = owner.post("/api/contracts/" + id + "/invoice", "{\"type\": \"receipt\"}");
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.<String>json("$.error")).isEqualTo("validation_failed");
        assertThat(badType.<String>json("$.details.fields.type")).contains("חשבונית מס");
        var malformed = owner.post("/api/contracts/" + id + "/invoice", "{\"type\": ");
        assertThat(malformed.status()).isEqualTo(400);
        var intruder = fixture.owner(UUID.randomUUID()).post("/api/contracts/" + id + "/invoice", null);
        assertThat(intruder.status()).isEqualTo(404);
        assertThat(owner.post("/api/contracts/" + UUID.randomUUID() + "/invoice", null)
                        .status())
                .isEqualTo(404);
        // Nothing was half made: no invoice for any of the refused attempts.
        assertThat(owner.get("/api/contracts/" + id).<String>json("$.invoiceId"))
                .isNull();
        assertThat(jdbc.sql("select count(*) from invoice where tenant_id = ?")
                        .param(tenant)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void overdueLinksExpireTheContractAndTellTheTimeline() {
        String id = contract();
        send(id);
        jdbc.sql("update contract set token_expires_at = now() - interval '1 day' where id = ?")
                .param(UUID.fromString(id))
                .update();
        assertThat(expiry.expireOverdue()).isGreaterThanOrEqualTo(1);
        assertThat(owner.get("/api/contracts/" + id).<String>json("$.status")).isEqualTo("expired");
        TopicReader.awaitRecord(
                Topics.BILLING_CONTRACT,
                r -> r.value().contains(id) && r.value().contains("\"contract.expired\""),
                Duration.ofSeconds(30));
    }

    @Test
    void theSignerCannotNameTheirOwnAddress() {
        String id = contract();
        String token = send(id);
        String real = randomIp();
        // The browser's own claim stands left of what the proxies wrote, and is never believed.
        var claiming = Api.at(port)
                .withHeader("X-Forwarded-For", "192.0.2.66, " + real + ", 10.0.0.1")
                .withHeader("User-Agent", "Mozilla/5.0 (iPhone) test");
        String documentSha = claiming.get("/api/public/sign/" + token).json("$.documentSha256");

        var signed = claiming.post(
                "/api/public/sign/" + token,
                json.writeValueAsString(
                        Map.of("signature", png(), "signerName", "דנה כהן", "documentSha256", documentSha)));

        assertThat(signed.status()).as(signed.body()).isEqualTo(204);
        assertThat(owner.get("/api/contracts/" + id).<String>json("$.signerIp")).isEqualTo(real);
    }

    @Test
    void thePublicEndpointsAreRateLimitedPerAddress() {
        Api flooder = asBehindTheGateway("192.0.2.99");
        int limited = 0;
        for (int i = 0; i < 40; i++) {
            var response = flooder.get("/api/public/sign/" + "y".repeat(43));
            if (response.status() == 429) {
                limited++;
                assertThat(response.<String>json("$.error")).isEqualTo("rate_limited");
            }
        }
        assertThat(limited).isPositive();
        // Another address is not affected.
        assertThat(signer.get("/api/public/sign/" + "y".repeat(43)).status()).isEqualTo(404);
    }

    @Test
    void anotherTenantSeesNoneOfTheContractsOnAnyEndpoint() {
        String id = contract();
        UUID other = UUID.randomUUID();
        Api intruder = fixture.owner(other);
        assertThat(intruder.get("/api/contracts/" + id).status()).isEqualTo(404);
        assertThat(intruder.patch("/api/contracts/" + id, "{\"title\": \"נפרץ\"}")
                        .status())
                .isEqualTo(404);
        assertThat(intruder.post("/api/contracts/" + id + "/send", null).status())
                .isEqualTo(404);
        assertThat(fixture.getBytes(other, "/api/contracts/" + id + "/pdf").statusCode())
                .isEqualTo(404);
        assertThat(intruder.get("/api/contracts").<Integer>json("$.total")).isZero();
        assertThat(intruder.get("/api/contracts?customerId=" + customer).<Integer>json("$.total"))
                .isZero();
        assertThat(Csv.parse(new String(
                        fixture.getBytes(other, "/api/contracts/export").body(), StandardCharsets.UTF_8)))
                .hasSize(1);
        var foreignCustomer = intruder.post("/api/contracts", """
                {"customerId": "%s", "title": "x", "lines": [{"description": "x", "quantity": 1, "unitPriceAgorot": 1}]}
                """.formatted(customer));
        assertThat(foreignCustomer.status()).isEqualTo(400);
        assertThat(foreignCustomer.<String>json("$.error")).isEqualTo("unknown_customer");
        assertThat(owner.get("/api/contracts/" + id).<String>json("$.title")).isEqualTo("הצעת מחיר לשיווק דירה");
        assertThat(owner.get("/api/contracts/" + id).<String>json("$.status")).isEqualTo("draft");

        // Signed, its stored PDF stays the owner's alone too.
        assertThat(sign(send(id), png()).status()).isEqualTo(204);
        assertThat(fixture.getBytes(other, "/api/contracts/" + id + "/pdf").statusCode())
                .isEqualTo(404);
        assertThat(intruder.get("/api/contracts/" + id).status()).isEqualTo(404);
        assertThat(fixture.getBytes(tenant, "/api/contracts/" + id + "/pdf").statusCode())
                .isEqualTo(200);
    }

    @Test
    void withSignaturesSwitchedOffNeitherSendingNorThePublicPageWorks() {
        String id = contract();
        String token = send(id);
        fixture.features(tenant, Map.of("signatures", false));
        // Wait on a read: retrying the send while the flag is still on would replace the token.
        BillingFixture.await(() -> signer.get("/api/public/sign/" + token).status() == 403);
        assertThat(owner.post("/api/contracts/" + id + "/send", null).status()).isEqualTo(403);
        var view = signer.get("/api/public/sign/" + token);
        assertThat(view.status()).isEqualTo(403);
        assertThat(view.<String>json("$.feature")).isEqualTo("signatures");
        assertThat(sign(token, png()).status()).isEqualTo(403);
        // Contracts themselves stay available.
        assertThat(owner.get("/api/contracts/" + id).status()).isEqualTo(200);
    }
}
