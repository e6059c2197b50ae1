package dev.entitystore.store.opensearch;

/**
 * Where a write may be cut short between its requests, for tests that stand in for a server killed there:
 * the store calls {@link #reached} at each step, and a test's implementation throws to stop the write.
 */
interface WriteFaults {
    WriteFaults NONE = step -> { };

    enum Step {
        /** The entity documents are written, carrying their changes; the changes index does not have them yet. */
        WRITTEN,
        /** A delete's change is in the changes index; its tombstone is not removed yet. */
        RECORDED,
        /** A page of a space's records has its deletes in the changes index; the space's index is not dropped yet. */
        DROP_PAGE_RECORDED,
        /** A space's index is dropped; the mark of its drop is not removed yet. */
        DROPPED
    }

    void reached(Step step);
}
