package dev.entitystore.domain.transfer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.entitystore.domain.error.InvalidRequestException;

/**
 * One column of an entity CSV: a flattened field path and the JSON kind of its values, written in the
 * header as a suffix so that a file reads back into the same JSON: {@code path} strings, {@code path[]}
 * arrays of strings joined by {@value #SEPARATOR} (a literal {@code |} or {@code \} escaped with {@code \}),
 * {@code path:number}, {@code path:boolean}, and {@code path:json} for anything else (JSON text).
 */
record CsvColumn(String path, Kind kind) {
    static final char SEPARATOR = '|';
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Kind {
        STRING(""), STRINGS("[]"), NUMBER(":number"), BOOLEAN(":boolean"), JSON(":json");

        final String suffix;

        Kind(String suffix) {
            this.suffix = suffix;
        }
    }

    static CsvColumn parse(String header) {
        for (Kind kind : Kind.values()) {
            if (kind != Kind.STRING && header.endsWith(kind.suffix)) {
                return new CsvColumn(header.substring(0, header.length() - kind.suffix.length()), kind);
            }
        }
        return new CsvColumn(header, Kind.STRING);
    }

    /** The narrowest kind that holds {@code value}. */
    static Kind kindOf(JsonNode value) {
        if (value.isTextual()) {
            return Kind.STRING;
        }
        if (value.isNumber()) {
            return Kind.NUMBER;
        }
        if (value.isBoolean()) {
            return Kind.BOOLEAN;
        }
        if (value.isArray()) {
            for (JsonNode item : value) {
                if (!item.isTextual()) {
                    return Kind.JSON;
                }
            }
            return Kind.STRINGS;
        }
        return Kind.JSON;
    }

    /** The kind that holds values of both kinds. */
    static Kind widen(Kind a, Kind b) {
        return a == null ? b : a == b ? a : Kind.JSON;
    }

    String header() {
        return path + kind.suffix;
    }

    String write(JsonNode value) {
        return switch (kind) {
            case STRING -> value.textValue();
            case NUMBER, BOOLEAN -> value.asText();
            // Only a record changed between an export's two passes has anything else here: written as JSON then.
            case STRINGS -> kindOf(value) == Kind.STRINGS ? joined((ArrayNode) value) : value.toString();
            case JSON -> value.toString();
        };
    }

    /** The cell's value; {@code null} for an empty cell (the field is absent). */
    JsonNode read(String cell) {
        if (cell.isEmpty()) {
            return null;
        }
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        try {
            return switch (kind) {
                case STRING -> nodes.textNode(cell);
                case NUMBER -> {
                    JsonNode number = JSON.readTree(cell);
                    if (!number.isNumber()) {
                        throw new NumberFormatException(cell);
                    }
                    yield number;
                }
                case BOOLEAN -> {
                    if (!cell.equals("true") && !cell.equals("false")) {
                        throw new InvalidRequestException(header() + ": expected true or false, got " + cell);
                    }
                    yield nodes.booleanNode(Boolean.parseBoolean(cell));
                }
                case STRINGS -> split(cell);
                case JSON -> JSON.readTree(cell);
            };
        } catch (NumberFormatException | JsonProcessingException e) {
            throw new InvalidRequestException(header() + ": not a valid " + kind.name().toLowerCase() + ": " + cell);
        }
    }

    private static String joined(ArrayNode values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(SEPARATOR);
            }
            appendEscaped(out, values.get(i).textValue());
        }
        return out.toString();
    }

    /** One value of a {@code path[]} cell, its separators and backslashes escaped. */
    static void appendEscaped(StringBuilder out, String value) {
        for (int c = 0; c < value.length(); c++) {
            char ch = value.charAt(c);
            if (ch == SEPARATOR || ch == '\\') {
                out.append('\\');
            }
            out.append(ch);
        }
    }

    private static ArrayNode split(String cell) {
        ArrayNode values = JsonNodeFactory.instance.arrayNode();
        StringBuilder value = new StringBuilder();
        for (int c = 0; c < cell.length(); c++) {
            char ch = cell.charAt(c);
            if (ch == '\\' && c + 1 < cell.length()) {
                value.append(cell.charAt(++c));
            } else if (ch == SEPARATOR) {
                values.add(value.toString());
                value.setLength(0);
            } else {
                value.append(ch);
            }
        }
        values.add(value.toString());
        return values;
    }
}
