package dev.entitystore.store.embedded.sqlite;

import dev.entitystore.domain.error.StoreUnavailableException;
import dev.entitystore.domain.store.BulkOperation;
import dev.entitystore.domain.store.EntityMerge;
import dev.entitystore.domain.store.StoredEntity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Prepares merges on the caller's thread ({@link PreparedMerge}), reading the records they need through
 * a read connection. A read that fails prepares nothing: the writer then reads for itself, and a store
 * that cannot be read fails the write there, as it did before.
 */
final class MergePreparer {
    private final SqliteReads reads;

    MergePreparer(SqliteReads reads) {
        this.reads = reads;
    }

    Optional<PreparedMerge> single(String space, String id, EntityMerge merge) {
        Optional<StoredEntity> stored;
        try {
            stored = reads.get(space, id);
        } catch (StoreUnavailableException e) {
            return Optional.empty();
        }
        return PreparedMerge.prepare(stored, merge);
    }

    /**
     * Each merge of the bulk, prepared against the record its caller read with it ({@link BulkOperation.Merge#read})
     * or else against one snapshot of the records read here; an empty list when none is. A record named
     * again later in the bulk is prepared only the first time: the later items must see what the earlier
     * ones wrote, so the writer merges them itself. Either way the writer applies a preparation only to
     * the record it was prepared from.
     */
    List<Optional<PreparedMerge>> bulk(String space, List<BulkOperation> items) {
        Set<String> ids = new LinkedHashSet<>();
        Set<String> unread = new LinkedHashSet<>();
        boolean[] first = new boolean[items.size()];
        for (int i = 0; i < items.size(); i++) {
            first[i] = items.get(i) instanceof BulkOperation.Merge merge && ids.add(merge.id());
            if (first[i] && ((BulkOperation.Merge) items.get(i)).read().isEmpty()) {
                unread.add(items.get(i).id());
            }
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, StoredEntity> stored;
        try {
            stored = unread.isEmpty() ? Map.of() : reads.records(space, List.copyOf(unread));
        } catch (StoreUnavailableException e) {
            return List.of();
        }
        List<Optional<PreparedMerge>> prepared = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (first[i]) {
                BulkOperation.Merge merge = (BulkOperation.Merge) items.get(i);
                Optional<StoredEntity> seen = merge.read().isPresent()
                        ? merge.read()
                        : Optional.ofNullable(stored.get(merge.id()));
                prepared.add(PreparedMerge.prepare(seen, merge.merge()));
            } else {
                prepared.add(Optional.empty());
            }
        }
        return prepared;
    }
}
