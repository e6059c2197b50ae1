package dev.entitystore.domain.query;

import java.util.regex.Pattern;

/** Elasticsearch wildcard syntax ({@code *}, {@code ?}, {@code \} escapes) turned into other matchers. */
public final class Wildcards {
    private Wildcards() {
    }

    /** A Java regex for matching field names against a pattern. */
    public static Pattern toRegex(String wildcard) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < wildcard.length(); i++) {
            char c = wildcard.charAt(i);
            if (c == '\\' && i + 1 < wildcard.length()) {
                regex.append(Pattern.quote(String.valueOf(wildcard.charAt(++i))));
            } else if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** A Lucene {@code RegExp} source for a wildcard pattern (for case-insensitive matching). */
    public static String toLuceneRegExp(String wildcard) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < wildcard.length(); i++) {
            char c = wildcard.charAt(i);
            if (c == '\\' && i + 1 < wildcard.length()) {
                appendLiteral(regex, wildcard.charAt(++i));
            } else if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                appendLiteral(regex, c);
            }
        }
        return regex.toString();
    }

    /** A Lucene {@code RegExp} source matching exactly {@code text}. */
    public static String literalRegExp(String text) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            appendLiteral(regex, text.charAt(i));
        }
        return regex.toString();
    }

    private static void appendLiteral(StringBuilder regex, char c) {
        if (Character.isLetterOrDigit(c)) {
            regex.append(c);
        } else {
            regex.append('\\').append(c);
        }
    }
}
