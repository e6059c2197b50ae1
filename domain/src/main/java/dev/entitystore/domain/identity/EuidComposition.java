package dev.entitystore.domain.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One rung of an EUID ranking: fields whose values, all present, are joined by {@code @}. */
record EuidComposition(List<String> fields) {
    static final String SEPARATOR = "@";

    static EuidComposition of(String... fields) {
        return new EuidComposition(List.of(fields));
    }

    /** The field values in composition order, or {@code null} if any is missing. */
    Map<String, String> valuesIn(DocumentView view) {
        Map<String, String> values = new LinkedHashMap<>(fields.size() * 2);
        for (String field : fields) {
            String value = view.value(field);
            if (value == null) {
                return null;
            }
            values.put(field, value);
        }
        return values;
    }
}
