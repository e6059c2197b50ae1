package dev.entitystore.domain.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/** One item of {@link EntityStore#bulk}: a create-if-absent, an atomic merge or a delete of one record. */
public sealed interface BulkOperation {
    String id();

    static BulkOperation create(String id, ObjectNode source) {
        return new Create(id, source);
    }

    static BulkOperation merge(String id, EntityMerge merge) {
        return new Merge(id, merge, Optional.empty());
    }

    /**
     * A merge of a record the caller has just read, {@code read} (its source is the store's from then on):
     * the store may show the merge that record instead of reading it again, where it is still the stored
     * one. A request that checks a thousand records before writing them then reads them once, not twice.
     */
    static BulkOperation merge(StoredEntity read, EntityMerge merge) {
        return new Merge(read.id(), merge, Optional.of(read));
    }

    static BulkOperation delete(String id) {
        return new Delete(id);
    }

    /** Create if absent, as {@link EntityStore#create}. */
    record Create(String id, ObjectNode source) implements BulkOperation {
        public Create {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * Atomic read-merge-write, as {@link EntityStore#merge}. {@code read}, when present, is the record as
     * the caller last read it: a store may show it to the merge in place of the stored record only while
     * it is still that record (the same {@code seqNo}, and {@code primaryTerm} where the store has one);
     * otherwise the merge is shown the stored record as always, so what is written never depends on a
     * stale read. A store that cannot condition a write on it (a read without its term) reads as usual.
     */
    record Merge(String id, EntityMerge merge, Optional<StoredEntity> read) implements BulkOperation {
        public Merge {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(merge, "merge");
            Objects.requireNonNull(read, "read");
            if (read.isPresent() && !read.get().id().equals(id)) {
                throw new IllegalArgumentException("the record read is " + read.get().id() + ", not " + id);
            }
        }
    }

    /** Delete, as {@link EntityStore#delete}. */
    record Delete(String id) implements BulkOperation {
        public Delete {
            Objects.requireNonNull(id, "id");
        }
    }
}
