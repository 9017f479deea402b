package dev.agentlocator.crm.customers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.crm.Accounts;
import dev.agentlocator.crm.Accounts.Account;
import dev.agentlocator.platform.events.Topics;
import dev.agentlocator.platform.kit.errors.Messages;
import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import dev.agentlocator.testkit.TestJwt;
import dev.agentlocator.testkit.TopicReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ServiceIntegrationTest
class CustomersIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void pagesSixtyCustomersIntoThreePagesWithTheRightTotals() {
        var owner = Accounts.signUp(port, "עסק");
        for (int i = 0; i < 60; i++) {
            create(owner, "לקוח " + i, "052-" + (3000000 + i));
        }

        for (int page = 1; page <= 3; page++) {
            var response = owner.api().get("/api/crm/customers?limit=25&page=" + page);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.<Integer>json("$.total")).isEqualTo(60);
            assertThat(response.<Integer>json("$.pages")).isEqualTo(3);
            assertThat(response.<Integer>json("$.page")).isEqualTo(page);
            assertThat(response.<Integer>json("$.limit")).isEqualTo(25);
            assertThat(response.<Integer>json("$.items.length()")).isEqualTo(page < 3 ? 25 : 10);
        }
        var byName = owner.api().get("/api/crm/customers?sort=name&limit=2");
        assertThat(byName.<List<String>>json("$.items[*].name")).containsExactly("לקוח 0", "לקוח 1");
    }

    @Test
    void aLimitAbove100IsCappedNotRefused() {
        var owner = Accounts.signUp(port, "עסק");
        var response = owner.api().get("/api/crm/customers?limit=1000");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.<Integer>json("$.limit")).isEqualTo(100);
    }

    @Test
    void badPagingValuesAre400JsonWithAHebrewMessage() {
        var owner = Accounts.signUp(port, "עסק");
        for (String query : List.of("page=0", "limit=abc", "limit=-1", "sort=password")) {
            var response = owner.api().get("/api/crm/customers?" + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.isJson()).isTrue();
            assertThat(response.<String>json("$.message")).containsPattern("[א-ת]");
        }
    }

    @Test
    void searchFindsHebrewNamesPartialPhonesAndEmails() {
        var owner = Accounts.signUp(port, "עסק");
        create(owner, "ישראל ישראלי", "050-1234567");
        create(owner, "דנה כהן", "+972 54 765 4321");
        create(owner, "Moshe", "03-6234567", "moshe@example.co.il");

        assertThat(names(owner, "q=ישראל")).containsExactly("ישראל ישראלי");
        assertThat(names(owner, "q=כה")).containsExactly("דנה כהן");
        assertThat(names(owner, "q=0501234")).containsExactly("ישראל ישראלי");
        assertThat(names(owner, "q=7654")).containsExactly("דנה כהן");
        assertThat(names(owner, "q=97254")).containsExactly("דנה כהן");
        assertThat(names(owner, "q=EXAMPLE.CO")).containsExactly("Moshe");
        assertThat(names(owner, "q=אין%20כזה")).isEmpty();
    }

    @Test
    void filtersByStatusTagSourceAndOwner() {
        var owner = Accounts.signUp(port, "עסק");
        owner.api().post("/api/crm/customers", """
                {"name":"חם","phone":"050-1111111","status":"qualified","tags":["vip"],"source":"whatsapp",
                 "ownerId":"%s"}""".formatted(owner.userId()));
        create(owner, "קר", "050-2222222");

        assertThat(names(owner, "status=qualified")).containsExactly("חם");
        assertThat(names(owner, "tag=vip")).containsExactly("חם");
        assertThat(names(owner, "source=whatsapp")).containsExactly("חם");
        assertThat(names(owner, "ownerId=" + owner.userId())).containsExactly("חם");
        assertThat(owner.api().get("/api/crm/customers?ownerId=nope").status()).isEqualTo(400);
    }

    @Test
    void createNormalisesThePhoneAndADuplicatePhoneIsAConflictNamingTheExistingCustomer() {
        var owner = Accounts.signUp(port, "עסק");
        var created = create(owner, "יוסי", "050-1234567");
        assertThat(created.<String>json("$.phone")).isEqualTo("+972501234567");
        assertThat(created.<String>json("$.status")).isEqualTo("new");

        var duplicate = owner.api().post("/api/crm/customers", "{\"name\":\"אחר\",\"phone\":\"972501234567\"}");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.<String>json("$.error")).isEqualTo("duplicate_phone");
        assertThat(duplicate.<String>json("$.details.existingId")).isEqualTo(created.json("$.id"));

        var invalid = owner.api().post("/api/crm/customers", "{\"name\":\"x\",\"phone\":\"123\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.<String>json("$.details.fields.phone")).containsPattern("[א-ת]");
    }

    @Test
    void aVatDealerNumberIsCheckedWhenEnteredNotWhenAnInvoiceIsRejectedAndIsStoredAsNineDigits() {
        var owner = Accounts.signUp(port, "עסק");
        var wrongCheckDigit = owner.api()
                .post("/api/crm/customers", "{\"name\":\"חברה\",\"phone\":\"050-2000001\",\"vatId\":\"514000001\"}");
        assertThat(wrongCheckDigit.status()).isEqualTo(400);
        assertThat(wrongCheckDigit.<String>json("$.details.fields.vatId")).contains("ספרת הביקורת");
        assertThat(count(owner)).isZero();

        var grouped = owner.api()
                .post("/api/crm/customers", "{\"name\":\"חברה\",\"phone\":\"050-2000001\",\"vatId\":\"51-400000-9\"}");
        assertThat(grouped.status()).as(grouped.body()).isEqualTo(201);
        assertThat(grouped.<String>json("$.vatId")).isEqualTo("514000009");

        String id = grouped.json("$.id");
        var update = owner.api().patch("/api/crm/customers/" + id, "{\"vatId\":\"123456789\"}");
        assertThat(update.status()).isEqualTo(400);
        assertThat(owner.api().get("/api/crm/customers/" + id).<String>json("$.vatId"))
                .isEqualTo("514000009");

        var imported = owner.api()
                .send(
                        "POST",
                        "/api/crm/customers/import",
                        "name,phone,vatId\nעוסק,050-2000002,123456789\n",
                        "text/csv");
        assertThat(imported.<Integer>json("$.created")).isZero();
        assertThat(imported.<List<String>>json("$.rejected[*].reason"))
                .singleElement()
                .asString()
                .contains("ספרת הביקורת");
    }

    @Test
    void israeliSharedCostAndTollFreeNumbersAreCustomersPhonesAndGarbageIsRefusedInHebrew() {
        var owner = Accounts.signUp(port, "עסק");
        assertThat(create(owner, "מוקד", "1-700-500-500").<String>json("$.phone"))
                .isEqualTo("+9721700500500");
        assertThat(create(owner, "חינם", "1800200200").<String>json("$.phone")).isEqualTo("+9721800200200");
        assertThat(owner.api()
                        .post("/api/crm/customers", "{\"name\":\"שוב\",\"phone\":\"+972 1-700-500-500\"}")
                        .status())
                .as("every spelling of a number is the same customer")
                .isEqualTo(409);

        var garbage = owner.api().post("/api/crm/customers", "{\"name\":\"x\",\"phone\":\"050-ABC-DEFG\"}");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.<String>json("$.details.fields.phone"))
                .isEqualTo("מספר הטלפון אינו תקין. לדוגמה: 050-1234567");
        assertThat(count(owner)).isEqualTo(2);
    }

    @Test
    void updateAndSoftDelete() {
        var owner = Accounts.signUp(port, "עסק");
        String id = create(owner, "יוסי", "050-1234567").json("$.id");

        var updated = owner.api().patch("/api/crm/customers/" + id, "{\"status\":\"contacted\",\"area\":\"רמת גן\"}");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.<String>json("$.status")).isEqualTo("contacted");
        assertThat(updated.<String>json("$.name")).isEqualTo("יוסי");

        assertThat(owner.api().delete("/api/crm/customers/" + id).status()).isEqualTo(204);
        assertThat(owner.api().get("/api/crm/customers/" + id).status()).isEqualTo(404);
        assertThat(owner.api().get("/api/crm/customers").<Integer>json("$.total"))
                .isZero();
        assertThat(create(owner, "יוסי שוב", "050-1234567").status())
                .as("the phone is free again")
                .isEqualTo(201);
        assertThat(count(owner))
                .as("the unfiltered total follows creates and deletes")
                .isEqualTo(1);
    }

    @Test
    void anotherTenantGets404ForEveryIdAndNeverSeesTheCustomers() {
        var a = Accounts.signUp(port, "עסק א");
        var b = Accounts.signUp(port, "עסק ב");
        String id = create(a, "לקוח של א", "050-7777777").json("$.id");

        assertThat(b.api().get("/api/crm/customers/" + id).status()).isEqualTo(404);
        assertThat(b.api()
                        .patch("/api/crm/customers/" + id, "{\"name\":\"נגנב\"}")
                        .status())
                .isEqualTo(404);
        assertThat(b.api().delete("/api/crm/customers/" + id).status()).isEqualTo(404);
        assertThat(b.api().get("/api/crm/customers").<Integer>json("$.total")).isZero();
        assertThat(b.api().get("/api/crm/customers?q=לקוח").<Integer>json("$.total"))
                .isZero();
        assertThat(b.api().get("/api/crm/customers?q=7777").<Integer>json("$.total"))
                .isZero();
        assertThat(b.api().get("/api/crm/customers/export").body()).doesNotContain("לקוח של א", "+972507777777");
        assertThat(create(b, "אותו טלפון", "050-7777777").status())
                .as("phones are unique per tenant")
                .isEqualTo(201);
        assertThat(a.api().get("/api/crm/customers/" + id).<String>json("$.name"))
                .isEqualTo("לקוח של א");
    }

    @Test
    void aViewerReadsButCannotWrite() {
        var owner = Accounts.signUp(port, "עסק");
        var viewer = Accounts.addUser(port, owner, "viewer");
        String id = create(owner, "יוסי", "050-1234567").json("$.id");

        assertThat(viewer.api().get("/api/crm/customers").status()).isEqualTo(200);
        for (var response : List.of(
                viewer.api().post("/api/crm/customers", "{\"name\":\"x\",\"phone\":\"050-9999999\"}"),
                viewer.api().patch("/api/crm/customers/" + id, "{\"name\":\"x\"}"),
                viewer.api().delete("/api/crm/customers/" + id),
                viewer.api().send("POST", "/api/crm/customers/import", "name,phone\nx,050-9999999\n", "text/csv"),
                viewer.api().put("/api/tenant/features", "{\"crm\":false}"))) {
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.<String>json("$.error")).isEqualTo("forbidden");
        }
        assertThat(count(owner)).isEqualTo(1);
    }

    @Test
    void aDisabledFeatureIs403FeatureDisabledAndTheChangeIsPublished() {
        var owner = Accounts.signUp(port, "עסק");
        var agent = Accounts.addUser(port, owner, "agent");

        assertThat(agent.api().put("/api/tenant/features", "{\"crm\":false}").status())
                .isEqualTo(403);
        var off = owner.api().put("/api/tenant/features", "{\"crm\":false}");
        assertThat(off.status()).isEqualTo(200);
        assertThat(off.<Boolean>json("$.crm")).isFalse();
        assertThat(off.<Boolean>json("$.calls")).isTrue();

        var refused = agent.api().get("/api/crm/customers");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.<String>json("$.error")).isEqualTo("feature_disabled");
        assertThat(refused.<String>json("$.feature")).isEqualTo("crm");
        assertThat(refused.<String>json("$.message")).containsPattern("[א-ת]");
        assertThat(owner.api().get("/api/tenant/features").<Boolean>json("$.crm"))
                .isFalse();

        TopicReader.awaitRecord(
                Topics.CRM_TENANT,
                r -> r.key().equals(owner.tenantId()) && r.value().contains("\"crm\":false"),
                Duration.ofSeconds(20));

        assertThat(owner.api().put("/api/tenant/features", "{\"crm\":true}").status())
                .isEqualTo(200);
        assertThat(agent.api().get("/api/crm/customers").status()).isEqualTo(200);
        assertThat(owner.api()
                        .put("/api/tenant/features", "{\"teleport\":true}")
                        .status())
                .isEqualTo(400);
        assertThat(owner.api()
                        .put("/api/tenant/features", "{\"crm\":\"maybe\"}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void malformedOversizedAndMistypedBodiesAre400Or413AndWriteNothing() {
        var owner = Accounts.signUp(port, "עסק");
        var malformed = owner.api().post("/api/crm/customers", "{\"name\": \"x\", ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.<String>json("$.error")).isEqualTo("malformed_body");

        var mistyped = owner.api()
                .post("/api/crm/customers", "{\"name\":\"x\",\"phone\":\"050-1234567\",\"budgetAgorot\":\"lots\"}");
        assertThat(mistyped.status()).isEqualTo(400);
        var mistypedTags =
                owner.api().post("/api/crm/customers", "{\"name\":\"x\",\"phone\":\"050-1234567\",\"tags\":{\"a\":1}}");
        assertThat(mistypedTags.status()).isEqualTo(400);
        var badStatus = owner.api()
                .post("/api/crm/customers", "{\"name\":\"x\",\"phone\":\"050-1234567\",\"status\":\"zombie\"}");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.<String>json("$.error")).isEqualTo("validation_failed");

        String huge = "{\"name\":\"x\",\"phone\":\"050-1234567\",\"notes\":\"" + "א".repeat(800_000) + "\"}";
        var oversized = owner.api().post("/api/crm/customers", huge);
        assertThat(oversized.status()).isEqualTo(413);
        assertThat(oversized.<String>json("$.error")).isEqualTo("payload_too_large");

        assertThat(count(owner)).isZero();
        assertThat(jdbc.sql("select count(*) from customer where tenant_id = ?")
                        .param(UUID.fromString(owner.tenantId()))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void importReportsRejectedRowsInHebrewAndImportingTheSameFileTwiceCreatesNothingNew() {
        var owner = Accounts.signUp(port, "עסק");
        String csv = """
                name,phone,email,status,tags,area
                ישראל ישראלי,050-1234567,israel@example.co.il,new,חם;משקיע,תל אביב
                "כהן, דנה",02-6234567,,contacted,,רמת גן
                ,050-5555555,,,,
                בלי טלפון,,,,,
                טלפון שגוי,12345,,,,
                סטטוס מוזר,050-6666666,,zombie,,
                כפול בקובץ,0501234567,,,,
                """;

        var first = owner.api().send("POST", "/api/crm/customers/import", csv, "text/csv");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.<Integer>json("$.rows")).isEqualTo(7);
        assertThat(first.<Integer>json("$.created")).isEqualTo(2);
        assertThat(first.<Integer>json("$.duplicates")).isEqualTo(1);
        assertThat(first.<List<Integer>>json("$.rejected[*].row")).containsExactly(4, 5, 6, 7);
        assertThat(first.<List<String>>json("$.rejected[*].reason")).allMatch(r -> r.matches(".*[א-ת].*"));

        var second = owner.api().send("POST", "/api/crm/customers/import", csv, "text/csv");
        assertThat(second.<Integer>json("$.created")).isZero();
        assertThat(count(owner)).isEqualTo(2);
        assertThat(names(owner, "tag=משקיע")).containsExactly("ישראל ישראלי");
    }

    @Test
    void importAppliesTheApisFieldLimitsRowByRowAndWritesNothingForAnOversizedRow() {
        var owner = Accounts.signUp(port, "עסק");
        String huge = "9".repeat(2 * 1024 * 1024);
        String csv = String.join(
                "\n",
                "name,phone,email,vatId,tags,notes,area",
                "טובה,050-1000001,,,,,",
                "ח.פ. ענק,050-1000002,,%s,,,".formatted(huge),
                "%s,050-1000003,,,,,".formatted("ש".repeat(201)),
                "טלפון ענק,%s,,,,,".formatted(huge),
                "אימייל ענק,050-1000005,%s@example.test,,,,".formatted("a".repeat(300)),
                "תגית ענקית,050-1000006,,,%s,,".formatted("ת".repeat(51)),
                "הערות ענקיות,050-1000007,,,,%s,".formatted("ה".repeat(5001)),
                "אזור ענק,050-1000008,,,,,%s".formatted("א".repeat(101)),
                "");

        var report = owner.api().send("POST", "/api/crm/customers/import", csv, "text/csv; charset=utf-8");

        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.<Integer>json("$.created")).isEqualTo(1);
        assertThat(report.<List<Integer>>json("$.rejected[*].row")).containsExactly(3, 4, 5, 6, 7, 8, 9);
        assertThat(report.<List<String>>json("$.rejected[*].reason"))
                .containsExactly(
                        "מספר העוסק ארוך מדי",
                        "השם ארוך מדי",
                        "מספר הטלפון ארוך מדי",
                        "כתובת האימייל ארוכה מדי",
                        "תגית יכולה להכיל עד 50 תווים",
                        "ההערות ארוכות מדי",
                        "שם האזור ארוך מדי");
        assertThat(names(owner, "")).containsExactly("טובה");
        assertThat(jdbc.sql("select count(*) from outbox_event where tenant_id = ? and event_type = 'customer.created'")
                        .param(UUID.fromString(owner.tenantId()))
                        .query(Long.class)
                        .single())
                .as("an event only for the row that was written")
                .isEqualTo(1);
    }

    @Test
    void importReasonsNeverEchoAHugeCell() {
        var owner = Accounts.signUp(port, "עסק");
        String csv = "name,phone,rooms,budgetAgorot\nחדרים,050-1000001,%s,\nתקציב,050-1000002,,%s\n"
                .formatted("x".repeat(100_000), "y".repeat(100_000));

        var report = owner.api().send("POST", "/api/crm/customers/import", csv, "text/csv");

        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.<List<String>>json("$.rejected[*].reason"))
                .hasSize(2)
                .allMatch(reason -> reason.length() < 100);
    }

    @Test
    void aMultipartBodyThatIsNotMultipartIsA400SayingTheFileIsMissingAndWritesNothing() {
        var owner = Accounts.signUp(port, "עסק");

        var response = owner.api()
                .send(
                        "POST",
                        "/api/crm/customers/import",
                        "name,phone\nרונית,054-1111111\n",
                        "multipart/form-data; boundary=x");

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.<String>json("$.error")).isEqualTo("missing_part");
        assertThat(response.<String>json("$.message")).isEqualTo(Messages.MISSING_PART.formatted("file"));
        assertThat(count(owner)).isZero();
    }

    @Test
    void aTruncatedMultipartUploadIsA400InHebrewAndWritesNothing() {
        var owner = Accounts.signUp(port, "עסק");
        String body = "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nname,phone\r\nרונית,054-1111111\r\n";

        var response = owner.api().send("POST", "/api/crm/customers/import", body, "multipart/form-data; boundary=x");

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.<String>json("$.error")).isEqualTo("malformed_multipart");
        assertThat(response.<String>json("$.message")).isEqualTo(Messages.MALFORMED_MULTIPART);
        assertThat(count(owner)).isZero();
    }

    @Test
    void anEmptyCsvBodySaysTheFileIsEmptyNotThatTheJsonIsInvalid() {
        var owner = Accounts.signUp(port, "עסק");

        var response = owner.api().send("POST", "/api/crm/customers/import", "", "text/csv");

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.<String>json("$.error")).isEqualTo("empty_file");
        assertThat(response.<String>json("$.message")).doesNotContain("JSON").contains("הקובץ ריק");
    }

    @Test
    void importAcceptsAMultipartUpload() {
        var owner = Accounts.signUp(port, "עסק");
        String boundary = "----agentlocator" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n\uFEFFשם,טלפון\r\nרונית,054-1111111\r\n--" + boundary + "--\r\n";
        var response = owner.api()
                .send("POST", "/api/crm/customers/import", body, "multipart/form-data; boundary=" + boundary);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.<Integer>json("$.created")).isEqualTo(1);
    }

    @Test
    void importRefusesBytesThatAreNotInTheCharsetAndHonoursADeclaredOne() throws Exception {
        var owner = Accounts.signUp(port, "עסק");
        byte[] header = "name,phone\n".getBytes(StandardCharsets.UTF_8);
        byte[] broken = {(byte) 0xC3, 0x28, (byte) 0xFF, ',', '0', '5', '0', '1', '2', '3', '4', '5', '6', '7', '\n'};
        var invalid = importBytes(owner, concat(header, broken), "text/csv");
        assertThat(invalid.statusCode()).as(invalid.body()).isEqualTo(400);
        assertThat(invalid.body()).contains("\"invalid_encoding\"");
        assertThat(count(owner)).as("nothing imported as U+FFFD").isZero();

        byte[] tooLarge =
                concat(header, "x".repeat(CustomerController.MAX_IMPORT_BYTES).getBytes(StandardCharsets.UTF_8));
        assertThat(importBytes(owner, tooLarge, "text/csv").statusCode()).isEqualTo(413);

        byte[] windows1255 = "name,phone\nרונית,054-1111111\n".getBytes(Charset.forName("windows-1255"));
        var declared = importBytes(owner, windows1255, "text/csv; charset=windows-1255");
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(200);
        assertThat(names(owner, "")).containsExactly("רונית");
    }

    private HttpResponse<String> importBytes(Account owner, byte[] body, String contentType) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/crm/customers/import"))
                .header("Authorization", "Bearer " + owner.accessToken())
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] out = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, out, first.length, second.length);
        return out;
    }

    @Test
    void exportIsUtf8WithABomAndRespectsTheSearch() {
        var owner = Accounts.signUp(port, "עסק");
        create(owner, "כהן, יוסי", "050-1234567");
        create(owner, "דנה", "050-7654321");

        var all = owner.api().get("/api/crm/customers/export");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.header("Content-Type")).startsWith("text/csv");
        assertThat(all.header("Content-Disposition")).contains("attachment");
        assertThat(all.body()).startsWith("\uFEFFname,phone,");
        assertThat(all.body()).contains("\"כהן, יוסי\",+972501234567", "דנה,+972507654321");

        var searched = owner.api().get("/api/crm/customers/export?q=דנה");
        assertThat(searched.body()).contains("דנה").doesNotContain("יוסי");
    }

    @Test
    void aCreateEmitsCustomerCreatedOnTheCustomerTopic() {
        var owner = Accounts.signUp(port, "עסק");
        String id = create(owner, "אירוע", "050-4444444").json("$.id");

        var record = TopicReader.awaitRecord(Topics.CRM_CUSTOMER, r -> id.equals(r.key()), Duration.ofSeconds(20));

        assertThat(record.value())
                .contains("\"type\":\"customer.created\"")
                .contains("\"tenantId\":\"" + owner.tenantId() + "\"")
                .contains("\"phone\":\"+972504444444\"")
                .contains("\"name\":\"אירוע\"");
    }

    @Test
    void theInternalResolveFindsOrCreatesALeadForTheTokensTenantOnly() {
        var owner = Accounts.signUp(port, "עסק");
        String existing = create(owner, "יוסי", "050-1234567").json("$.id");
        // a service token as telephony-service gets it: from crm's token endpoint, with its own secret
        var issued = Api.at(port)
                .send(
                        "POST",
                        "/internal/auth/token",
                        "grant_type=client_credentials&client_id=telephony-service&client_secret="
                                + TestJwt.TELEPHONY_CLIENT_SECRET + "&tenant_id=" + owner.tenantId(),
                        "application/x-www-form-urlencoded");
        var telephony = Api.at(port).withToken(issued.json("$.access_token"));

        var found = telephony.post("/internal/customers/resolve", "{\"phone\":\"+972501234567\"}");
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.<String>json("$.customer.id")).isEqualTo(existing);
        assertThat(found.<Boolean>json("$.created")).isFalse();

        var lead = telephony.post("/internal/customers/resolve", "{\"phone\":\"03-5551234\"}");
        assertThat(lead.<Boolean>json("$.created")).isTrue();
        assertThat(lead.<String>json("$.customer.source")).isEqualTo("call");

        // issue 18: a WhatsApp writer becomes a lead from whatsapp, named by their profile
        var writer = telephony.post(
                "/internal/customers/resolve",
                "{\"phone\":\"+972541112233\",\"source\":\"whatsapp\",\"name\":\"דנה כהן\"}");
        assertThat(writer.<Boolean>json("$.created")).isTrue();
        assertThat(writer.<String>json("$.customer.source")).isEqualTo("whatsapp");
        assertThat(writer.<String>json("$.customer.name")).isEqualTo("דנה כהן");
        assertThat(writer.<String>json("$.customer.phone")).isEqualTo("+972541112233");
        var unknownSource =
                telephony.post("/internal/customers/resolve", "{\"phone\":\"+972541112244\",\"source\":\"fax\"}");
        assertThat(unknownSource.status()).isEqualTo(400);

        assertThat(owner.api()
                        .post("/internal/customers/resolve", "{\"phone\":\"050-1234567\"}")
                        .status())
                .as("a user token is not a service token")
                .isEqualTo(403);
        assertThat(count(owner)).isEqualTo(3);
    }

    private Api.Response create(Account account, String name, String phone) {
        return create(account, name, phone, null);
    }

    private Api.Response create(Account account, String name, String phone, String email) {
        String body = email == null
                ? "{\"name\":\"%s\",\"phone\":\"%s\"}".formatted(name.replace("\"", "\\\""), phone)
                : "{\"name\":\"%s\",\"phone\":\"%s\",\"email\":\"%s\"}".formatted(name, phone, email);
        var response = account.api().post("/api/crm/customers", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response;
    }

    private static List<String> names(Account account, String query) {
        var response = account.api().get("/api/crm/customers?limit=100&" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json("$.items[*].name");
    }

    private static int count(Account account) {
        return account.api().get("/api/crm/customers").json("$.total");
    }
}
