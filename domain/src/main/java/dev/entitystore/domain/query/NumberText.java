package dev.entitystore.domain.query;

import java.util.regex.Pattern;

/** Whether a query value is a number, as JSON writes one. Shared by the search adapters, so they agree. */
public final class NumberText {
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");

    private NumberText() {
    }

    /** The value as a double, or {@code null} if it is not a number. */
    public static Double parse(String text) {
        if (text.isEmpty() || text.length() > 40 || !NUMBER.matcher(text).matches()) {
            return null;
        }
        return Double.parseDouble(text);
    }
}
