package dev.entitystore.domain.store;

import java.util.Optional;

/**
 * The read-modify-write step of an atomic merge: given the record as stored now (or absent), decide what
 * to store.
 *
 * <p>The store calls it exactly once per merge, with no other write to any record in between its read
 * and its write (the embedded store runs it on its single writer thread). Hence:
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
