package dev.agentlocator.billing.exports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.billing.common.LineItem;
import dev.agentlocator.billing.common.SoftwareProperties;
import dev.agentlocator.billing.invoices.Invoice;
import dev.agentlocator.billing.invoices.Payment;
import dev.agentlocator.billing.settings.BusinessDetails;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The unified format checked field by field against the specification ("הוראות להפקת קבצים במבנה
 * אחיד", version 1.31, sections 3.1, 3.2 and 4.1-4.5): each field's number and columns are copied here
 * from the specification's tables, independently of the writer, and every record is read back by them.
 */
class UnifiedFormatTest {

    static final Charset ISO_8859_8 = Charset.forName("ISO-8859-8");

    /** A field as the specification's table lists it: number, first and last column (1-based). */
    record Field(int number, int from, int to) {}

    static final Map<String, Integer> LENGTHS =
            Map.of("A000", 466, "A100", 95, "C100", 444, "D110", 339, "D120", 222, "Z900", 110, "SUMMARY", 19);

    /** Section 3.1, INI.TXT leading record (fields 1031 and 1033 are cancelled, 0 wide). */
    static final List<Field> A000 = List.of(
            f(1000, 1, 4),
            f(1001, 5, 9),
            f(1002, 10, 24),
            f(1003, 25, 33),
            f(1004, 34, 48),
            f(1005, 49, 56),
            f(1006, 57, 64),
            f(1007, 65, 84),
            f(1008, 85, 104),
            f(1009, 105, 113),
            f(1010, 114, 133),
            f(1011, 134, 134),
            f(1012, 135, 184),
            f(1013, 185, 185),
            f(1014, 186, 186),
            f(1015, 187, 195),
            f(1016, 196, 204),
            f(1017, 205, 214),
            f(1018, 215, 264),
            f(1019, 265, 314),
            f(1020, 315, 324),
            f(1021, 325, 354),
            f(1022, 355, 362),
            f(1023, 363, 366),
            f(1024, 367, 374),
            f(1025, 375, 382),
            f(1026, 383, 390),
            f(1027, 391, 394),
            f(1028, 395, 395),
            f(1029, 396, 396),
            f(1030, 397, 416),
            f(1032, 417, 419),
            f(1034, 420, 420),
            f(1035, 421, 466));
    /** Section 3.2, a summary record. */
    static final List<Field> SUMMARY = List.of(f(1050, 1, 4), f(1051, 5, 19));
    /** Section 4.1. */
    static final List<Field> A100 =
            List.of(f(1100, 1, 4), f(1101, 5, 13), f(1102, 14, 22), f(1103, 23, 37), f(1104, 38, 45), f(1105, 46, 95));
    /** Section 4.2. */
    static final List<Field> Z900 = List.of(
            f(1150, 1, 4),
            f(1151, 5, 13),
            f(1152, 14, 22),
            f(1153, 23, 37),
            f(1154, 38, 45),
            f(1155, 46, 60),
            f(1156, 61, 110));
    /** Section 4.3 (fields 1227, 1229 and 1232 are cancelled). */
    static final List<Field> C100 = List.of(
            f(1200, 1, 4),
            f(1201, 5, 13),
            f(1202, 14, 22),
            f(1203, 23, 25),
            f(1204, 26, 45),
            f(1205, 46, 53),
            f(1206, 54, 57),
            f(1207, 58, 107),
            f(1208, 108, 157),
            f(1209, 158, 167),
            f(1210, 168, 197),
            f(1211, 198, 205),
            f(1212, 206, 235),
            f(1213, 236, 237),
            f(1214, 238, 252),
            f(1215, 253, 261),
            f(1216, 262, 269),
            f(1217, 270, 284),
            f(1218, 285, 287),
            f(1219, 288, 302),
            f(1220, 303, 317),
            f(1221, 318, 332),
            f(1222, 333, 347),
            f(1223, 348, 362),
            f(1224, 363, 374),
            f(1225, 375, 389),
            f(1226, 390, 399),
            f(1228, 400, 400),
            f(1230, 401, 408),
            f(1231, 409, 415),
            f(1233, 416, 424),
            f(1234, 425, 431),
            f(1235, 432, 444));
    /** Section 4.4 (fields 1269 and 1271 are cancelled). */
    static final List<Field> D110 = List.of(
            f(1250, 1, 4),
            f(1251, 5, 13),
            f(1252, 14, 22),
            f(1253, 23, 25),
            f(1254, 26, 45),
            f(1255, 46, 49),
            f(1256, 50, 52),
            f(1257, 53, 72),
            f(1258, 73, 73),
            f(1259, 74, 93),
            f(1260, 94, 123),
            f(1261, 124, 173),
            f(1262, 174, 203),
            f(1263, 204, 223),
            f(1264, 224, 240),
            f(1265, 241, 255),
            f(1266, 256, 270),
            f(1267, 271, 285),
            f(1268, 286, 289),
            f(1270, 290, 296),
            f(1272, 297, 304),
            f(1273, 305, 311),
            f(1274, 312, 318),
            f(1275, 319, 339));
    /** Section 4.5 (fields 1316-1319 and 1321 are cancelled). */
    static final List<Field> D120 = List.of(
            f(1300, 1, 4),
            f(1301, 5, 13),
            f(1302, 14, 22),
            f(1303, 23, 25),
            f(1304, 26, 45),
            f(1305, 46, 49),
            f(1306, 50, 50),
            f(1307, 51, 60),
            f(1308, 61, 70),
            f(1309, 71, 85),
            f(1310, 86, 95),
            f(1311, 96, 103),
            f(1312, 104, 118),
            f(1313, 119, 119),
            f(1314, 120, 139),
            f(1315, 140, 140),
            f(1320, 141, 147),
            f(1322, 148, 155),
            f(1323, 156, 162),
            f(1324, 163, 222));

    static Field f(int number, int from, int to) {
        return new Field(number, from, to);
    }

    static final UUID CUSTOMER = UUID.fromString("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
    static final OffsetDateTime ISSUED = OffsetDateTime.parse("2026-11-16T08:05:00Z"); // 10:05 in Israel
    static final BusinessDetails BUSINESS =
            new BusinessDetails("נדל״ן לדוגמה בע״מ", "514000009", "הרצל 1, תל אביב", null);

    static Invoice document(
            UUID id, String type, long number, List<LineItem> lines, long subtotal, long vat, UUID creditOf) {
        return new Invoice(
                id,
                CUSTOMER,
                "חברת הלקוח בע״מ",
                "123456782",
                type,
                type.equals("tax_invoice_receipt") ? "paid" : "issued",
                number,
                lines,
                type.equals("receipt") ? 0 : 1800,
                subtotal,
                vat,
                subtotal + vat,
                0,
                "ILS",
                creditOf,
                null,
                "not_required",
                null,
                null,
                null,
                null,
                0,
                null,
                BUSINESS,
                null,
                ISSUED,
                null,
                null,
                ISSUED,
                ISSUED);
    }

    @Test
    void everyFieldIsWhereTheSpecificationPutsItAndTheTotalsAddUp() {
        UUID invoiceId = UUID.randomUUID();
        Invoice invoice = document(
                invoiceId,
                "tax_invoice",
                7,
                List.of(
                        LineItem.of("דמי תיווך", BigDecimal.ONE, 1_000_000),
                        LineItem.of("שמאות", new BigDecimal("2.5"), 40_000)),
                1_100_000,
                198_000,
                null);
        Invoice credit = document(UUID.randomUUID(), "credit_note", 1, invoice.lines(), 1_100_000, 198_000, invoiceId);
        UUID invoiceReceiptId = UUID.randomUUID();
        Invoice invoiceReceipt = document(
                invoiceReceiptId,
                "tax_invoice_receipt",
                3,
                List.of(LineItem.of("ייעוץ", BigDecimal.ONE, 50_000)),
                50_000,
                9_000,
                null);
        UUID receiptId = UUID.randomUUID();
        Invoice receipt = document(
                receiptId,
                "receipt",
                2,
                List.of(LineItem.of("תשלום עבור חשבונית מס מספר 7", BigDecimal.ONE, 100_000)),
                100_000,
                0,
                null);
        Map<UUID, List<Payment>> payments = Map.of(
                invoiceReceiptId,
                        List.of(
                                new Payment(
                                        UUID.randomUUID(),
                                        1,
                                        "cheque",
                                        30_000,
                                        LocalDate.of(2026, 11, 16),
                                        "12",
                                        "345",
                                        "678901",
                                        "1001",
                                        LocalDate.of(2026, 12, 16),
                                        null,
                                        null,
                                        null,
                                        null),
                                new Payment(
                                        UUID.randomUUID(),
                                        2,
                                        "credit_card",
                                        29_000,
                                        LocalDate.of(2026, 11, 16),
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        "4242",
                                        "isracard",
                                        3,
                                        null)),
                receiptId,
                        List.of(new Payment(
                                UUID.randomUUID(),
                                1,
                                "cash",
                                100_000,
                                LocalDate.of(2026, 11, 16),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null)));
        var run = new UnifiedFormat.Run(
                LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 30),
                ZonedDateTime.of(2026, 12, 7, 10, 30, 0, 0, ZoneId.of("Asia/Jerusalem")),
                123_456_789_012_345L,
                "OPENFRMT\\51400000.26\\12071030");
        var files = UnifiedFormat.write(
                new UnifiedFormat.Business(514_000_009, BUSINESS.businessName(), BUSINESS.address()),
                new SoftwareProperties(99_999_999, "AgentLocator", "1.0", 0, "AgentLocator"),
                run,
                List.of(invoice, invoiceReceipt, credit, receipt),
                payments,
                Map.of(invoiceId, invoice));

        List<String> data = records(files.data());
        List<String> ini = records(files.ini());
        for (String record : data) {
            assertThat(bytes(record)).as(record.substring(0, 4)).isEqualTo(LENGTHS.get(record.substring(0, 4)));
        }
        assertThat(bytes(ini.get(0))).isEqualTo(466);
        ini.subList(1, ini.size()).forEach(r -> assertThat(bytes(r)).isEqualTo(19));
        for (List<Field> table : List.of(A000, SUMMARY, A100, Z900, C100, D110, D120)) {
            assertTiles(table);
        }

        assertThat(data.stream().map(r -> r.substring(0, 4)).toList())
                .containsExactly(
                        "A100", "C100", "D110", "D110", "C100", "D110", "D120", "D120", "C100", "D110", "D110", "C100",
                        "D120", "Z900");
        for (int i = 0; i < data.size(); i++) {
            assertThat(field(data.get(i), 5, 13)).as("running record number").isEqualTo("%09d".formatted(i + 1));
        }

        Map<Integer, String> a100 = read(data.get(0), A100);
        assertThat(a100)
                .containsEntry(1102, "514000009")
                .containsEntry(1103, "123456789012345")
                .containsEntry(1104, "&OF1.31&");
        Map<Integer, String> z900 = read(data.get(13), Z900);
        assertThat(z900)
                .containsEntry(1151, "000000014")
                .containsEntry(1153, "123456789012345")
                .containsEntry(1154, "&OF1.31&")
                .containsEntry(1155, "000000000000014");

        Map<Integer, String> c100 = read(data.get(1), C100);
        assertThat(c100)
                .containsEntry(1200, "C100")
                .containsEntry(1202, "514000009")
                .containsEntry(1203, "305")
                .containsEntry(1204, "7" + " ".repeat(19))
                .containsEntry(1205, "20261116")
                .containsEntry(1206, "1005")
                .containsEntry(1215, "123456782")
                .containsEntry(1216, "20261116")
                .containsEntry(1217, "+00000000000000")
                .containsEntry(1219, "+00000001100000")
                .containsEntry(1220, "+00000000000000")
                .containsEntry(1221, "+00000001100000")
                .containsEntry(1222, "+00000000198000")
                .containsEntry(1223, "+00000001298000")
                .containsEntry(1224, "+00000000000")
                .containsEntry(1225, "0F1E2D3C4B5A697")
                .containsEntry(1228, " ")
                .containsEntry(1230, "20261116")
                .containsEntry(1234, "0000001");
        // Hebrew in ISO-8859-8, logical order, padded with spaces on the right.
        assertThat(c100.get(1207)).isEqualTo("חברת הלקוח בע\"מ" + " ".repeat(35));
        assertThat(field(data.get(1), 58, 58).getBytes(ISO_8859_8)).containsExactly((byte) 0xE7);

        Map<Integer, String> line2 = read(data.get(3), D110);
        assertThat(line2)
                .containsEntry(1253, "305")
                .containsEntry(1254, "7" + " ".repeat(19))
                .containsEntry(1255, "0002")
                .containsEntry(1256, "000")
                .containsEntry(1260, "שמאות" + " ".repeat(25))
                .containsEntry(1263, "יחידה" + " ".repeat(15))
                .containsEntry(1264, "+0000000000025000")
                .containsEntry(1265, "+00000000040000")
                .containsEntry(1266, "+00000000000000")
                .containsEntry(1267, "+00000000100000")
                .containsEntry(1268, "1800")
                .containsEntry(1272, "20261116")
                .containsEntry(1273, "0000001");

        Map<Integer, String> cheque = read(data.get(6), D120);
        assertThat(cheque)
                .containsEntry(1303, "320")
                .containsEntry(1304, "3" + " ".repeat(19))
                .containsEntry(1305, "0001")
                .containsEntry(1306, "2")
                .containsEntry(1307, "0000000012")
                .containsEntry(1308, "0000000345")
                .containsEntry(1309, "000000000678901")
                .containsEntry(1310, "0000001001")
                .containsEntry(1311, "20261216")
                .containsEntry(1312, "+00000000030000")
                .containsEntry(1313, "0")
                .containsEntry(1315, "0")
                .containsEntry(1323, "0000002");
        Map<Integer, String> card = read(data.get(7), D120);
        assertThat(card)
                .containsEntry(1306, "3")
                .containsEntry(1307, "0000000000")
                .containsEntry(1311, "20261116")
                .containsEntry(1312, "+00000000029000")
                .containsEntry(1313, "1")
                .containsEntry(1315, "2");

        // The credit note: positive amounts (its type says it reduces income), the invoice as its base.
        Map<Integer, String> creditHeader = read(data.get(8), C100);
        assertThat(creditHeader).containsEntry(1203, "330").containsEntry(1223, "+00000001298000");
        assertThat(read(data.get(9), D110)).containsEntry(1256, "305").containsEntry(1257, "7" + " ".repeat(19));

        Map<Integer, String> receiptHeader = read(data.get(11), C100);
        assertThat(receiptHeader)
                .containsEntry(1203, "400")
                .containsEntry(1222, "+00000000000000")
                .containsEntry(1223, "+00000000100000");
        assertThat(read(data.get(12), D120)).containsEntry(1306, "1").containsEntry(1312, "+00000000100000");

        // The totals: what the headers say equals what their lines and payments add up to.
        long invoiceLines = data.stream()
                .filter(r -> r.startsWith("D110") && field(r, 23, 25).equals("305"))
                .mapToLong(r -> signed(field(r, 271, 285)))
                .sum();
        assertThat(invoiceLines).isEqualTo(signed(c100.get(1221)));
        long invoiceReceiptPayments = data.stream()
                .filter(r -> r.startsWith("D120") && field(r, 23, 25).equals("320"))
                .mapToLong(r -> signed(field(r, 104, 118)))
                .sum();
        assertThat(invoiceReceiptPayments)
                .isEqualTo(signed(read(data.get(4), C100).get(1223)));

        Map<Integer, String> a000 = read(ini.get(0), A000);
        assertThat(a000)
                .containsEntry(1000, "A000")
                .containsEntry(1002, "000000000000014")
                .containsEntry(1003, "514000009")
                .containsEntry(1004, "123456789012345")
                .containsEntry(1005, "&OF1.31&")
                .containsEntry(1006, "99999999")
                .containsEntry(1011, "2")
                .containsEntry(1012, "OPENFRMT\\51400000.26\\12071030" + " ".repeat(21))
                .containsEntry(1024, "20261101")
                .containsEntry(1025, "20261130")
                .containsEntry(1026, "20261207")
                .containsEntry(1027, "1030")
                .containsEntry(1028, "0")
                .containsEntry(1029, "1")
                .containsEntry(1032, "ILS")
                .containsEntry(1034, "0");
        assertThat(a000.get(1018)).startsWith("נדל\"ן לדוגמה בע\"מ");
        Map<String, String> summaries = new LinkedHashMap<>();
        ini.subList(1, ini.size()).forEach(r -> summaries.put(field(r, 1, 4), field(r, 5, 19)));
        assertThat(summaries)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("C100", "000000000000004", "D110", "000000000000005", "D120", "000000000000003"));
        assertThat(files.data()).endsWith((byte) '\r', (byte) '\n');
    }

    @Test
    void whatIsoHebrewCannotHoldIsReplacedOneByteForOne() {
        assertThat(FixedWidthRecord.encode("בע״מ – מק׳"))
                .containsExactly(
                        (byte) 0xE1,
                        (byte) 0xF2,
                        (byte) '"',
                        (byte) 0xEE,
                        (byte) ' ',
                        (byte) '-',
                        (byte) ' ',
                        (byte) 0xEE,
                        (byte) 0xF7,
                        (byte) '\'');
        assertThat(new String(FixedWidthRecord.encode("🙂x"), ISO_8859_8)).isEqualTo("?x");
    }

    /** The table's fields follow each other without gap or overlap from column 1 to the record's end. */
    private static void assertTiles(List<Field> table) {
        int next = 1;
        for (Field field : table) {
            assertThat(field.from()).as("field %d", field.number()).isEqualTo(next);
            next = field.to() + 1;
        }
    }

    private static Map<Integer, String> read(String record, List<Field> table) {
        Map<Integer, String> fields = new LinkedHashMap<>();
        for (Field f : table) {
            fields.put(f.number(), field(record, f.from(), f.to()));
        }
        return fields;
    }

    private static String field(String record, int from, int to) {
        byte[] bytes = record.getBytes(ISO_8859_8);
        return new String(Arrays.copyOfRange(bytes, from - 1, to), ISO_8859_8);
    }

    private static long signed(String value) {
        return Long.parseLong(value.replace("+", ""));
    }

    private static int bytes(String record) {
        return record.getBytes(ISO_8859_8).length;
    }

    private static List<String> records(byte[] file) {
        String text = new String(file, ISO_8859_8);
        assertThat(text).doesNotContain("\r\r").endsWith("\r\n");
        List<String> records = new ArrayList<>(List.of(text.split("\r\n")));
        records.forEach(r -> assertThat(r).doesNotContain("\n"));
        return records;
    }
}
