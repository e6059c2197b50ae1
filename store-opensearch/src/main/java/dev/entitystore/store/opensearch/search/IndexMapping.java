package dev.entitystore.store.opensearch.search;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.domain.query.Wildcards;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The record fields an entity index maps, by dotted path, with their {@link FieldType}: what a query's
 * field names resolve against, as the embedded index resolves them against its field catalogue. Only
 * the record's own leaves count; the {@code .text} and {@code .date} sub-fields are ways of querying a
 * leaf, not fields of the record, so {@code host.*} never reaches {@code host.name.text}.
 */
final class IndexMapping {
    static final IndexMapping EMPTY = new IndexMapping(new TreeMap<>());

    private final TreeMap<String, FieldType> fields;

    private IndexMapping(TreeMap<String, FieldType> fields) {
        this.fields = fields;
    }

    /** From the {@code mappings} object of a {@code GET <index>/_mapping} answer. */
    static IndexMapping of(JsonNode mappings) {
        TreeMap<String, FieldType> fields = new TreeMap<>();
        collect(mappings.path("properties"), "", fields);
        return new IndexMapping(fields);
    }

    private static void collect(JsonNode properties, String prefix, Map<String, FieldType> into) {
        properties.fields().forEachRemaining(entry -> {
            String path = prefix + entry.getKey();
            JsonNode property = entry.getValue();
            if (property.has("properties")) {
                collect(property.get("properties"), path + ".", into);
            } else if (property.has("type") && !property.get("type").asText().equals("object")
                    && !property.get("type").asText().equals("nested")) {
                boolean dated = property.path("fields").path(FieldType.DATE_SUBFIELD).path("type").asText().startsWith("date");
                into.put(path, FieldType.of(property.get("type").asText(), dated));
            }
        });
    }

    /** The type of a mapped field, or {@code null} if the index has no such field (yet). */
    FieldType type(String field) {
        return fields.get(field);
    }

    /** The fields a query field names: itself, or those its pattern matches ({@code *}: all). */
    List<String> resolve(String field) {
        if (isPattern(field)) {
            Pattern pattern = Wildcards.toRegex(field);
            List<String> matching = new ArrayList<>();
            for (String name : fields.keySet()) {
                if (pattern.matcher(name).matches()) {
                    matching.add(name);
                }
            }
            return matching;
        }
        return fields.containsKey(field) ? List.of(field) : List.of();
    }

    /** Like {@link #resolve}, and an object name stands for every field beneath it. */
    List<String> resolveWithObjects(String field) {
        List<String> resolved = resolve(field);
        if (!resolved.isEmpty() || isPattern(field)) {
            return resolved;
        }
        String prefix = field + ".";
        return new ArrayList<>(fields.subMap(prefix, prefix + Character.MAX_VALUE).keySet());
    }

    Map<String, FieldType> fields() {
        return Collections.unmodifiableMap(fields);
    }

    static boolean isPattern(String field) {
        return field.indexOf('*') >= 0;
    }
}
