package dev.entitystore.server.json;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.valueextraction.ExtractedValue;
import jakarta.validation.valueextraction.ValueExtractor;

/**
 * Tells Bean Validation that a free-form JSON value has no elements to validate. The generated interfaces
 * put {@code @Valid} on every object, entity records ({@code ObjectNode}) included; a {@code JsonNode} is
 * {@code Iterable}, so without this the validator walks every member of every record, and at bulk sizes
 * that walk was half the CPU of the request threads (measured, issue 15). Records are checked by the
 * domain's schema walk instead ({@code RequestBodyValidator}), which knows their rules.
 *
 * <p>Registered through {@code META-INF/services/jakarta.validation.valueextraction.ValueExtractor}; being
 * more specific than the built-in {@code Iterable} extractor, it wins for every {@code JsonNode} type.
 */
public final class JsonNodeValueExtractor implements ValueExtractor<@ExtractedValue(type = JsonNode.class) JsonNode> {
    @Override
    public void extractValues(JsonNode originalValue, ValueReceiver receiver) {
        // nothing: the members of a free-form record are not beans
    }
}
