package dev.entitystore.store.opensearch.search;

/**
 * Lucene regular expressions that match a literal or a wildcard pattern with ASCII letters in either
 * case and every other character exactly: the embedded index's case-insensitive matching. OpenSearch's
 * own {@code case_insensitive} flag also folds non-ASCII letters, so it is only used for pure-ASCII
 * values (where the two agree) and these expressions for the rest.
 */
final class AsciiCaseRegexps {
    private AsciiCaseRegexps() {
    }

    static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }

    /** Matches exactly {@code text}, ASCII letters in either case. */
    static String literal(String text) {
        StringBuilder regexp = new StringBuilder();
        text.codePoints().forEach(c -> append(regexp, c));
        return regexp.toString();
    }

    /** Matches values starting with {@code prefix}, ASCII letters in either case. */
    static String prefix(String prefix) {
        return literal(prefix) + ".*";
    }

    /** The wildcard pattern ({@code *}, {@code ?}, {@code \} escapes), ASCII letters in either case. */
    static String wildcard(String pattern) {
        StringBuilder regexp = new StringBuilder();
        for (int i = 0; i < pattern.length(); ) {
            int c = pattern.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\\' && i < pattern.length()) {
                int escaped = pattern.codePointAt(i);
                i += Character.charCount(escaped);
                append(regexp, escaped);
            } else if (c == '*') {
                regexp.append(".*");
            } else if (c == '?') {
                regexp.append('.');
            } else {
                append(regexp, c);
            }
        }
        return regexp.toString();
    }

    private static void append(StringBuilder regexp, int c) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            regexp.append('[').append(Character.toChars(Character.toLowerCase(c)))
                    .append(Character.toChars(Character.toUpperCase(c))).append(']');
        } else if (Character.isLetterOrDigit(c)) {
            regexp.appendCodePoint(c);
        } else {
            regexp.append('\\').appendCodePoint(c); // every operator of every flag set, escaped
        }
    }
}
