package dev.entitystore.domain.resolution;

import java.util.List;

/** What an unlink did: the aliases it unlinked and the ids that were not aliases. */
public record UnlinkResult(List<String> unlinked, List<String> skipped, String entityType) {
    public UnlinkResult {
        unlinked = List.copyOf(unlinked);
        skipped = List.copyOf(skipped);
    }
}
