package dev.entitystore.domain.entity;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * What the request schema accepts at one path, with Zod v4's wording for what it rejects.
 * Only the texts' gist matters to clients; the paths are exact.
 */
public final class ValueRule {
    /** Zod's {@code datetime()}: a UTC timestamp ending in {@code Z}. */
    private static final Pattern DATETIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z");

    enum Kind { STRING, STRING_ARRAY, STRING_OR_ARRAY, BOOLEAN, NUMBER, DATETIME, ENUM, OBJECT, ANY }

    static final ValueRule STRING = new ValueRule(Kind.STRING, null, null);
    static final ValueRule STRING_ARRAY = new ValueRule(Kind.STRING_ARRAY, null, null);
    static final ValueRule STRING_OR_ARRAY = new ValueRule(Kind.STRING_OR_ARRAY, null, null);
    static final ValueRule BOOLEAN = new ValueRule(Kind.BOOLEAN, null, null);
    static final ValueRule NUMBER = new ValueRule(Kind.NUMBER, null, null);
    static final ValueRule DATETIME_STRING = new ValueRule(Kind.DATETIME, null, null);
    /** A free-form object ({@code labels}): anything inside. */
    static final ValueRule FREE_OBJECT = new ValueRule(Kind.OBJECT, null, null);
    /** A definition destination the request schema lacks (product rules §3.12): any non-null value. */
    static final ValueRule ANY = new ValueRule(Kind.ANY, null, null);

    private final Kind kind;
    private final List<String> options;
    private final Double max;
    private final boolean nullable;

    private ValueRule(Kind kind, List<String> options, Double max) {
        this(kind, options, max, false);
    }

    private ValueRule(Kind kind, List<String> options, Double max, boolean nullable) {
        this.kind = kind;
        this.options = options;
        this.max = max;
        this.nullable = nullable;
    }

    static ValueRule oneOf(String... options) {
        return new ValueRule(Kind.ENUM, List.of(options), null);
    }

    /** An enum Kibana's schema marks {@code nullable}: {@code null} is valid too. */
    static ValueRule nullableOneOf(String... options) {
        return new ValueRule(Kind.ENUM, List.of(options), null, true);
    }

    Kind kind() {
        return kind;
    }

    /** An enum's options (empty for other kinds). */
    List<String> options() {
        return options == null ? List.of() : options;
    }

    /** Whether the schema types the value (anything but a definition-only or free-form leaf). */
    boolean isTyped() {
        return kind != Kind.ANY && kind != Kind.OBJECT;
    }

    static ValueRule numberUpTo(double max) {
        return new ValueRule(Kind.NUMBER, null, max);
    }

    boolean isFreeObject() {
        return kind == Kind.OBJECT;
    }

    /** Reports each problem of {@code value} at {@code path} (array elements as {@code path.i}). */
    void check(String path, JsonNode value, BiConsumer<String, String> issues) {
        if (nullable && value.isNull()) {
            return;
        }
        switch (kind) {
            case STRING:
                expect(value.isTextual(), "string", path, value, issues);
                break;
            case STRING_ARRAY:
                checkStringArray(path, value, issues);
                break;
            case STRING_OR_ARRAY:
                if (!value.isTextual()) {
                    checkStringArray(path, value, issues);
                }
                break;
            case BOOLEAN:
                expect(value.isBoolean(), "boolean", path, value, issues);
                break;
            case NUMBER:
                if (expect(value.isNumber(), "number", path, value, issues) && max != null) {
                    if (value.doubleValue() < 0) {
                        issues.accept(path, "Too small: expected number to be >=0");
                    } else if (value.doubleValue() > max) {
                        issues.accept(path, "Too big: expected number to be <=" + max.intValue());
                    }
                }
                break;
            case DATETIME:
                if (expect(value.isTextual(), "string", path, value, issues)
                        && !DATETIME.matcher(value.textValue()).matches()) {
                    issues.accept(path, "Invalid ISO datetime");
                }
                break;
            case ENUM:
                if (!value.isTextual() || !options.contains(value.textValue())) {
                    issues.accept(path, "Invalid option: expected one of "
                            + String.join("|", options.stream().map(o -> "\"" + o + "\"").toArray(String[]::new)));
                }
                break;
            case OBJECT:
                expect(value.isObject(), "object", path, value, issues);
                break;
            default:
                expect(!value.isNull(), "nonoptional", path, value, issues);
        }
    }

    private static void checkStringArray(String path, JsonNode value, BiConsumer<String, String> issues) {
        if (expect(value.isArray(), "array", path, value, issues)) {
            for (int i = 0; i < value.size(); i++) {
                expect(value.get(i).isTextual(), "string", path + "." + i, value.get(i), issues);
            }
        }
    }

    private static boolean expect(boolean ok, String expected, String path, JsonNode value,
                                  BiConsumer<String, String> issues) {
        if (!ok) {
            issues.accept(path, "Invalid input: expected " + expected + ", received " + typeOf(value));
        }
        return ok;
    }

    static String typeOf(JsonNode value) {
        if (value.isNull()) {
            return "null";
        }
        if (value.isArray()) {
            return "array";
        }
        if (value.isObject()) {
            return "object";
        }
        if (value.isNumber()) {
            return "number";
        }
        return value.isBoolean() ? "boolean" : "string";
    }
}
