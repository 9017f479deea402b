package dev.agentlocator.timeline.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.platform.events.EventEnvelope;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntryMapperTest {

    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID CUSTOMER = UUID.fromString("0b6f0e4e-8d5a-4c1e-9a57-2f1b0c9d7e11");

    private static TimelineEntry map(String type, Map<String, Object> payload) {
        return EntryMapper.map(event(type, payload)).orElseThrow();
    }

    private static EventEnvelope event(String type, Map<String, Object> payload) {
        return new EventEnvelope(
                UUID.randomUUID(),
                type,
                1,
                TENANT,
                CUSTOMER,
                OffsetDateTime.parse("2026-03-10T10:15:30.123456789+02:00"),
                "corr",
                payload);
    }

    @Test
    void aCallAnsweredByTheReceptionistSaysSoAndLinksToTheCallOnTheCustomerPage() {
        var entry = map(
                "call.completed",
                Map.of(
                        "callSid", "CA123",
                        "direction", "inbound",
                        "status", "completed",
                        "durationSeconds", 42,
                        "answeredBy", "ai",
                        "from", "+972501234567",
                        "to", "+97231234567"));

        assertThat(entry.kind()).isEqualTo(TimelineKind.CALL);
        assertThat(entry.title()).isEqualTo("שיחה נכנסת נענתה ע״י המזכירה");
        assertThat(entry.link()).isEqualTo("/customers/" + CUSTOMER + "?tab=calls&call=CA123");
        assertThat(entry.reference()).isEqualTo("CA123");
        assertThat(entry.details())
                .containsEntry("callSid", "CA123")
                .containsEntry("durationSeconds", 42L)
                .containsEntry("direction", "inbound")
                .containsEntry("status", "completed");
    }

    @Test
    void anInvoiceWithoutItsAllocationNumberSaysWhyOnTheTimeline() {
        var rejected = map(
                "invoice.allocation_rejected",
                Map.of(
                        "invoiceId", "8e7d6c5b-4a3f-4e2d-9c1b-0a9f8e7d6c5b",
                        "number", 1043,
                        "type", "tax_invoice",
                        "allocationMessage", "מספר העוסק של הלקוח אינו תקין. יש לתקן את פרטי הלקוח"));
        assertThat(rejected.title())
                .isEqualTo("רשות המסים דחתה את בקשת מספר ההקצאה לחשבונית מס 1043: מספר העוסק של הלקוח אינו תקין."
                        + " יש לתקן את פרטי הלקוח");

        var waiting = map(
                "invoice.allocation_overdue",
                Map.of("invoiceId", "8e7d6c5b-4a3f-4e2d-9c1b-0a9f8e7d6c5b", "number", 1043, "type", "tax_invoice"));
        assertThat(waiting.title()).isEqualTo("חשבונית מס 1043 ממתינה למספר הקצאה זמן רב");
    }

    @Test
    void detailsFilledFromACallSayWhatWasFilled() {
        var entry = map(
                "customer.updated",
                Map.of(
                        "name", "דנה כהן",
                        "phone", "+972501234567",
                        "filledFromCall", Map.of("name", "דנה כהן", "budgetAgorot", "250000000"),
                        "filledByCall", "c-1"));

        assertThat(entry.title()).isEqualTo("פרטים עודכנו מהשיחה");
        assertThat(entry.details())
                .containsEntry("filledFromCall", Map.of("name", "דנה כהן", "budgetAgorot", "250000000"))
                .containsEntry("callId", "c-1");
        assertThat(map("customer.updated", Map.of("name", "דנה כהן")).title()).isEqualTo("פרטי הלקוח עודכנו");
    }

    @Test
    void onlyTheLeadSentAtTheEndOfTheCallIsAnEntryItsSummary() {
        Map<String, Object> lead = new java.util.HashMap<>(
                Map.of("callId", "c-1", "callSid", "CA9", "name", "דנה", "summary", "דנה מחפשת דירה.", "turns", 2));

        assertThat(EntryMapper.map(event("call.lead_qualified", lead))).isEmpty();

        lead.put("callEnded", true);
        lead.put("callbackPromised", true);
        var entry = map("call.lead_qualified", lead);
        assertThat(entry.kind()).isEqualTo(TimelineKind.CALL);
        assertThat(entry.title()).isEqualTo("סיכום השיחה: הובטחה חזרה של נציג");
        assertThat(entry.details()).containsEntry("summary", "דנה מחפשת דירה.");
        assertThat(entry.link()).isEqualTo("/customers/" + CUSTOMER + "?tab=calls&call=CA9");
    }

    @Test
    void aSandboxCallOrMessageSaysItWasNeverSentAndStillOpensByOurOwnId() {
        var call = map("call.received", Map.of("callId", "c-1", "direction", "outbound-api", "sandbox", true));
        assertThat(call.title()).endsWith("(סביבת ניסוי)");
        assertThat(call.link()).isEqualTo("/customers/" + CUSTOMER + "?tab=calls&call=c-1");
        assertThat(call.details()).containsEntry("sandbox", true);

        var message = map("whatsapp.sent", Map.of("messageId", "m-1", "text", "שלום", "sandbox", true));
        assertThat(message.title()).endsWith("(סביבת ניסוי)");
        assertThat(message.link()).isEqualTo("/customers/" + CUSTOMER + "?tab=whatsapp&message=m-1");

        var real = map("whatsapp.sent", Map.of("messageSid", "SM1", "messageId", "m-2", "text", "שלום"));
        assertThat(real.title()).doesNotContain("ניסוי");
        assertThat(real.reference()).isEqualTo("SM1");
        assertThat(real.details()).doesNotContainKey("sandbox");
    }

    @ParameterizedTest
    @CsvSource({
        "inbound,completed,agent,שיחה נכנסת נענתה ע״י נציג",
        "inbound,no-answer,,שיחה נכנסת שלא נענתה",
        "outbound-api,completed,,שיחה יוצאת הסתיימה",
        "outbound,busy,,שיחה יוצאת לא נענתה"
    })
    void callTitlesFollowDirectionAndWhoAnswered(String direction, String status, String answeredBy, String title) {
        var payload = new java.util.HashMap<String, Object>(Map.of("direction", direction, "status", status));
        if (answeredBy != null) {
            payload.put("answeredBy", answeredBy);
        }
        assertThat(map("call.completed", payload).title()).isEqualTo(title);
    }

    @Test
    void aWhatsAppMessageKeepsItsStatusAndAShortText() {
        var entry = map(
                "whatsapp.sent",
                Map.of("messageSid", "SM9", "direction", "outbound", "status", "queued", "text", "א".repeat(500)));

        assertThat(entry.kind()).isEqualTo(TimelineKind.WHATSAPP);
        assertThat(entry.title()).isEqualTo("הודעת WhatsApp נשלחה");
        assertThat(entry.link()).isEqualTo("/customers/" + CUSTOMER + "?tab=whatsapp&message=SM9");
        assertThat((String) entry.details().get("text"))
                .hasSize(EntryMapper.MAX_TEXT)
                .endsWith("…");
    }

    @Test
    void aFailedMessageSaysWhyInHebrewAndOptOutIsNamed() {
        var failed = map(
                "whatsapp.status_changed",
                Map.of(
                        "messageSid", "SM7",
                        "status", "failed",
                        "errorCode", "63016",
                        "errorMessage", "עברו יותר מ־24 שעות מאז שהלקוח כתב לאחרונה"));
        assertThat(failed.title()).isEqualTo("שליחת הודעת WhatsApp נכשלה: עברו יותר מ־24 שעות מאז שהלקוח כתב לאחרונה");
        assertThat(failed.details()).containsEntry("errorCode", "63016");

        assertThat(map("whatsapp.received", Map.of("text", "STOP", "optOut", "opted_out"))
                        .title())
                .isEqualTo("הלקוח ביקש להפסיק לקבל הודעות WhatsApp");
        assertThat(map("whatsapp.received", Map.of("text", "START", "optOut", "opted_in"))
                        .title())
                .isEqualTo("הלקוח ביקש לחזור לקבל הודעות WhatsApp");
        assertThat(map("whatsapp.sent", Map.of("messageSid", "SM8", "contentSid", "HX1"))
                        .title())
                .isEqualTo("נשלחה תבנית WhatsApp");
    }

    @Test
    void aDeliveryReceiptIsTitledByItsStatus() {
        assertThat(map("whatsapp.status_changed", Map.of("status", "read")).title())
                .isEqualTo("הודעת WhatsApp נקראה");
    }

    @Test
    void aNewTaskIsTitledWithItsTitleAndLinksToTheTask() {
        String taskId = UUID.randomUUID().toString();
        var entry = map(
                "task.created",
                Map.of(
                        "taskId",
                        taskId,
                        "title",
                        "להתקשר בחזרה",
                        "dueAt",
                        "2026-03-11T09:00:00+02:00",
                        "status",
                        "open"));

        assertThat(entry.title()).isEqualTo("משימה נוצרה: להתקשר בחזרה");
        assertThat(entry.link()).isEqualTo("/tasks/" + taskId);
        assertThat(entry.details()).containsEntry("dueAt", "2026-03-11T09:00:00+02:00");
    }

    @Test
    void anIssuedTaxInvoiceIsNamedByItsNumberAndCarriesItsAmounts() {
        var entry = map(
                "invoice.issued",
                Map.of(
                        "invoiceId",
                        "inv-1",
                        "number",
                        1024,
                        "type",
                        "tax_invoice",
                        "status",
                        "issued",
                        "totalAgorot",
                        118000,
                        "vatAgorot",
                        18000));

        assertThat(entry.kind()).isEqualTo(TimelineKind.INVOICE);
        assertThat(entry.title()).isEqualTo("חשבונית מס 1024 הונפקה");
        assertThat(entry.link()).isEqualTo("/invoices/inv-1");
        assertThat(entry.details())
                .containsEntry("amountAgorot", 118000L)
                .containsEntry("vatAgorot", 18000L)
                .containsEntry("currency", "ILS");
    }

    @Test
    void aSignedContractIsASignatureEntry() {
        var entry = map("contract.signed", Map.of("contractId", "c-7", "status", "signed"));

        assertThat(entry.kind()).isEqualTo(TimelineKind.SIGNATURE);
        assertThat(entry.title()).isEqualTo("החוזה נחתם");
        assertThat(entry.link()).isEqualTo("/contracts/c-7");
    }

    @Test
    void anEditThatWithdrewTheSigningLinkSaysSoSoTheTimelineNoLongerEndsOnSentForSignature() {
        var withdrawn = map(
                "contract.updated",
                Map.of("contractId", "c-7", "title", "הסכם תיווך", "status", "draft", "signingLinkWithdrawn", true));
        assertThat(withdrawn.kind()).isEqualTo(TimelineKind.CONTRACT);
        assertThat(withdrawn.title()).isEqualTo("החוזה עודכן והקישור לחתימה בוטל");
        assertThat(withdrawn.details()).containsEntry("signingLinkWithdrawn", true);
        var edited = map("contract.updated", Map.of("contractId", "c-7", "title", "הסכם תיווך", "status", "draft"));
        assertThat(edited.title()).isEqualTo("החוזה עודכן: הסכם תיווך");
        assertThat(edited.details()).doesNotContainKey("signingLinkWithdrawn");
    }

    @Test
    void aReceiptIsAnInvoiceEntryAndThePaidInvoiceNamesIt() {
        var receipt = map(
                "receipt.issued",
                Map.of("invoiceId", "r-1", "number", 3, "type", "receipt", "totalAgorot", 50000, "vatAgorot", 0));
        assertThat(receipt.kind()).isEqualTo(TimelineKind.INVOICE);
        assertThat(receipt.title()).isEqualTo("קבלה 3 הונפקה");
        assertThat(receipt.link()).isEqualTo("/invoices/r-1");
        assertThat(receipt.details()).containsEntry("amountAgorot", 50000L);
        var paid = map(
                "invoice.paid",
                Map.of("invoiceId", "i-1", "number", 7, "type", "tax_invoice", "receiptId", "r-1", "receiptNumber", 3));
        assertThat(paid.title()).isEqualTo("חשבונית מס 7 שולמה (קבלה 3)");
        assertThat(paid.details()).containsEntry("receiptId", "r-1").containsEntry("receiptNumber", "3");
    }

    @Test
    void sendingAContractIsAContractEntry() {
        assertThat(map("contract.sent", Map.of("contractId", "c-7")).kind()).isEqualTo(TimelineKind.CONTRACT);
    }

    @Test
    void aNewCustomerIsNamedInTheTitle() {
        var entry = map("customer.created", Map.of("name", "דנה כהן", "phone", "+972501234567", "source", "call"));

        assertThat(entry.kind()).isEqualTo(TimelineKind.CUSTOMER);
        assertThat(entry.title()).isEqualTo("לקוח חדש נוסף: דנה כהן");
        assertThat(entry.link()).isEqualTo("/customers/" + CUSTOMER);
    }

    @Test
    void missingPayloadFieldsLeaveGapsInsteadOfFailing() {
        var entry = map("task.completed", Map.of());

        assertThat(entry.title()).isEqualTo("משימה בוצעה");
        assertThat(entry.link()).isNull();
        assertThat(entry.details()).isEmpty();
    }

    @Test
    void theTimeIsKeptToTheMicrosecond() {
        assertThat(map("customer.updated", Map.of()).occurredAt())
                .isEqualTo(Instant.parse("2026-03-10T08:15:30.123456Z"));
    }

    @Test
    void unknownTypesAndEventsWithoutACustomerAreNotTimelineEntries() {
        assertThat(EntryMapper.map(event("call.transcribed", Map.of()))).isEmpty();
        var noCustomer = new EventEnvelope(
                UUID.randomUUID(),
                "invoice.issued",
                1,
                TENANT,
                null,
                OffsetDateTime.parse("2026-03-10T10:15:30+02:00"),
                null,
                Map.of());
        assertThat(EntryMapper.map(noCustomer)).isEmpty();
    }

    @Test
    void everyDocumentedTypeHasAKind() {
        for (String type : new String[] {
            "customer.created",
            "customer.updated",
            "customer.deleted",
            "call.received",
            "call.completed",
            "call.status_changed",
            "whatsapp.sent",
            "whatsapp.received",
            "whatsapp.status_changed",
            "task.created",
            "task.updated",
            "task.snoozed",
            "task.completed",
            "task.due",
            "contract.created",
            "contract.sent",
            "contract.viewed",
            "contract.signed",
            "contract.declined",
            "contract.expired",
            "invoice.created",
            "invoice.issued",
            "invoice.paid",
            "invoice.credited",
            "invoice.cancelled",
            "invoice.updated",
            "invoice.deleted",
            "contract.updated",
            "receipt.issued"
        }) {
            assertThat(EntryMapper.map(event(type, Map.of())))
                    .as(type)
                    .hasValueSatisfying(e -> assertThat(e.title()).isNotBlank());
        }
    }
}
