package dev.agentlocator.billing.exports;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * One record of the unified format (מבנה אחיד 1.31, section 2.3): fixed-width fields in the order of
 * the specification's tables. Alphanumeric fields are left-aligned and padded with spaces, numeric ones
 * right-aligned with leading zeros, amounts {@code X9(n)V99} a sign and digits with the decimal point
 * implied. Hebrew is ISO-8859-8 in logical order ("ISO-8859-8-i", section 2.4 ח). The record ends with
 * CR LF, which its length in the tables does not count.
 */
final class FixedWidthRecord {

    static final Charset HEBREW = Charset.forName("ISO-8859-8");
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final int length;

    FixedWidthRecord(String code, int length) {
        this.length = length;
        alpha(code, 4);
    }

    FixedWidthRecord alpha(String value, int width) {
        byte[] bytes = encode(value == null ? "" : value);
        for (int i = 0; i < width; i++) {
            out.write(i < bytes.length ? bytes[i] : ' ');
        }
        return this;
    }

    FixedWidthRecord numeric(long value, int width) {
        if (value < 0) {
            throw new IllegalArgumentException("a numeric field holds no sign: " + value);
        }
        String digits = Long.toString(value);
        if (digits.length() > width) {
            throw new IllegalArgumentException(value + " does not fit " + width + " digits");
        }
        return ascii("0".repeat(width - digits.length()) + digits);
    }

    /** {@code X9(integerDigits)V9(decimals)}: "+" or "-", then the value scaled by 10^decimals. */
    FixedWidthRecord signed(long scaled, int integerDigits, int decimals) {
        String digits = Long.toString(Math.abs(scaled));
        int width = integerDigits + decimals;
        if (digits.length() > width) {
            throw new IllegalArgumentException(scaled + " does not fit " + width + " digits");
        }
        return ascii((scaled < 0 ? "-" : "+") + "0".repeat(width - digits.length()) + digits);
    }

    /** An amount in agorot as {@code X9(12)V99}. */
    FixedWidthRecord amount(long agorot) {
        return signed(agorot, 12, 2);
    }

    /** A quantity as {@code X9(12)V9999}. */
    FixedWidthRecord quantity(BigDecimal quantity) {
        return signed(
                quantity.movePointRight(4).setScale(0, RoundingMode.HALF_UP).longValueExact(), 12, 4);
    }

    FixedWidthRecord date(LocalDate date) {
        return date == null ? ascii("00000000") : ascii(date.format(DATE));
    }

    byte[] bytes() {
        if (out.size() != length) {
            throw new IllegalStateException("record of " + out.size() + " bytes where the specification has " + length);
        }
        out.write('\r');
        out.write('\n');
        return out.toByteArray();
    }

    private FixedWidthRecord ascii(String text) {
        out.writeBytes(text.getBytes(HEBREW));
        return this;
    }

    /**
     * Marks ISO-8859-8 lacks become their plain forms (gershayim a double quote, geresh an apostrophe,
     * maqaf a hyphen); anything else it cannot hold becomes "?", one byte per character either way.
     */
    static byte[] encode(String text) {
        var plain = new StringBuilder();
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case 0x05F4, 0x201C, 0x201D -> plain.append('"');
                case 0x05F3, 0x2018, 0x2019 -> plain.append('\'');
                case 0x05BE, 0x2013, 0x2014 -> plain.append('-');
                case 0x20AA -> plain.append("ש\"ח");
                default -> {
                    if (Character.isISOControl(cp)) {
                        plain.append(' ');
                    } else if (Character.charCount(cp) == 2
                            || !HEBREW.newEncoder().canEncode((char) cp)) {
                        plain.append('?');
                    } else {
                        plain.appendCodePoint(cp);
                    }
                }
            }
        });
        return plain.toString().getBytes(HEBREW);
    }
}
