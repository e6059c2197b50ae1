package dev.entitystore.domain.resolution;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.identity.EntityIds;
import dev.entitystore.domain.query.Query;
import dev.entitystore.domain.search.EntitySearch;
import dev.entitystore.domain.search.SearchHit;
import dev.entitystore.domain.search.SearchRequest;
import dev.entitystore.domain.search.SearchResult;
import dev.entitystore.domain.search.SearchSort;
import dev.entitystore.domain.store.EntityStore;
import dev.entitystore.domain.store.StoredEntity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Reads what a resolution request works on: members by EUID straight from the store (the record of truth),
 * and the aliases of given targets through the search port, page after page, so that a group has no cap.
 */
final class ResolutionMembers {
    private static final int PAGE = 1000;
    /**
     * Runs the alias look-ups a request starts beside its own read of the members: the search may first
     * wait for the index to take in the last writes, and that wait then overlaps the read. Daemon threads,
     * kept a minute after use.
     */
    private static final ExecutorService LOOKUPS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "resolution-alias-lookup");
        thread.setDaemon(true);
        return thread;
    });
    private static final SearchSort ORDER = new SearchSort(SearchSort.TIMESTAMP, false);

    private final EntityStore store;
    private final EntitySearch search;

    ResolutionMembers(EntityStore store, EntitySearch search) {
        this.store = store;
        this.search = search;
    }

    /**
     * The stored records of {@code euids} that exist, by EUID in the order asked, in one read of the store;
     * the caller reports the rest.
     */
    Map<String, StoredEntity> fetch(String space, List<String> euids) {
        List<String> ids = euids.stream().map(EntityIds::documentId).toList();
        Map<String, StoredEntity> stored = store.getAll(space, ids);
        Map<String, StoredEntity> found = new LinkedHashMap<>();
        for (int i = 0; i < euids.size(); i++) {
            StoredEntity record = stored.get(ids.get(i));
            if (record != null) {
                found.put(euids.get(i), record);
            }
        }
        return found;
    }

    /** The EUIDs of the aliases of each of {@code targets} (targets without aliases are absent). */
    Map<String, List<String>> aliasIdsOf(String space, List<String> targets) {
        Map<String, List<String>> aliases = new LinkedHashMap<>();
        eachAlias(space, targets, source -> ResolutionField.resolvedTo(source).ifPresent(target ->
                aliases.computeIfAbsent(target, t -> new ArrayList<>()).add(ResolutionField.euidOf(source))));
        return aliases;
    }

    /**
     * {@link #aliasIdsOf}, started now on another thread; {@link #await} its answer. A caller that fails
     * before awaiting it lets it finish unread (it only reads).
     */
    CompletableFuture<Map<String, List<String>>> aliasIdsOfSoon(String space, List<String> targets) {
        return CompletableFuture.supplyAsync(() -> aliasIdsOf(space, targets), LOOKUPS);
    }

    /** The look-up's answer, or what it threw, as it threw it. */
    static <T> T await(CompletableFuture<T> lookup) {
        try {
            return lookup.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private long eachAlias(String space, List<String> targets, Consumer<ObjectNode> receiver) {
        Query query = new Query.Terms(ResolutionField.RESOLVED_TO, targets);
        List<Object> after = null;
        long handed = 0;
        while (true) {
            SearchResult page = search.search(new SearchRequest(space, query, ORDER, after, 0, PAGE, false));
            for (SearchHit hit : page.hits()) {
                receiver.accept(hit.source());
            }
            handed += page.hits().size();
            if (page.hits().size() < PAGE) {
                return handed;
            }
            after = page.hits().get(page.hits().size() - 1).sortValues();
        }
    }
}
