package dev.entitystore.domain.csv;

/**
 * CSV formula injection: a cell starting with {@code = + - @}, a tab or a carriage return is written with a
 * leading {@code '} (as is a value that already starts with {@code '} and one of them); reading takes one leading {@code '} off such a cell again, so a value survives an
 * export and an import unchanged.
 */
public final class FormulaGuard {
    private FormulaGuard() {
    }

    public static String escape(String value) {
        boolean ambiguous = value.length() > 1 && value.charAt(0) == '\'' && isTrigger(value, 1);
        return isTrigger(value, 0) || ambiguous ? "'" + value : value;
    }

    public static String unescape(String cell) {
        boolean escaped = cell.length() > 1 && cell.charAt(0) == '\''
                && (isTrigger(cell, 1) || (cell.charAt(1) == '\'' && isTrigger(cell, 2)));
        return escaped ? cell.substring(1) : cell;
    }

    private static boolean isTrigger(String value, int at) {
        if (value.length() <= at) {
            return false;
        }
        char c = value.charAt(at);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
