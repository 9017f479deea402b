package dev.agentlocator.billing.exports;

import dev.agentlocator.billing.common.IsraelTime;
import dev.agentlocator.billing.common.LineItem;
import dev.agentlocator.billing.common.SoftwareProperties;
import dev.agentlocator.billing.invoices.Invoice;
import dev.agentlocator.billing.invoices.InvoiceTypes;
import dev.agentlocator.billing.invoices.Payment;
import dev.agentlocator.billing.invoices.PaymentMethods;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The Tax Authority's unified format, version 1.31 ("הוראות להפקת קבצים במבנה אחיד", 10.05.2009), for
 * the documents this system issues: INI.TXT (A000 and a summary record per record type) and
 * BKMVDATA.TXT (A100, then C100 per document with D110 per line and D120 per payment, then Z900).
 * Field numbers, positions and widths are the specification's sections 3 and 4. Amounts in C100 and
 * D110 are positive whatever the document (section 2.4 יב): a credit note reduces income by its type
 * (330), not by its sign.
 */
final class UnifiedFormat {

    static final String SYSTEM_CONSTANT = "&OF1.31&";
    static final int A000 = 466;
    static final int SUMMARY = 19;
    static final int A100 = 95;
    static final int C100 = 444;
    static final int D110 = 339;
    static final int D120 = 222;
    static final int Z900 = 110;

    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

    /** The business the file is about. */
    record Business(long vatNumber, String name, String address) {}

    /** One production: the range, when it started, the file set's unique id and where it is saved. */
    record Run(LocalDate from, LocalDate to, ZonedDateTime startedAt, long primaryId, String path) {}

    /** The two files, and how many records of each type BKMVDATA.TXT has. */
    record Files(byte[] ini, byte[] data, Map<String, Integer> counts) {}

    static Files write(
            Business business,
            SoftwareProperties software,
            Run run,
            List<Invoice> documents,
            Map<UUID, List<Payment>> payments,
            Map<UUID, Invoice> credited) {
        var data = new ByteArrayOutputStream();
        Map<String, Integer> counts = new LinkedHashMap<>();
        int[] record = {0};
        // 4.1 A100: the opening record.
        data.writeBytes(new FixedWidthRecord("A100", A100)
                .numeric(++record[0], 9) //                          1101  5-13
                .numeric(business.vatNumber(), 9) //                  1102  14-22
                .numeric(run.primaryId(), 15) //                      1103  23-37
                .alpha(SYSTEM_CONSTANT, 8) //                         1104  38-45
                .alpha("", 50) //                                     1105  46-95
                .bytes());
        int link = 0;
        for (Invoice document : documents) {
            link++;
            int code = InvoiceTypes.TAX_AUTHORITY_CODES.get(document.type());
            LocalDate date = IsraelTime.localDate(document.issuedAt());
            String number = Long.toString(document.number());
            // 4.3 C100: the document's header.
            data.writeBytes(new FixedWidthRecord("C100", C100)
                    .numeric(++record[0], 9) //                       1201  5-13
                    .numeric(business.vatNumber(), 9) //              1202  14-22
                    .numeric(code, 3) //                              1203  23-25
                    .alpha(number, 20) //                             1204  26-45
                    .date(date) //                                    1205  46-53 production date
                    .alpha(
                            document.issuedAt()
                                    .atZoneSameInstant(IsraelTime.ZONE)
                                    .format(HHMM),
                            4) // 1206 54-57
                    .alpha(document.customerName(), 50) //            1207  58-107
                    .alpha("", 50) //                                 1208  108-157 street
                    .alpha("", 10) //                                 1209  158-167 house number
                    .alpha("", 30) //                                 1210  168-197 city
                    .alpha("", 8) //                                  1211  198-205 zip
                    .alpha("", 30) //                                 1212  206-235 country
                    .alpha("", 2) //                                  1213  236-237 country code
                    .alpha("", 15) //                                 1214  238-252 phone
                    .numeric(vatNumber(document.customerVatId()), 9) // 1215 253-261
                    .date(date) //                                    1216  262-269 value date
                    .amount(0) //                                     1217  270-284 foreign currency (exports only)
                    .alpha("", 3) //                                  1218  285-287
                    .amount(document.subtotalAgorot()) //             1219  288-302 before document discount
                    .amount(0) //                                     1220  303-317 document discount
                    .amount(document.subtotalAgorot()) //             1221  318-332 after discounts, before VAT
                    .amount(document.vatAgorot()) //                  1222  333-347
                    .amount(document.totalAgorot()) //                1223  348-362
                    .signed(0, 9, 2) //                               1224  363-374 withholding tax
                    .alpha(customerKey(document.customerId()), 15) // 1225  375-389
                    .alpha("", 10) //                                 1226  390-399 matching field
                    .alpha(InvoiceTypes.CANCELLED.equals(document.status()) ? "1" : "", 1) // 1228 400
                    .date(date) //                                    1230  401-408 document date
                    .alpha("", 7) //                                  1231  409-415 branch (none)
                    .alpha("", 9) //                                  1233  416-424 operator
                    .numeric(link, 7) //                              1234  425-431 link to lines
                    .alpha("", 13) //                                 1235  432-444
                    .bytes());
            counts.merge("C100", 1, Integer::sum);
            if (!document.isReceipt()) {
                Invoice base = document.creditOf() == null ? null : credited.get(document.creditOf());
                int line = 0;
                for (LineItem item : document.lines()) {
                    // 4.4 D110: one line of the document.
                    data.writeBytes(new FixedWidthRecord("D110", D110)
                            .numeric(++record[0], 9) //               1251  5-13
                            .numeric(business.vatNumber(), 9) //      1252  14-22
                            .numeric(code, 3) //                      1253  23-25
                            .alpha(number, 20) //                     1254  26-45
                            .numeric(++line, 4) //                    1255  46-49
                            .numeric(base == null ? 0 : InvoiceTypes.TAX_AUTHORITY_CODES.get(base.type()), 3) // 1256
                            .alpha(base == null ? "" : Long.toString(base.number()), 20) // 1257 53-72
                            .numeric(0, 1) //                         1258  73 transaction type (not kept)
                            .alpha("", 20) //                         1259  74-93 catalogue number
                            .alpha(item.description(), 30) //         1260  94-123
                            .alpha("", 50) //                         1261  124-173 manufacturer
                            .alpha("", 30) //                         1262  174-203 serial number
                            .alpha("יחידה", 20) //                    1263  204-223 unit: "יחידה" when none
                            .quantity(item.quantity()) //             1264  224-240
                            .amount(item.unitPriceAgorot()) //        1265  241-255
                            .amount(0) //                             1266  256-270 line discount
                            .amount(item.totalAgorot()) //            1267  271-285
                            .numeric(document.vatRateBasisPoints(), 4) // 1268 286-289 e.g. 1800 = 18%
                            .alpha("", 7) //                          1270  290-296 branch
                            .date(date) //                            1272  297-304
                            .numeric(link, 7) //                      1273  305-311 link to header
                            .alpha("", 7) //                          1274  312-318 base document's branch
                            .alpha("", 21) //                         1275  319-339
                            .bytes());
                    counts.merge("D110", 1, Integer::sum);
                }
            }
            for (Payment p : payments.getOrDefault(document.id(), List.of())) {
                boolean cheque = PaymentMethods.CHEQUE.equals(p.method());
                boolean card = PaymentMethods.CREDIT_CARD.equals(p.method());
                // 4.5 D120: one means of payment of a receipt.
                data.writeBytes(new FixedWidthRecord("D120", D120)
                        .numeric(++record[0], 9) //                   1301  5-13
                        .numeric(business.vatNumber(), 9) //          1302  14-22
                        .numeric(code, 3) //                          1303  23-25
                        .alpha(number, 20) //                         1304  26-45
                        .numeric(p.lineNumber(), 4) //                1305  46-49
                        .numeric(PaymentMethods.UNIFIED_FORMAT_CODES.get(p.method()), 1) // 1306 50
                        .numeric(cheque ? Long.parseLong(p.bankNumber()) : 0, 10) // 1307 51-60
                        .numeric(cheque ? Long.parseLong(p.branchNumber()) : 0, 10) // 1308 61-70
                        .numeric(cheque ? Long.parseLong(p.accountNumber()) : 0, 15) // 1309 71-85
                        .numeric(cheque ? Long.parseLong(p.chequeNumber()) : 0, 10) // 1310 86-95
                        .date(cheque ? p.chequeDueDate() : card ? p.paidOn() : null) // 1311 96-103
                        .amount(p.amountAgorot()) //                  1312  104-118
                        .numeric(
                                card && p.cardCompany() != null
                                        ? PaymentMethods.CARD_COMPANY_CODES.get(p.cardCompany())
                                        : 0,
                                1) //                                 1313  119
                        .alpha("", 20) //                             1314  120-139 card name
                        .numeric(card ? (p.installments() != null && p.installments() > 1 ? 2 : 1) : 0, 1) // 1315 140
                        .alpha("", 7) //                              1320  141-147 branch
                        .date(date) //                                1322  148-155
                        .numeric(link, 7) //                          1323  156-162
                        .alpha("", 60) //                             1324  163-222
                        .bytes());
                counts.merge("D120", 1, Integer::sum);
            }
        }
        int total = record[0] + 1;
        // 4.2 Z900: the closing record; its total counts A100 and Z900 too.
        data.writeBytes(new FixedWidthRecord("Z900", Z900)
                .numeric(total, 9) //                                 1151  5-13
                .numeric(business.vatNumber(), 9) //                  1152  14-22
                .numeric(run.primaryId(), 15) //                      1153  23-37
                .alpha(SYSTEM_CONSTANT, 8) //                         1154  38-45
                .numeric(total, 15) //                                1155  46-60
                .alpha("", 50) //                                     1156  61-110
                .bytes());

        var ini = new ByteArrayOutputStream();
        // 3.1 A000: the leading record of INI.TXT.
        ini.writeBytes(new FixedWidthRecord("A000", A000)
                .alpha("", 5) //                                      1001  5-9
                .numeric(total, 15) //                                1002  10-24 = field 1155
                .numeric(business.vatNumber(), 9) //                  1003  25-33
                .numeric(run.primaryId(), 15) //                      1004  34-48
                .alpha(SYSTEM_CONSTANT, 8) //                         1005  49-56
                .numeric(software.registrationNumber(), 8) //         1006  57-64
                .alpha(software.name(), 20) //                        1007  65-84
                .alpha(software.version(), 20) //                     1008  85-104
                .numeric(software.vendorVatId(), 9) //                1009  105-113
                .alpha(software.vendorName(), 20) //                  1010  114-133
                .numeric(2, 1) //                                     1011  134 multi-year software
                .alpha(run.path(), 50) //                             1012  135-184
                .numeric(0, 1) //                                     1013  185 no bookkeeping module
                .numeric(0, 1) //                                     1014  186 balancing (double entry only)
                .numeric(0, 9) //                                     1015  187-195 company number
                .numeric(0, 9) //                                     1016  196-204 withholding file
                .alpha("", 10) //                                     1017  205-214
                .alpha(business.name(), 50) //                        1018  215-264
                .alpha(business.address(), 50) //                     1019  265-314 street
                .alpha("", 10) //                                     1020  315-324 house number
                .alpha("", 30) //                                     1021  325-354 city
                .alpha("", 8) //                                      1022  355-362 zip
                .numeric(0, 4) //                                     1023  363-366 tax year (single-year only)
                .date(run.from()) //                                  1024  367-374
                .date(run.to()) //                                    1025  375-382
                .date(run.startedAt().toLocalDate()) //               1026  383-390
                .alpha(run.startedAt().format(HHMM), 4) //            1027  391-394
                .numeric(0, 1) //                                     1028  395 Hebrew
                .numeric(1, 1) //                                     1029  396 ISO-8859-8-i
                .alpha("ZIP", 20) //                                  1030  397-416
                .alpha("ILS", 3) //                                   1032  417-419
                .numeric(0, 1) //                                     1034  420 no branches
                .alpha("", 46) //                                     1035  421-466
                .bytes());
        // 3.2 summary records, one per record type the data file has (table 2.5 ה).
        for (var count : counts.entrySet()) {
            ini.writeBytes(new FixedWidthRecord(count.getKey(), SUMMARY)
                    .numeric(count.getValue(), 15) //                 1051  5-19
                    .bytes());
        }
        return new Files(ini.toByteArray(), data.toByteArray(), counts);
    }

    /** Field 1225 (X15): our customer id, shortened to its first 15 hex digits. */
    static String customerKey(UUID customerId) {
        return customerId.toString().replace("-", "").substring(0, 15).toUpperCase(java.util.Locale.ROOT);
    }

    private static long vatNumber(String vatId) {
        if (vatId == null) {
            return 0;
        }
        String digits = vatId.replaceAll("\\D", "");
        return digits.isEmpty() || digits.length() > 9 ? 0 : Long.parseLong(digits);
    }

    private UnifiedFormat() {}
}
