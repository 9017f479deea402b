package dev.agentlocator.platform.kit.errors;

/** The Hebrew texts of the errors the kit itself produces. */
public final class Messages {

    public static final String NOT_FOUND = "הפריט המבוקש לא נמצא";
    public static final String SERVER_ERROR = "אירעה שגיאה בשרת. נסו שוב בעוד רגע.";
    public static final String VALIDATION_FAILED = "חלק מהשדות אינם תקינים";
    public static final String MALFORMED_BODY = "גוף הבקשה אינו JSON תקין";
    public static final String MALFORMED_MULTIPART = "ההעלאה אינה תקינה: גוף הבקשה אינו multipart/form-data תקין";
    public static final String MISSING_PART = "חסר בבקשה החלק %s. יש לצרף את הקובץ בשדה בשם זה";
    public static final String MISSING_BODY = "חסר גוף לבקשה";
    public static final String INVALID_PARAMETER = "ערך לא תקין בפרמטר %s";
    public static final String MISSING_PARAMETER = "חסר הפרמטר %s";
    public static final String METHOD_NOT_ALLOWED = "הפעולה אינה נתמכת בכתובת זו";
    public static final String UNSUPPORTED_MEDIA_TYPE = "סוג התוכן של הבקשה אינו נתמך";
    public static final String NOT_ACCEPTABLE = "לא ניתן להחזיר תשובה בפורמט המבוקש";
    public static final String PAYLOAD_TOO_LARGE = "הבקשה גדולה מדי";
    public static final String UNAUTHORIZED = "נדרשת התחברות";
    public static final String FORBIDDEN = "אין לך הרשאה לבצע פעולה זו";
    public static final String BAD_REQUEST = "הבקשה אינה תקינה";

    private Messages() {}
}
