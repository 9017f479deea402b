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

    /**
     * Every spelling of {@code canonical} (absolute, no query) that a server may still route to its
     * handler, each named for the test report, the canonical one first.
     */
    public static List<Spelling> named(String canonical) {
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

    /** Every non-canonical spelling of {@code path} (which must have at least two segments). */
    public static List<String> of(String path) {
        List<String> spellings = new ArrayList<>();
        for (int i = 1; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c != '/') {
                String hex = "%02X".formatted((int) c);
                spellings.add(path.substring(0, i) + "%" + hex + path.substring(i + 1));
                spellings.add(path.substring(0, i) + "%" + hex.toLowerCase(Locale.ROOT) + path.substring(i + 1));
            }
        }
        spellings.addAll(ofStructure(path));
        return spellings;
    }

    /**
     * The spellings that change the path's structure rather than its letters: a handful per path,
     * cheap enough to try on every route.
     */
    public static List<String> ofStructure(String path) {
        int second = path.indexOf('/', 1);
        if (second < 0) {
            throw new IllegalArgumentException(path + " needs at least two segments");
        }
        String first = path.substring(0, second);
        String rest = path.substring(second);
        return List.of(
                path.substring(0, 1) + "%" + "%02X".formatted((int) path.charAt(1)) + path.substring(2),
                "/" + path,
                first + "/" + rest,
                path + "/",
                path + ";jsessionid=x",
                first + ";a=b" + rest,
                "/." + path,
                first + "/." + rest,
                "/x/.." + path,
                "/x/%2e%2e" + path,
                "/x/%2E%2E" + path,
                first + "%2F" + rest.substring(1),
                first + "%2f" + rest.substring(1),
                first + "%5C" + rest.substring(1),
                path + "/.",
                path + "/..",
                path.replace('/', '\\'),
                first + "\\" + rest.substring(1));
    }

    /** The first letter of every segment in upper case: a canonical path, but not this one. */
    public static String otherCase(String path) {
        var out = new StringBuilder(path.length());
        boolean segmentStart = false;
        for (char c : path.toCharArray()) {
            out.append(segmentStart ? Character.toUpperCase(c) : c);
            segmentStart = c == '/';
        }
        return out.toString();
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
