package dev.agentlocator.telephony.whatsapp;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Twilio's error codes for a WhatsApp message (a status callback's {@code ErrorCode}, or the code
 * of a refused REST call, stored as {@code http_400_63016}) as a Hebrew sentence the agent can act
 * on. Codes from Twilio's error dictionary; an unknown one still names itself.
 */
final class TwilioErrors {

    private static final Pattern TRAILING_CODE = Pattern.compile("(\\d{5})$");

    private TwilioErrors() {}

    /** Twilio's five-digit code in what we stored, if any. */
    static String code(String stored) {
        if (stored == null) {
            return null;
        }
        Matcher m = TRAILING_CODE.matcher(stored.strip());
        return m.find() ? m.group(1) : null;
    }

    /** {@code null} when nothing failed. */
    static String hebrew(String stored) {
        if (stored == null || stored.isBlank()) {
            return null;
        }
        String code = code(stored);
        if (code == null) {
            return switch (stored) {
                case "not_configured" -> "WhatsApp אינו מחובר לחשבון Twilio, ולכן ההודעה לא נשלחה.";
                case "circuit_open", "unreachable", "error", "timeout" ->
                    "Twilio לא זמין כרגע. נסו לשלוח שוב בעוד כמה דקות.";
                default -> "שליחת ההודעה נכשלה (" + stored + "). נסו שוב, ואם זה חוזר פנו לתמיכה.";
            };
        }
        return switch (code) {
            case "63016" ->
                "עברו יותר מ־24 שעות מאז שהלקוח כתב לאחרונה, ולכן WhatsApp מקבל רק תבנית מאושרת. שלחו תבנית במקום טקסט חופשי.";
            case "63024", "21211", "21614" -> "המספר אינו מספר WhatsApp תקין. בדקו את מספר הטלפון בכרטיס הלקוח.";
            case "63003" -> "למספר הזה אין WhatsApp. נסו להתקשר או לשלוח SMS.";
            case "21610" -> "הלקוח ביקש לא לקבל הודעות (הסרה). אפשר לשלוח שוב רק אחרי שיכתוב START.";
            case "63018", "63017", "20429" -> "נשלחו יותר מדי הודעות בזמן קצר. חכו כמה דקות ונסו שוב.";
            case "63032" -> "הלקוח חסם הודעות שיווקיות מהעסק. פנו אליו בערוץ אחר.";
            case "63049" ->
                "WhatsApp עיכב את ההודעה כדי לשמור על חוויית הלקוח. נסו שוב מאוחר יותר או פנו אליו בערוץ אחר.";
            case "63027", "63028", "63013" ->
                "התבנית אינה תקינה או שהמשתנים שלה לא התאימו. בדקו את התבנית בהגדרות WhatsApp.";
            case "63030", "63020", "63037" ->
                "חשבון ה־WhatsApp של העסק אינו מאושר לשליחה כרגע. פנו לבעל החשבון לבדיקה ב־Twilio.";
            case "63007", "63015" -> "השולח של העסק אינו מחובר ל־WhatsApp. בדקו את השולח בהגדרות.";
            case "30007" -> "הספק סינן את ההודעה כספאם. שנו את הנוסח או שלחו תבנית מאושרת.";
            case "30008" -> "ההודעה לא נמסרה מסיבה לא ידועה. נסו שוב מאוחר יותר.";
            case "30003", "30005" -> "מכשיר הלקוח אינו זמין או שהמספר אינו פעיל. נסו מאוחר יותר או התקשרו.";
            case "30006" -> "המספר אינו יכול לקבל הודעות. בדקו את מספר הטלפון.";
            default -> "Twilio דחה את ההודעה (שגיאה " + code + "). נסו שוב, ואם זה חוזר פנו לתמיכה.";
        };
    }
}
