package dev.agentlocator.platform.security;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Decides whether a request path, as it came over the wire (still percent-encoded), is in the one
 * spelling every layer of the suite agrees on. The gateway refuses anything else before routing,
 * and every service refuses it again, so a string prefix, a {@code PathPattern} and the MVC
 * dispatcher can never disagree about which handler a request is for (issue 16: {@code
 * /%77ebhook/incoming_call} reached the webhook handler while the signature filter, matching the
 * raw string, let it through).
 *
 * <p>Canonical means: starts with {@code /}; no empty segment ({@code //}), no trailing slash (but
 * "/" itself), no dot segment ({@code .} or {@code ..}); no {@code ;} path parameters, no
 * backslash, no control character, no raw non-ASCII; only RFC 3986 path characters; and
 * percent-encoding only where it changes the meaning: never for an unreserved character (RFC 3986
 * section 6.2.2.2, so {@code %77} and {@code %2d} are refused), never for {@code /}, {@code \},
 * {@code ;}, {@code %} or a control character, and always as valid UTF-8 (no overlong forms).
 * Encoded non-ASCII text (a Hebrew file name) and encoded reserved characters ({@code %2B}) stay
 * allowed.
 */
public final class CanonicalPath {

    /** The error code both the gateway and the services answer a non-canonical path with (400). */
    public static final String ERROR = "non_canonical_path";

    public static final String MESSAGE = "כתובת הבקשה אינה כתובה בצורתה התקנית, ולכן הבקשה נדחתה";

    /** RFC 3986 sub-delims, ":" and "@", less ";": the punctuation a path segment may hold as is. */
    private static final String SEGMENT_PUNCTUATION = "!$&'()*+,=:@";

    /** Whether {@code rawPath} is canonical; see {@link #problem(String)} for why not. */
    public static boolean isCanonical(String rawPath) {
        return problem(rawPath).isEmpty();
    }

    /**
     * Why {@code rawPath} (the path of the request target, without the query, not decoded) is not
     * canonical, in English for the logs; empty when it is.
     */
    public static Optional<String> problem(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return Optional.of("does not start with /");
        }
        if (rawPath.equals("/")) {
            return Optional.empty();
        }
        if (rawPath.endsWith("/")) {
            return Optional.of("trailing slash");
        }
        int segmentStart = 1;
        for (int i = 1; i <= rawPath.length(); i++) {
            if (i == rawPath.length() || rawPath.charAt(i) == '/') {
                String segment = rawPath.substring(segmentStart, i);
                if (segment.isEmpty()) {
                    return Optional.of("empty segment (//)");
                }
                if (segment.equals(".") || segment.equals("..")) {
                    return Optional.of("dot segment (" + segment + ")");
                }
                segmentStart = i + 1;
            }
        }
        for (int i = 0; i < rawPath.length(); ) {
            char c = rawPath.charAt(i);
            if (c == '%') {
                var encoded = encodedRun(rawPath, i);
                if (encoded.problem() != null) {
                    return Optional.of(encoded.problem());
                }
                i = encoded.end();
                continue;
            }
            String refusal = rawCharacterProblem(c);
            if (refusal != null) {
                return Optional.of(refusal);
            }
            i++;
        }
        return Optional.empty();
    }

    private static String rawCharacterProblem(char c) {
        if (c == '/' || isUnreserved(c) || SEGMENT_PUNCTUATION.indexOf(c) >= 0) {
            return null;
        }
        if (c == ';') {
            return "path parameter (;)";
        }
        if (c == '\\') {
            return "backslash";
        }
        if (c < 0x20 || c == 0x7F) {
            return "control character";
        }
        if (c > 0x7F) {
            return "raw non-ASCII character (must be percent-encoded)";
        }
        return "character not allowed in a path: " + c;
    }

    private record EncodedRun(int end, String problem) {}

    /** A run of consecutive %XX triplets from {@code start}: each byte judged, then the whole as UTF-8. */
    private static EncodedRun encodedRun(String path, int start) {
        var bytes = new java.io.ByteArrayOutputStream();
        int i = start;
        while (i < path.length() && path.charAt(i) == '%') {
            if (i + 2 >= path.length()) {
                return new EncodedRun(i, "invalid percent-encoding");
            }
            int high = Character.digit(path.charAt(i + 1), 16);
            int low = Character.digit(path.charAt(i + 2), 16);
            if (high < 0 || low < 0) {
                return new EncodedRun(i, "invalid percent-encoding");
            }
            int b = high << 4 | low;
            String refusal = encodedByteProblem(b);
            if (refusal != null) {
                return new EncodedRun(i, refusal);
            }
            bytes.write(b);
            i += 3;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return new EncodedRun(i, "percent-encoded bytes are not valid UTF-8");
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            return new EncodedRun(i, "percent-encoded control character");
        }
        return new EncodedRun(i, null);
    }

    private static String encodedByteProblem(int b) {
        if (b >= 0x80) {
            return null; // part of a UTF-8 sequence, judged as a whole
        }
        char c = (char) b;
        if (isUnreserved(c)) {
            return "percent-encoded unreserved character (" + c + ")";
        }
        return switch (c) {
            case '/' -> "encoded slash";
            case '\\' -> "encoded backslash";
            case ';' -> "encoded semicolon";
            case '%' -> "encoded percent sign";
            default -> c < 0x20 || c == 0x7F ? "percent-encoded control character" : null;
        };
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
    }

    private CanonicalPath() {}
}
