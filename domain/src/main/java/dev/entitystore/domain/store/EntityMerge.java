package dev.entitystore.domain.store;

import java.util.Optional;

/**
 * The read-modify-write step of an atomic merge: given the record as stored now (or absent), decide what
 * to store.
 *
 * <p>What it decides is written only if no other write reached the record in between its read and that
 * write. The embedded store calls it once, on its single writer thread; an optimistic store (OpenSearch)
 * calls it again with the newer record when another writer won, so it must depend on nothing but what it
 * is shown. Hence:
 * <ul>
 *   <li>keep it quick and free of I/O: every other write waits while it runs;</li>
 *   <li>never write to the store from inside it (refused: the write would wait on itself); a read
 *       from inside it sees only committed state, not the record it is shown;</li>
 *   <li>it may change {@code current.source()} in place and return it: that copy is its own;</li>
 *   <li>throwing fails this merge (or the whole bulk it is part of) with that same exception, and
 *       nothing of it is written.</li>
 * </ul>
 * It sees the stored {@code seqNo} and {@code version} as well as the source, so that optimistic
 * concurrency ({@code if_seq_no}, {@code _version}) can be decided here later.
 */
@FunctionalInterface
public interface EntityMerge {
    MergeDecision apply(Optional<StoredEntity> current);
}
