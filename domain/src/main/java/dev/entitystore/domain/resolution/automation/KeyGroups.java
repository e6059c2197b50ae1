package dev.entitystore.domain.resolution.automation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.resolution.ResolutionField;
import dev.entitystore.domain.resolution.rule.MatchKeys;
import dev.entitystore.domain.search.EntitySearch;
import dev.entitystore.domain.search.SearchHit;
import dev.entitystore.domain.search.SearchRequest;
import dev.entitystore.domain.search.SearchResult;
import dev.entitystore.domain.search.SearchSort;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds, for a batch of keys, every user record carrying each of them, through the search port: a few
 * hundred keys per query, page after page, so neither a batch nor a group is held whole by the backend.
 */
final class KeyGroups {
    private static final int PAGE = 1000;
    /** Clauses per query: well under Lucene's default limit of 1,024, with two fields per key. */
    private static final int KEYS_PER_QUERY = 200;
    private static final SearchSort ORDER = new SearchSort(SearchSort.TIMESTAMP, false);
    private static final String USER = "user";

    private final EntitySearch search;

    KeyGroups(EntitySearch search) {
        this.search = search;
    }

    /**
     * Key → the records carrying it ({@code _id} → record, in {@code _id} order). A key carried by more than
     * {@code cap} records is added to {@code tooLarge} and left out (also from later batches).
     */
    Map<String, TreeMap<String, ObjectNode>> find(String space, MatchKeys keys, List<String> wanted, int cap,
                                                  Set<String> tooLarge) {
        Map<String, TreeMap<String, ObjectNode>> groups = new LinkedHashMap<>();
        for (int from = 0; from < wanted.size(); from += KEYS_PER_QUERY) {
            List<String> batch = wanted.subList(from, Math.min(wanted.size(), from + KEYS_PER_QUERY));
            Set<String> asked = new HashSet<>(batch);
            List<Object> after = null;
            while (true) {
                SearchResult page = search.search(new SearchRequest(space, keys.recordsWith(batch), ORDER, after, 0,
                        PAGE, false));
                for (SearchHit hit : page.hits()) {
                    if (isUserRecord(hit.source())) {
                        add(hit, keys, asked, cap, groups, tooLarge);
                    }
                }
                if (page.hits().size() < PAGE) {
                    break;
                }
                after = page.hits().get(page.hits().size() - 1).sortValues();
            }
        }
        return groups;
    }

    private static void add(SearchHit hit, MatchKeys keys, Set<String> asked, int cap,
                            Map<String, TreeMap<String, ObjectNode>> groups, Set<String> tooLarge) {
        for (String key : keys.keysOf(hit.source())) {
            if (!asked.contains(key) || tooLarge.contains(key)) {
                continue;
            }
            TreeMap<String, ObjectNode> members = groups.computeIfAbsent(key, k -> new TreeMap<>());
            members.put(hit.id(), hit.source());
            if (members.size() > cap) {
                groups.remove(key);
                tooLarge.add(key);
            }
        }
    }

    /** The rules compare users; a record never stamped with a type may join any group (as in a link). */
    static boolean isUserRecord(ObjectNode source) {
        return ResolutionField.entityType(source).map(USER::equals).orElse(true);
    }
}
