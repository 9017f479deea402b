package dev.agentlocator.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The other spellings of a request path that an attacker tries to slip past a check that matches
 * strings while the router matches decoded paths: every letter percent-encoded (upper- and
 * lower-case hex), doubled and trailing slashes, {@code ;} parameters, dot segments plain and
 * encoded, encoded slashes and backslashes, and backslashes themselves. None of them is canonical;
 * {@link #otherCase(String)} is canonical but names another path.
 */
public final class PathSpellings {

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

    private PathSpellings() {}
}
