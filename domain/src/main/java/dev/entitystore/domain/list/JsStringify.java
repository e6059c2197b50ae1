package dev.entitystore.domain.list;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON text as JavaScript's {@code JSON.stringify(value, null, 2)} writes it, which is how Kibana's
 * {@code inspect} strings look: two-space indent, {@code "key": value}, {@code []} and {@code {}} when
 * empty, integral numbers without a fraction. Answers carry it through {@link InspectLiteral}, which writes the
 * same text already escaped; this is its plain form (and the tests' reference for it).
 */
final class JsStringify {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsStringify() {
    }

    static String pretty(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out, "");
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out, String indent) {
        if (node.isObject()) {
            if (node.isEmpty()) {
                out.append("{}");
                return;
            }
            String inner = indent + "  ";
            out.append("{\n");
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                out.append(inner);
                string(field.getKey(), out);
                out.append(": ");
                write(field.getValue(), out, inner);
                out.append(it.hasNext() ? ",\n" : "\n");
            }
            out.append(indent).append('}');
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                out.append("[]");
                return;
            }
            String inner = indent + "  ";
            out.append("[\n");
            for (int i = 0; i < node.size(); i++) {
                out.append(inner);
                write(node.get(i), out, inner);
                out.append(i + 1 < node.size() ? ",\n" : "\n");
            }
            out.append(indent).append(']');
        } else if (node.isTextual()) {
            string(node.asText(), out);
        } else if (node.isNumber()) {
            number(node, out);
        } else {
            out.append(node.asText()); // true, false, null
        }
    }

    private static void number(JsonNode node, StringBuilder out) {
        out.append(numberText(node));
    }

    /** A number as JavaScript prints it: integral values without a fraction. */
    static String numberText(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.asText();
        }
        double value = node.asDouble();
        return value == Math.rint(value) && Math.abs(value) < 1e21 ? Long.toString((long) value) : node.asText();
    }

    /**
     * A JSON string literal as JavaScript escapes it: runs of characters that need no escape are copied
     * whole (a page's inspect text is a few hundred KB of mostly plain record values).
     */
    private static void string(String text, StringBuilder out) {
        out.append('"');
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(text, run, i);
            run = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        out.append(text, run, text.length()).append('"');
    }
}
