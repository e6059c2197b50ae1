package dev.entitystore.domain.resolution;

import java.util.List;

/**
 * What a link did (or, on a dry run, would do).
 *
 * @param refused on a dry run, the ids a real link would refuse, each with the 400 text it would answer;
 *                always empty otherwise (a real link fails on the first instead)
 */
public record LinkResult(List<String> linked, List<String> skipped, List<Refusal> refused, String targetId,
                         String entityType, boolean dryRun) {
    public LinkResult {
        linked = List.copyOf(linked);
        skipped = List.copyOf(skipped);
        refused = List.copyOf(refused);
    }

    /** One id a link would refuse, and why. */
    public record Refusal(String entityId, String message) {
    }
}
