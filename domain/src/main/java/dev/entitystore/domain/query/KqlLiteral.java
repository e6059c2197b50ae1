package dev.entitystore.domain.query;

import java.util.BitSet;

/**
 * A KQL literal as the grammar reads it: its text (escapes resolved, unquoted ones trimmed), which of its
 * characters are unescaped {@code *} wildcards, and whether it was quoted.
 */
record KqlLiteral(String text, BitSet wildcards, boolean quoted) {
    static KqlLiteral quoted(String text) {
        return new KqlLiteral(text, new BitSet(), true);
    }

    boolean isWildcard() {
        return !wildcards.isEmpty();
    }

    /** A lone {@code *}: "any value" (exists), or with a lone {@code *} field, "anything". */
    boolean isLoneWildcard() {
        return text.length() == 1 && wildcards.get(0);
    }

    /** The literal in Elasticsearch's wildcard syntax: its own {@code * ? \} escaped, wildcards as {@code *}. */
    String wildcardPattern() {
        StringBuilder pattern = new StringBuilder(text.length() + 4);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (wildcards.get(i)) {
                pattern.append('*');
            } else {
                if (c == '*' || c == '?' || c == '\\') {
                    pattern.append('\\');
                }
                pattern.append(c);
            }
        }
        return pattern.toString();
    }
}
