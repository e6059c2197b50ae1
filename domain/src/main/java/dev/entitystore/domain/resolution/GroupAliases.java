package dev.entitystore.domain.resolution;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.query.Query;
import dev.entitystore.domain.search.EntitySearch;
import dev.entitystore.domain.search.SearchHit;
import dev.entitystore.domain.search.SearchRequest;
import dev.entitystore.domain.search.SearchResult;
import dev.entitystore.domain.search.SearchSort;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One target's aliases, read through the search port in EUID order, page after page. The cursor is the last
 * EUID handed on, never a version: an alias written during a walk (a concurrent link rewrites members) keeps
 * its place, so the walk neither repeats nor skips it, which a timestamp order would not give.
 */
final class GroupAliases implements ResolutionGroup.Aliases {
    /**
     * Aliases per search of a whole-group walk. Each search of the embedded index sorts the group's every
     * alias again, so the walk costs groups²/PAGE: at 1,000 a group of 100,000 spent over half its CPU
     * in those sorts. 5,000 holds a few tens of MB of records at a time.
     */
    static final int PAGE = 5000;
    private static final SearchSort BY_EUID = new SearchSort("entity.id", false);

    private final EntitySearch search;
    private final String space;
    private final String target;

    GroupAliases(EntitySearch search, String space, String target) {
        this.search = search;
        this.space = space;
        this.target = target;
    }

    @Override
    public long each(Consumer<ObjectNode> receiver) {
        long handed = 0;
        String after = null;
        while (true) {
            Walked page = walk(after, PAGE, receiver);
            handed += page.handed();
            if (page.next().isEmpty()) {
                return handed;
            }
            after = page.next().get();
        }
    }

    @Override
    public Optional<String> page(String after, int size, Consumer<ObjectNode> receiver) {
        return walk(after, size, receiver).next();
    }

    @Override
    public long count() {
        return search.search(new SearchRequest(space, aliases(), BY_EUID, null, 0, 0, true)).total();
    }

    private record Walked(long handed, Optional<String> next) {
    }

    /**
     * Up to {@code size} aliases after the EUID {@code after}. A hit that is no longer an alias of the target
     * when read (unlinked since the index saw it) is left out, and the page is topped up from further on, so a
     * short page is always the last.
     */
    private Walked walk(String after, int size, Consumer<ObjectNode> receiver) {
        long handed = 0;
        String cursor = after;
        while (true) {
            int wanted = (int) (size - handed);
            // Long.MAX_VALUE as the tie-breaker: nothing with the cursor's EUID comes again, whatever its version.
            List<Object> searchAfter = cursor == null ? null : List.of(cursor, Long.MAX_VALUE);
            SearchResult result = search.search(new SearchRequest(space, aliases(), BY_EUID, searchAfter, 0, wanted,
                    false));
            List<SearchHit> hits = result.hits();
            for (SearchHit hit : hits) {
                if (ResolutionField.resolvedTo(hit.source()).filter(target::equals).isPresent()) {
                    receiver.accept(hit.source());
                    handed++;
                }
            }
            if (hits.size() < wanted) {
                return new Walked(handed, Optional.empty());
            }
            cursor = ResolutionField.euidOf(hits.get(hits.size() - 1).source());
            if (handed == size) {
                return new Walked(handed, Optional.of(cursor));
            }
        }
    }

    private Query aliases() {
        return new Query.Terms(ResolutionField.RESOLVED_TO, List.of(target));
    }
}
