package dev.agentlocator.billing.common;

import java.util.List;

/** RFC 4180 CSV lines for exports (same rules as crm-service's export). */
public final class Csv {

    public static final char BOM = '\uFEFF';

    /** One CSV line (CRLF-terminated), quoting where needed and defusing spreadsheet formulas. */
    public static String line(List<String> values) {
        var out = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(values.get(i)));
        }
        return out.append("\r\n").toString();
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = value;
        // A cell starting with =, @ or a sign runs as a formula in Excel; phone numbers (+972…) are data.
        if (!safe.isEmpty() && "=@\t\r".indexOf(safe.charAt(0)) >= 0
                || (safe.startsWith("+") || safe.startsWith("-")) && !safe.matches("[+-][0-9 ]*")) {
            safe = "'" + safe;
        }
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    private Csv() {}
}
