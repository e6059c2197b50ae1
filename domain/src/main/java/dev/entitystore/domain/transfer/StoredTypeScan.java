package dev.entitystore.domain.transfer;

import java.nio.charset.StandardCharsets;

/**
 * Finds a record's {@code entity.EngineMetadata.Type} in its JSON text by a scan of the bytes that only
 * follows strings and nesting: the export's type lookup was most of its CPU with a tokenizing parser,
 * which reads every name and number it skips. It answers what {@link NdjsonLines#typeOf} answers; text it
 * does not expect (an escaped key or type, text that is not JSON) is left to that parse ({@link #UNSURE}).
 */
final class StoredTypeScan {
    /** The scan cannot say: parse the text instead. */
    static final String UNSURE = new String("unsure");

    private static final byte[][] PATH = {bytes("entity"), bytes("EngineMetadata"), bytes("Type")};

    private final byte[] json;
    private int at;

    private StoredTypeScan(byte[] json) {
        this.json = json;
    }

    /** The type as a string, {@code null} when the record has none that is a string, or {@link #UNSURE}. */
    static String typeOf(byte[] json) {
        StoredTypeScan scan = new StoredTypeScan(json);
        try {
            scan.whitespace();
            if (scan.json[scan.at] != '{') {
                return UNSURE;
            }
            scan.at++;
            return scan.inObject(0);
        } catch (ArrayIndexOutOfBoundsException | Unexpected e) {
            return UNSURE;
        }
    }

    /** Inside an object at {@code depth} of the path, after its '{': the value there, or {@code null}. */
    private String inObject(int depth) {
        whitespace();
        if (json[at] == '}') {
            return null;
        }
        while (true) {
            expect('"');
            int keyStart = at;
            int keyEnd = stringEnd();
            whitespace();
            expect(':');
            whitespace();
            if (same(keyStart, keyEnd, PATH[depth])) {
                byte value = json[at];
                if (depth == PATH.length - 1) {
                    if (value != '"') {
                        return null;
                    }
                    at++;
                    int start = at;
                    int end = stringEnd();
                    return new String(json, start, end - start, StandardCharsets.UTF_8);
                }
                if (value != '{') {
                    return null;
                }
                at++;
                return inObject(depth + 1);
            }
            skipValue();
            whitespace();
            byte next = json[at++];
            if (next == '}') {
                return null;
            }
            if (next != ',') {
                throw new Unexpected();
            }
            whitespace();
        }
    }

    /** After an opening quote: moves past the closing one and answers where it was; an escape is left to the parser. */
    private int stringEnd() {
        while (true) {
            byte b = json[at++];
            if (b == '"') {
                return at - 1;
            }
            if (b == '\\') {
                throw new Unexpected();
            }
        }
    }

    /*
     * The skips below run over most of a record's bytes; they work on locals and write the position back
     * once, since the service start compiles with C1 only, which reloads and stores fields on every byte
     * (thread CPU, C1 only, 100,000 exported hosts of ~1.1 KB: 1.4 µs a record with fields, 1.05–1.15 with locals).
     */
    private void skipValue() {
        byte[] text = json;
        int i = at;
        byte first = text[i];
        if (first == '"') {
            i = skipString(text, i + 1);
        } else if (first == '{' || first == '[') {
            i++;
            int depth = 1;
            while (depth > 0) {
                byte b = text[i++];
                if (b == '"') {
                    i = skipString(text, i);
                } else if (b == '{' || b == '[') {
                    depth++;
                } else if (b == '}' || b == ']') {
                    depth--;
                }
            }
        } else {
            byte b = text[i];
            while (b != ',' && b != '}' && b != ']' && !space(b)) {
                b = text[++i];
            }
        }
        at = i;
    }

    /** From just after an opening quote at {@code i}: where the string ends, past its closing quote; escapes skipped whole. */
    private static int skipString(byte[] text, int i) {
        while (true) {
            byte b = text[i++];
            if (b == '"') {
                return i;
            }
            if (b == '\\') {
                i++;
            }
        }
    }

    private boolean same(int start, int end, byte[] key) {
        if (end - start != key.length) {
            return false;
        }
        for (int i = 0; i < key.length; i++) {
            if (json[start + i] != key[i]) {
                return false;
            }
        }
        return true;
    }

    private void expect(char c) {
        if (json[at++] != c) {
            throw new Unexpected();
        }
    }

    private void whitespace() {
        while (space(json[at])) {
            at++;
        }
    }

    private static boolean space(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Text the scan does not follow; the parser decides. */
    private static final class Unexpected extends RuntimeException {
        Unexpected() {
            super(null, null, false, false);
        }
    }
}
