package dev.entitystore.server.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one ObjectMapper of the server, strict the way Kibana's schemas are: unknown keys fail, scalars
 * are never coerced ({@code "5"} is not 5, {@code 1.5} is not 1), dates are ISO strings with their
 * offset kept, numbers outside the double range are refused, and typed lists hold no nulls. Sizes are
 * bounded so that no body can make the server build something far larger than it was sent (limits in
 * docs/decisions.md, "Hostile input"): nesting, string values, key names and number literals while
 * parsing, arrays inside records once read.
 */
public final class ObjectMapperFactory {
    public static final int MAX_NESTING_DEPTH = 100;
    /** Characters of one string value: twice Windows' longest command line, 8x the longest indexed value. */
    public static final int MAX_STRING_LENGTH = 65_536;
    /** Characters of one key, flattened dotted keys included (Kibana's field paths are under 100). */
    public static final int MAX_NAME_LENGTH = 1_024;
    /** Digits of one number literal (Jackson's default; a double needs fewer than 30). */
    public static final int MAX_NUMBER_LENGTH = 1_000;
    /** Items of one array inside an entity record. */
    public static final int MAX_ARRAY_ITEMS = 10_000;

    private ObjectMapperFactory() {}

    public static ObjectMapper create() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .maxNameLength(MAX_NAME_LENGTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .build())
                .build();
        JsonMapper mapper = JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .addModule(new SimpleModule("bounded-records")
                        .addDeserializer(ObjectNode.class, new BoundedRecordDeserializer(MAX_ARRAY_ITEMS)))
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .nodeFactory(new FiniteNumberNodeFactory())
                .build();
        // A null item in a typed list ({"entities":[null]}) fails here, as Kibana's schemas fail it; Jackson
        // would hand the resource a list with a null in it. Records (ObjectNode) keep their nulls.
        mapper.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        mapper.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.String, CoercionAction.TryConvert)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (LogicalType stringy : new LogicalType[] {LogicalType.DateTime, LogicalType.Enum}) {
            mapper.coercionConfigFor(stringy).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        }
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.Float, CoercionAction.TryConvert)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
        return mapper;
    }
}
