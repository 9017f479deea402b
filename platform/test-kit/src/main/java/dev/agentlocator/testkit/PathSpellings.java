package dev.agentlocator.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ways one path can be written so that a server may still route it to the same handler:
 * percent-encoded letters (lower- and upper-case hex), {@code ;} parameters, doubled and trailing
 * slashes, dot segments, encoded separators, a different case or suffix. A guard that matches the
 * raw request URI against a prefix misses some of them; tests send every spelling to prove that no
 * spelling reaches a guarded handler unguarded.
 */
public final class PathSpellings {

    /** One spelling of a path, named for the test report. */
    public record Spelling(String name, String path) {
        @Override
        public String toString() {
            return name + " " + path;
        }
    }

    /** Every spelling of {@code canonical} (absolute, no query), the canonical one first. */
    public static List<Spelling> of(String canonical) {
        if (!canonical.startsWith("/") || canonical.contains("?")) {
            throw new IllegalArgumentException("an absolute path without a query: " + canonical);
        }
        List<String> segments = List.of(canonical.substring(1).split("/"));
        List<Spelling> out = new ArrayList<>();
        out.add(new Spelling("canonical", canonical));
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            String at = " in segment " + (i + 1);
            out.add(new Spelling(
                    "first letter percent-encoded" + at, join(segments, i, encodeFirstLetter(segment, false))));
            out.add(new Spelling("every letter lower-case hex" + at, join(segments, i, encodeAll(segment, false))));
            out.add(new Spelling("every letter upper-case hex" + at, join(segments, i, encodeAll(segment, true))));
            out.add(new Spelling(
                    "double-encoded first letter" + at, join(segments, i, encodeFirstLetter(segment, true))));
            out.add(new Spelling(";a=b parameter" + at, join(segments, i, segment + ";a=b")));
            out.add(new Spelling("empty ; parameter" + at, join(segments, i, segment + ";")));
            out.add(new Spelling("upper case" + at, join(segments, i, segment.toUpperCase(Locale.ROOT))));
            if (i > 0) {
                out.add(new Spelling("doubled slash before segment " + (i + 1), splice(segments, i, "/")));
                out.add(new Spelling("dot segment before segment " + (i + 1), splice(segments, i, "./")));
                out.add(new Spelling("encoded dot segment before segment " + (i + 1), splice(segments, i, "%2e/")));
                out.add(new Spelling("encoded slash before segment " + (i + 1), encodedSeparator(segments, i, "%2F")));
                out.add(new Spelling(
                        "encoded backslash before segment " + (i + 1), encodedSeparator(segments, i, "%5C")));
            }
        }
        out.add(new Spelling("leading doubled slash", "/" + canonical));
        out.add(new Spelling("trailing slash", canonical + "/"));
        out.add(new Spelling("trailing dot segment", canonical + "/."));
        out.add(new Spelling("parent segment", "/x/.." + canonical));
        out.add(new Spelling("encoded parent segment", "/x/%2e%2e" + canonical));
        out.add(new Spelling("suffix", canonical + ".json"));
        return List.copyOf(out);
    }

    private static String join(List<String> segments, int index, String replacement) {
        var path = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            path.append('/').append(i == index ? replacement : segments.get(i));
        }
        return path.toString();
    }

    /** The path with {@code extra} inserted right before segment {@code index}. */
    private static String splice(List<String> segments, int index, String extra) {
        var path = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            path.append('/').append(i == index ? extra : "").append(segments.get(i));
        }
        return path.toString();
    }

    /** The path with the slash before segment {@code index} written as {@code separator}. */
    private static String encodedSeparator(List<String> segments, int index, String separator) {
        var path = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            path.append(i == index ? separator : "/").append(segments.get(i));
        }
        return path.toString();
    }

    private static String encodeFirstLetter(String segment, boolean twice) {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (Character.isLetter(c) && c < 0x80) {
                String encoded = hex(c, false);
                return segment.substring(0, i)
                        + (twice ? "%25" + encoded.substring(1) : encoded)
                        + segment.substring(i + 1);
            }
        }
        return segment;
    }

    private static String encodeAll(String segment, boolean upperCaseHex) {
        var out = new StringBuilder();
        for (char c : segment.toCharArray()) {
            out.append(Character.isLetter(c) && c < 0x80 ? hex(c, upperCaseHex) : String.valueOf(c));
        }
        return out.toString();
    }

    private static String hex(char c, boolean upperCase) {
        String digits = String.format("%02x", (int) c);
        return "%" + (upperCase ? digits.toUpperCase(Locale.ROOT) : digits);
    }

    private PathSpellings() {}
}
