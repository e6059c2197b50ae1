package dev.entitystore.domain.profile;

import java.util.regex.Pattern;

/** Elasticsearch's simple wildcard patterns (names, source-filter paths): {@code *} matches anything, dots included. */
public final class WildcardPattern {
    private WildcardPattern() {
    }

    public static Pattern compile(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
