package dev.entitystore.store.embedded.sqlite;

import dev.entitystore.domain.error.StoreUnavailableException;
import dev.entitystore.domain.store.BulkOperation;
import dev.entitystore.domain.store.EntityMerge;
import dev.entitystore.domain.store.StoredEntity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
     * ones wrote, so the writer merges them itself. Either way the writer applies a preparation only to the
     * record it was prepared from. Each record read is prepared at once, so its tree lives briefly (a whole
     * bulk's trees, read first and prepared after, outlived young collections). A read that fails leaves
     * what it had not reached to the writer.
     */
    List<Optional<PreparedMerge>> bulk(String space, List<BulkOperation> items) {
        Map<String, Integer> unread = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>();
        List<Optional<PreparedMerge>> prepared = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            prepared.add(Optional.empty());
            if (items.get(i) instanceof BulkOperation.Merge merge && ids.add(merge.id())) {
                if (merge.read().isPresent()) {
                    prepared.set(i, PreparedMerge.prepare(merge.read(), merge.merge()));
                } else {
                    unread.put(merge.id(), i);
                }
            }
        }
        if (!unread.isEmpty()) {
            Set<String> absent = new HashSet<>(unread.keySet());
            try {
                reads.eachRecord(space, List.copyOf(unread.keySet()), record -> {
                    int i = unread.get(record.id());
                    absent.remove(record.id());
                    prepared.set(i, PreparedMerge.prepare(Optional.of(record), ((BulkOperation.Merge) items.get(i)).merge()));
                });
                for (String id : absent) {
                    int i = unread.get(id);
                    prepared.set(i, PreparedMerge.prepare(Optional.empty(), ((BulkOperation.Merge) items.get(i)).merge()));
                }
            } catch (StoreUnavailableException e) {
                // what was not prepared is merged by the writer
            }
        }
        return prepared.stream().anyMatch(Optional::isPresent) ? prepared : List.of();
    }
}
