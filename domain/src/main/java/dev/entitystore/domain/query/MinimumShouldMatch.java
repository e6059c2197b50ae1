package dev.entitystore.domain.query;

import com.fasterxml.jackson.databind.JsonNode;

/** Elasticsearch's {@code minimum_should_match} of a bool query, resolved against its should clauses. */
final class MinimumShouldMatch {
    private MinimumShouldMatch() {
    }

    /**
     * @param spec              the given value (integer, negative integer, percentage), or null
     * @param shouldCount       how many should clauses there are
     * @param noRequiredClauses true when the bool has no must and no filter clause: then one should
     *                          clause must match by default, as in Elasticsearch
     */
    static int resolve(JsonNode spec, int shouldCount, boolean noRequiredClauses) {
        if (spec == null || spec.isNull()) {
            return noRequiredClauses && shouldCount > 0 ? 1 : 0;
        }
        String text = spec.asText().trim();
        int required;
        try {
            if (text.endsWith("%")) {
                int percent = Integer.parseInt(text.substring(0, text.length() - 1));
                int count = shouldCount * Math.abs(percent) / 100;
                required = percent < 0 ? shouldCount - count : count;
            } else {
                int count = Integer.parseInt(text);
                required = count < 0 ? shouldCount + count : count;
            }
        } catch (NumberFormatException e) {
            throw QueryDslParser.invalid("[bool] minimum_should_match [" + text + "] is not supported");
        }
        // Without should clauses Elasticsearch ignores it; above their count nothing can match.
        return shouldCount == 0 ? 0 : Math.max(0, required);
    }
}
