package dev.entitystore.domain.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/** One item of {@link EntityStore#bulk}: a create-if-absent, an atomic merge or a delete of one record. */
public sealed interface BulkOperation {
    String id();

    static BulkOperation create(String id, ObjectNode source) {
        return new Create(id, source);
    }

    static BulkOperation merge(String id, EntityMerge merge) {
        return new Merge(id, merge);
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

    /** Atomic read-merge-write, as {@link EntityStore#merge}. */
    record Merge(String id, EntityMerge merge) implements BulkOperation {
        public Merge {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(merge, "merge");
        }
    }

    /** Delete, as {@link EntityStore#delete}. */
    record Delete(String id) implements BulkOperation {
        public Delete {
            Objects.requireNonNull(id, "id");
        }
    }
}
