package dev.entitystore.domain.list;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

/**
 * A page's {@code inspect} string written straight as the JSON string literal the answer carries: the text of
 * {@link JsStringify#pretty} escaped as a JSON writer escapes a string value, in one pass over the tree, as
 * UTF-8. Building the pretty text and then escaping it again took a third of a page-of-100 answer's CPU (the
 * text is a few hundred KB, mostly newlines and quotes that the answer escapes a second time).
 *
 * <p>Written into a UTF-8 answer as it is, without a copy ({@link #serialize}); its buffer is sized up front
 * from the caller's estimate. A page of 100 allocated ~2.4 MB, half of it this text's buffer growing by
 * doubling and its copy for the writer, and each young collection that a page meets adds its pause.
 */
final class InspectLiteral implements JsonSerializable {
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int MIN_CAPACITY = 1024;

    private byte[] bytes;
    private int length;

    private InspectLiteral(int capacity) {
        bytes = new byte[Math.max(MIN_CAPACITY, capacity)];
    }

    /** The pretty text of {@code node} as a raw JSON value node holding its string literal (quotes included). */
    static JsonNode of(JsonNode node) {
        return of(node, 0);
    }

    /** As {@link #of(JsonNode)}, with room for {@code expectedBytes} of literal from the start. */
    static JsonNode of(JsonNode node, int expectedBytes) {
        InspectLiteral literal = new InspectLiteral(expectedBytes);
        literal.put('"');
        literal.write(node, 0);
        literal.put('"');
        return JsonNodeFactory.instance.rawValueNode(new RawValue(literal));
    }

    // --- the pretty text (JsStringify's), each of its characters escaped for the answer -----------

    private void write(JsonNode node, int depth) {
        if (node.isObject()) {
            if (node.isEmpty()) {
                put('{');
                put('}');
                return;
            }
            put('{');
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                newline(depth + 1);
                string(field.getKey());
                put(':');
                put(' ');
                write(field.getValue(), depth + 1);
                if (it.hasNext()) {
                    put(',');
                }
            }
            newline(depth);
            put('}');
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                put('[');
                put(']');
                return;
            }
            put('[');
            for (int i = 0; i < node.size(); i++) {
                newline(depth + 1);
                write(node.get(i), depth + 1);
                if (i + 1 < node.size()) {
                    put(',');
                }
            }
            newline(depth);
            put(']');
        } else if (node.isTextual()) {
            string(node.asText());
        } else if (node.isNumber()) {
            ascii(JsStringify.numberText(node));
        } else {
            ascii(node.asText()); // true, false, null
        }
    }

    /** The pretty text's line break and indent: {@code \n} escaped, then two spaces a level. */
    private void newline(int depth) {
        ensure(2 + 2 * depth);
        bytes[length++] = '\\';
        bytes[length++] = 'n';
        Arrays.fill(bytes, length, length + 2 * depth, (byte) ' ');
        length += 2 * depth;
    }

    /**
     * A string as JavaScript quotes it inside the pretty text ({@code "}, {@code \}, the named control escapes,
     * {@code \\u00xx}), each of those characters escaped once more for the answer.
     */
    private void string(String text) {
        ensure(text.length() + 4);
        bytes[length++] = '\\';
        bytes[length++] = '"';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                if (length == bytes.length) {
                    ensure(1);
                }
                bytes[length++] = (byte) c;
            } else if (c == '"') {
                escaped('\\', '\\', '\\', '"');   // JS \" then JSON: \\\"
            } else if (c == '\\') {
                escaped('\\', '\\', '\\', '\\'); // JS \\ then JSON: \\\\
            } else if (c < 0x20) {
                control(c);
            } else {
                utf8(text, i);
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                }
            }
        }
        ensure(2);
        bytes[length++] = '\\';
        bytes[length++] = '"';
    }

    private void control(char c) {
        char named = switch (c) {
            case '\b' -> 'b';
            case '\f' -> 'f';
            case '\n' -> 'n';
            case '\r' -> 'r';
            case '\t' -> 't';
            default -> 0;
        };
        if (named != 0) {
            escaped('\\', '\\', named);
        } else {
            ensure(7);
            bytes[length++] = '\\';
            bytes[length++] = '\\';
            bytes[length++] = 'u';
            bytes[length++] = '0';
            bytes[length++] = '0';
            bytes[length++] = HEX[c >> 4];
            bytes[length++] = HEX[c & 0xF];
        }
    }

    /** A character from U+0080 on as UTF-8 (a pair of surrogates as one code point; a lone one as {@code ?}). */
    private void utf8(String text, int i) {
        char c = text.charAt(i);
        ensure(4);
        if (c < 0x800) {
            bytes[length++] = (byte) (0xC0 | c >> 6);
            bytes[length++] = (byte) (0x80 | c & 0x3F);
        } else if (!Character.isSurrogate(c)) {
            bytes[length++] = (byte) (0xE0 | c >> 12);
            bytes[length++] = (byte) (0x80 | c >> 6 & 0x3F);
            bytes[length++] = (byte) (0x80 | c & 0x3F);
        } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            int cp = Character.toCodePoint(c, text.charAt(i + 1));
            bytes[length++] = (byte) (0xF0 | cp >> 18);
            bytes[length++] = (byte) (0x80 | cp >> 12 & 0x3F);
            bytes[length++] = (byte) (0x80 | cp >> 6 & 0x3F);
            bytes[length++] = (byte) (0x80 | cp & 0x3F);
        } else {
            bytes[length++] = '?';
        }
    }

    private void escaped(char... chars) {
        ensure(chars.length);
        for (char c : chars) {
            bytes[length++] = (byte) c;
        }
    }

    private void ascii(String text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            bytes[length++] = (byte) text.charAt(i);
        }
    }

    private void put(char c) {
        ensure(1);
        bytes[length++] = (byte) c;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }

    // --- JsonSerializable: how the answer writes it ------------------------------------------------

    /** A UTF-8 writer takes the bytes as they are (between the quotes, which it writes itself). */
    @Override
    public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
        if (gen instanceof UTF8JsonGenerator) {
            gen.writeRawUTF8String(bytes, 1, length - 2);
        } else {
            gen.writeRawValue(text());
        }
    }

    @Override
    public void serializeWithType(JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer)
            throws IOException {
        serialize(gen, serializers);
    }

    /** The literal as text, quotes included: for writers that are not UTF-8. */
    private String text() {
        return new String(bytes, 0, length, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return text();
    }
}
