package dev.entitystore.store.embedded.search;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Walks a stored record (a JSON object in UTF-8, as the store keeps it) and hands each leaf value to a
 * {@link Sink} under its {@link FieldPaths.Path}: array elements are more values of the same path, objects in
 * arrays add their fields under it, {@code null} adds nothing. An index build spends most of its time per
 * value, so the common value, an ASCII string without escapes, is handed over as a slice of the record's own
 * bytes: no decoding to a Java string and encoding back for Lucene. Other strings are decoded as a JSON
 * parser would. Numbers keep their text, as written. Strict JSON: anything else is {@link Malformed}.
 *
 * <p>One instance per thread (it keeps its decoder); not thread-safe.
 */
final class JsonLeaves {
    /** Deeper nesting is refused, as Jackson refuses it, rather than exhausting the stack. */
    static final int MAX_DEPTH = 1_000;

    /** Receives the leaf values of one record, in the record's order. */
    interface Sink {
        /** A string of ASCII characters without escapes: {@code bytes[from, from + length)}. */
        void ascii(FieldPaths.Path path, byte[] bytes, int from, int length);

        /** Any other string, decoded. */
        void string(FieldPaths.Path path, String text);

        /** A number: its text as written, and its value. */
        void number(FieldPaths.Path path, String text, double value);

        void bool(FieldPaths.Path path, boolean value);
    }

    /** The record is not valid JSON. */
    static final class Malformed extends IOException {
        Malformed(String message) {
            super(message);
        }
    }

    /** The record is valid so far but not a JSON object. */
    static final class NotAnObject extends IOException {
        NotAnObject() {
            super("not a JSON object");
        }
    }

    private final FieldPaths paths;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
    private final StringBuilder decoded = new StringBuilder();
    private Sink sink;
    private byte[] json;
    private int pos;

    JsonLeaves(FieldPaths paths) {
        this.paths = paths;
    }

    /** Hands every leaf value of {@code record} to {@code sink}. */
    void walk(byte[] record, Sink to) throws IOException {
        json = record;
        sink = to;
        pos = 0;
        try {
            skipWhitespace();
            if (pos >= json.length || json[pos] != '{') {
                throw new NotAnObject();
            }
            pos++;
            object(paths.root, 1);
        } finally {
            json = null;
            sink = null;
        }
    }

    /** Just past an opening bracket: whether the container is empty (then its closing bracket is read too). */
    private boolean empty(int depth, char close) throws IOException {
        if (depth > MAX_DEPTH) {
            throw malformed("nested deeper than " + MAX_DEPTH);
        }
        skipWhitespace();
        if (peek() == close) {
            pos++;
            return true;
        }
        return false;
    }

    private void object(FieldPaths.Path parent, int depth) throws IOException {
        if (empty(depth, '}')) {
            return;
        }
        while (true) {
            if (next() != '"') {
                throw malformed("a field name expected");
            }
            FieldPaths.Path path = name(parent);
            skipWhitespace();
            if (next() != ':') {
                throw malformed("':' expected");
            }
            value(path, depth);
            skipWhitespace();
            byte c = next();
            if (c == '}') {
                return;
            }
            if (c != ',') {
                throw malformed("',' or '}' expected");
            }
            skipWhitespace();
        }
    }

    private void array(FieldPaths.Path path, int depth) throws IOException {
        if (empty(depth, ']')) {
            return;
        }
        while (true) {
            value(path, depth);
            skipWhitespace();
            byte c = next();
            if (c == ']') {
                return;
            }
            if (c != ',') {
                throw malformed("',' or ']' expected");
            }
        }
    }

    private void value(FieldPaths.Path path, int depth) throws IOException {
        skipWhitespace();
        byte c = next();
        switch (c) {
            case '{' -> object(path, depth + 1);
            case '[' -> array(path, depth + 1);
            case '"' -> string(path);
            case 't' -> {
                literal("rue");
                sink.bool(path, true);
            }
            case 'f' -> {
                literal("alse");
                sink.bool(path, false);
            }
            case 'n' -> literal("ull");
            default -> {
                if (c != '-' && (c < '0' || c > '9')) {
                    throw malformed("a value expected");
                }
                number(path, pos - 1);
            }
        }
    }

    /** A field name, after its opening quote. */
    private FieldPaths.Path name(FieldPaths.Path parent) throws IOException {
        int from = pos;
        int end = plainEnd(from);
        if (json[end] == '"') {
            pos = end + 1;
            return paths.child(parent, json, from, end - from);
        }
        boolean escaped = hasEscape(from);
        String name = decode(from);
        // Without escapes the bytes name the field (once checked to be UTF-8); escapes can spell one name
        // several ways, so such a name is not kept.
        return escaped ? paths.unkept(parent, name) : paths.child(parent, json, from, pos - 1 - from);
    }

    /** A string value, after its opening quote. */
    private void string(FieldPaths.Path path) throws IOException {
        int from = pos;
        int end = plainEnd(from);
        if (json[end] == '"') {
            pos = end + 1;
            sink.ascii(path, json, from, end - from);
        } else {
            sink.string(path, decode(from));
        }
    }

    /** Where the run of plain ASCII characters from {@code from} ends: a quote, or what needs decoding. */
    private int plainEnd(int from) throws Malformed {
        byte[] b = json;
        for (int i = from; i < b.length; i++) {
            byte c = b[i];
            if (c == '"' || c == '\\' || c < 0x20) { // negative: a byte of a multi-byte UTF-8 character
                return i;
            }
        }
        throw malformed("a string does not end");
    }

    private boolean hasEscape(int from) {
        for (int i = from; i < json.length && json[i] != '"'; i++) {
            if (json[i] == '\\') {
                return true;
            }
        }
        return false;
    }

    /** The string from {@code from} (after its opening quote) decoded; leaves {@link #pos} after its closing quote. */
    private String decode(int from) throws IOException {
        decoded.setLength(0);
        int i = from;
        while (true) {
            int run = i;
            while (i < json.length && json[i] != '"' && json[i] != '\\') {
                if (json[i] >= 0 && json[i] < 0x20) {
                    throw malformed("a control character in a string");
                }
                i++;
            }
            if (i >= json.length) {
                throw malformed("a string does not end");
            }
            if (i > run) {
                try {
                    decoded.append(utf8.decode(ByteBuffer.wrap(json, run, i - run)));
                } catch (CharacterCodingException e) {
                    throw malformed("a string is not UTF-8");
                }
            }
            if (json[i] == '"') {
                pos = i + 1;
                return decoded.toString();
            }
            i = escape(i + 1);
        }
    }

    /** Appends the escape whose letter is at {@code i}; returns where the string goes on. */
    private int escape(int i) throws Malformed {
        if (i >= json.length) {
            throw malformed("a string does not end");
        }
        switch (json[i]) {
            case '"' -> decoded.append('"');
            case '\\' -> decoded.append('\\');
            case '/' -> decoded.append('/');
            case 'b' -> decoded.append('\b');
            case 'f' -> decoded.append('\f');
            case 'n' -> decoded.append('\n');
            case 'r' -> decoded.append('\r');
            case 't' -> decoded.append('\t');
            case 'u' -> {
                if (i + 4 >= json.length) {
                    throw malformed("a string does not end");
                }
                int unit = 0;
                for (int k = i + 1; k <= i + 4; k++) {
                    int digit = Character.digit(json[k], 16);
                    if (digit < 0) {
                        throw malformed("a bad \\u escape");
                    }
                    unit = unit * 16 + digit;
                }
                decoded.append((char) unit); // surrogate pairs come as two escapes, as in Java strings
                return i + 5;
            }
            default -> throw malformed("a bad escape");
        }
        return i + 1;
    }

    /** A number whose first character is at {@code from}, in JSON's grammar. */
    private void number(FieldPaths.Path path, int from) throws Malformed {
        int i = from;
        if (json[i] == '-') {
            i++;
        }
        if (i < json.length && json[i] == '0') {
            i++;
        } else {
            i = digits(i, "a digit expected");
        }
        boolean whole = true;
        if (i < json.length && json[i] == '.') {
            whole = false;
            i = digits(i + 1, "a digit expected after '.'");
        }
        if (i < json.length && (json[i] == 'e' || json[i] == 'E')) {
            whole = false;
            i++;
            if (i < json.length && (json[i] == '+' || json[i] == '-')) {
                i++;
            }
            i = digits(i, "a digit expected in the exponent");
        }
        pos = i;
        String text = new String(json, from, i - from, StandardCharsets.ISO_8859_1);
        sink.number(path, text, whole ? wholeValue(text) : Double.parseDouble(text));
    }

    /** A whole number's value as a JSON parser gives it: the integer's, so {@code -0} is 0, not -0.0. */
    private static double wholeValue(String text) {
        return text.length() <= 18 ? (double) Long.parseLong(text) : new BigInteger(text).doubleValue();
    }

    /** The end of a run of at least one digit starting at {@code from}. */
    private int digits(int from, String expected) throws Malformed {
        int i = from;
        while (i < json.length && json[i] >= '0' && json[i] <= '9') {
            i++;
        }
        if (i == from) {
            throw malformed(expected);
        }
        return i;
    }

    private void literal(String rest) throws Malformed {
        for (int k = 0; k < rest.length(); k++) {
            if (next() != rest.charAt(k)) {
                throw malformed("true, false or null expected");
            }
        }
    }

    private void skipWhitespace() {
        while (pos < json.length) {
            byte c = json[pos];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            pos++;
        }
    }

    private byte peek() throws Malformed {
        if (pos >= json.length) {
            throw malformed("the record ends early");
        }
        return json[pos];
    }

    private byte next() throws Malformed {
        byte c = peek();
        pos++;
        return c;
    }

    private Malformed malformed(String what) {
        return new Malformed(what + " at byte " + pos);
    }
}
