package dev.entitystore.domain.identity;

import java.util.List;
import java.util.Map;

/**
 * Computes a user's {@code entity.namespace}: the first non-empty of
 * {@code event.module} and the first {@code .}-chunk of {@code data_stream.dataset}, mapped to the
 * identity provider's name where Kibana knows it, else kept raw; {@code unknown} when there is none.
 */
final class UserNamespaceEvaluator {
    static final String FIELD = "entity.namespace";
    static final String UNKNOWN = "unknown";

    /** Kibana's when-clauses, in order: the first whose source values contain the raw value wins. */
    private static final List<Map.Entry<List<String>, String>> WHEN_CLAUSES = List.of(
            Map.entry(List.of("okta", "entityanalytics_okta"), "okta"),
            Map.entry(List.of("azure", "entityanalytics_entra_id"), "entra_id"),
            Map.entry(List.of("o365", "o365_metrics"), "microsoft_365"),
            Map.entry(List.of("entityanalytics_ad"), "active_directory"));

    private UserNamespaceEvaluator() {
    }

    static String evaluate(DocumentView view) {
        String raw = rawSourceValue(view);
        if (raw == null) {
            return UNKNOWN;
        }
        for (Map.Entry<List<String>, String> clause : WHEN_CLAUSES) {
            if (clause.getKey().contains(raw)) {
                return clause.getValue();
            }
        }
        return raw;
    }

    private static String rawSourceValue(DocumentView view) {
        String module = view.lenientValue("event.module");
        if (module != null) {
            return module;
        }
        String dataset = view.lenientValue("data_stream.dataset");
        if (dataset == null) {
            return null;
        }
        int dot = dataset.indexOf('.');
        String firstChunk = dot < 0 ? dataset : dataset.substring(0, dot);
        return firstChunk.isEmpty() ? null : firstChunk;
    }
}
