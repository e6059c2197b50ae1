package dev.entitystore.domain.list;

import java.util.List;
import java.util.regex.Pattern;

/** Dotted field paths against the patterns of {@code source} and {@code fields} ({@code *} wildcards). */
final class PathPatterns {
    private PathPatterns() {
    }

    static boolean matches(String pattern, String path) {
        if (pattern.indexOf('*') < 0) {
            return pattern.equals(path);
        }
        return regex(pattern).matcher(path).matches();
    }

    static boolean anyMatches(List<String> patterns, String path) {
        for (String pattern : patterns) {
            if (matches(pattern, path)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a pattern may match something beneath {@code path} (so an object there must be opened). */
    static boolean mayMatchBelow(List<String> patterns, String path) {
        String prefix = path + ".";
        for (String pattern : patterns) {
            if (pattern.startsWith(prefix) || (pattern.indexOf('*') >= 0 && couldExtend(pattern, prefix))) {
                return true;
            }
        }
        return false;
    }

    private static boolean couldExtend(String pattern, String prefix) {
        int star = pattern.indexOf('*');
        String fixed = pattern.substring(0, star);
        return prefix.startsWith(fixed) || fixed.startsWith(prefix);
    }

    private static Pattern regex(String pattern) {
        StringBuilder regex = new StringBuilder();
        String[] parts = pattern.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
