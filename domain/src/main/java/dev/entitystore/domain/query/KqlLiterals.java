package dev.entitystore.domain.query;

import java.util.BitSet;

/**
 * KQL's literals, as the grammar reads them (QuotedString, UnquotedLiteral and their escapes): quoted
 * text with escaped quotes, backslashes, whitespace letters and unicode sequences; unquoted text up to a special
 * character or a spaced keyword, trimmed, with unescaped {@code *} marked as wildcards. Literals are only
 * read inside named grammar rules, whose failures are silent, so this reader reports none.
 */
final class KqlLiterals {
    private final String input;
    private int pos;

    KqlLiterals(String input, int pos) {
        this.input = input;
        this.pos = pos;
    }

    int position() {
        return pos;
    }

    /** Literal = QuotedString / UnquotedLiteral; {@code null} (position unchanged) when neither matches. */
    KqlLiteral read() {
        KqlLiteral quoted = quotedString();
        return quoted != null ? quoted : unquotedLiteral();
    }

    // QuotedString = '"' QuotedCharacter* '"'
    private KqlLiteral quotedString() {
        int save = pos;
        if (pos >= input.length() || input.charAt(pos) != '"') {
            return null;
        }
        pos++;
        StringBuilder text = new StringBuilder();
        while (pos < input.length() && input.charAt(pos) != '"') {
            char c = input.charAt(pos);
            if (c == '\\') {
                Character escaped = escapedWhitespace();
                if (escaped == null) {
                    escaped = escapedUnicode();
                }
                if (escaped == null && pos + 1 < input.length()
                        && (input.charAt(pos + 1) == '\\' || input.charAt(pos + 1) == '"')) {
                    escaped = input.charAt(pos + 1);
                    pos += 2;
                }
                if (escaped != null) {
                    text.append(escaped.charValue());
                    continue;
                }
            }
            text.append(c); // any other character, a lone backslash included, stands for itself
            pos++;
        }
        if (pos >= input.length()) {
            pos = save;
            return null;
        }
        pos++;
        return KqlLiteral.quoted(text.toString());
    }

    // UnquotedLiteral = UnquotedCharacter+ (trimmed; unescaped '*' are wildcards)
    private KqlLiteral unquotedLiteral() {
        StringBuilder text = new StringBuilder();
        BitSet wildcards = new BitSet();
        while (pos < input.length()) {
            char c = input.charAt(pos);
            if (c == '\\') {
                Character escaped = escapedWhitespace();
                if (escaped == null && pos + 1 < input.length() && isSpecial(input.charAt(pos + 1))) {
                    escaped = input.charAt(pos + 1);
                    pos += 2;
                }
                if (escaped == null) {
                    escaped = escapedUnicode();
                }
                if (escaped == null) {
                    String keyword = escapedKeyword();
                    if (keyword != null) {
                        text.append(keyword);
                        continue;
                    }
                }
                if (escaped == null) {
                    break; // a backslash that escapes nothing is a special character: the literal ends
                }
                text.append(escaped.charValue());
                continue;
            }
            if (c == '*') {
                wildcards.set(text.length());
                text.append('*');
                pos++;
                continue;
            }
            if (isSpecial(c) || atKeyword()) {
                break;
            }
            text.append(c);
            pos++;
        }
        if (text.length() == 0) {
            return null;
        }
        return trim(text.toString(), wildcards);
    }

    /** JavaScript's {@code trim()}, keeping the wildcard marks in step. */
    private static KqlLiteral trim(String text, BitSet wildcards) {
        int from = 0;
        int to = text.length();
        while (from < to && isJsWhitespace(text.charAt(from)) && !wildcards.get(from)) {
            from++;
        }
        while (to > from && isJsWhitespace(text.charAt(to - 1)) && !wildcards.get(to - 1)) {
            to--;
        }
        return new KqlLiteral(text.substring(from, to), wildcards.get(from, to), false);
    }

    private static boolean isJsWhitespace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
    }

    // EscapedWhitespace = '\t' / '\r' / '\n' (backslash and letter)
    private Character escapedWhitespace() {
        if (pos + 1 < input.length()) {
            char next = input.charAt(pos + 1);
            char resolved = next == 't' ? '\t' : next == 'r' ? '\r' : next == 'n' ? '\n' : 0;
            if (resolved != 0) {
                pos += 2;
                return resolved;
            }
        }
        return null;
    }

    // EscapedUnicodeSequence = '\' 'u' HexDigit{4}
    private Character escapedUnicode() {
        if (pos + 6 <= input.length() && input.charAt(pos + 1) == 'u') {
            String digits = input.substring(pos + 2, pos + 6);
            if (digits.chars().allMatch(KqlLiterals::isHexDigit)) {
                pos += 6;
                return (char) Integer.parseInt(digits, 16);
            }
        }
        return null;
    }

    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    // EscapedKeyword = '\' ('or'i / 'and'i / 'not'i)
    private String escapedKeyword() {
        for (String keyword : new String[] {"or", "and", "not"}) {
            int end = pos + 1 + keyword.length();
            if (end <= input.length() && input.substring(pos + 1, end).equalsIgnoreCase(keyword)) {
                String original = input.substring(pos + 1, end);
                pos = end;
                return original;
            }
        }
        return null;
    }

    // SpecialCharacter = [\\():<>"*{}]
    private static boolean isSpecial(char c) {
        return c == '\\' || c == '(' || c == ')' || c == ':' || c == '<' || c == '>' || c == '"' || c == '*'
                || c == '{' || c == '}';
    }

    // !Keyword, where Keyword = Or / And / Not (Space+ 'or'i Space+, Space+ 'and'i Space+, 'not'i Space+):
    // a look ahead, consuming nothing
    private boolean atKeyword() {
        return spacedWord(pos, "or") || spacedWord(pos, "and") || word(pos, "not");
    }

    private boolean spacedWord(int at, String word) {
        int i = at;
        while (i < input.length() && isSpace(input.charAt(i))) {
            i++;
        }
        return i > at && word(i, word);
    }

    private boolean word(int at, String word) {
        int end = at + word.length();
        return end < input.length() && input.substring(at, end).equalsIgnoreCase(word) && isSpace(input.charAt(end));
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\u00A0';
    }

}
