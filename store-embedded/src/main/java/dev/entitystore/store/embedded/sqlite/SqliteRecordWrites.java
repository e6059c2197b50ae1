package dev.entitystore.store.embedded.sqlite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.history.ChangeOp;
import dev.entitystore.domain.history.EntityChange;
import dev.entitystore.domain.history.FieldChanges;
import dev.entitystore.domain.history.WriteContext;
import dev.entitystore.domain.store.BulkOperation;
import dev.entitystore.domain.store.CreateOutcome;
import dev.entitystore.domain.store.EntityMerge;
import dev.entitystore.domain.store.ItemOutcome;
import dev.entitystore.domain.store.MergeDecision;
import dev.entitystore.domain.store.MergeOutcome;
import dev.entitystore.domain.store.StoredEntity;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What create, merge, delete and bulk mean, in terms of the row steps of {@link WriteTransaction}.
 * Runs on the writer thread only, so a read followed by a write here is atomic against every other write.
 * Every write of a record also records its change ({@link EntityChange}) in the same transaction, at the
 * write's seq, with the caller's {@link WriteContext}.
 */
final class SqliteRecordWrites {
    /**
     * The record is kept in full beside the change of every version that is a multiple of this
     * ({@code change_states}), so {@code as_of} replays at most this many changes less one. The cost in
     * space: one record per this many updates (see docs/decisions.md for how it was chosen).
     */
    static final int KEEP_STATE_EVERY = 100;
    private static final ObjectNode EMPTY = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();

    private SqliteRecordWrites() {
    }

    static CreateOutcome create(WriteTransaction tx, WriteContext context, String space, String id, ObjectNode source,
                                byte[] json) throws SQLException {
        return insertIfAbsent(tx, context, space, id, source, json).isPresent()
                ? CreateOutcome.CREATED
                : CreateOutcome.ALREADY_EXISTS;
    }

    /**
     * As {@link #merge(WriteTransaction, WriteContext, String, String, EntityMerge)}, applying what was
     * {@code prepared} off this thread when the record is still the one it was prepared from.
     */
    static MergeOutcome merge(WriteTransaction tx, WriteContext context, String space, String id, EntityMerge merge,
                              Optional<PreparedMerge> prepared) throws SQLException {
        if (prepared.isPresent() && prepared.get().holdsFor(tx.storedSeq(space, id))) {
            return apply(tx, context, space, id, prepared.get());
        }
        return merge(tx, context, space, id, merge);
    }

    private static MergeOutcome apply(WriteTransaction tx, WriteContext context, String space, String id,
                                      PreparedMerge prepared) throws SQLException {
        return switch (prepared.kind()) {
            case WRITE -> {
                byte[] json = prepared.json();
                long seq = tx.write(space, id, json, prepared.seenSeq(), prepared.seenVersion());
                long version = prepared.sawRecord() ? prepared.seenVersion() + 1 : 1;
                ChangeOp op = prepared.sawRecord() ? ChangeOp.UPDATE : ChangeOp.CREATE;
                EntityChange change = EntityChange.draft(op, space, id, version, tx.changeTime(), context,
                        prepared.entityType(), prepared.euid(), EMPTY);
                if (prepared.sawRecord()) {
                    tx.recordChange(change, seq, prepared.fieldsJson());
                    if (version % KEEP_STATE_EVERY == 0) {
                        tx.keepState(change, seq, json);
                    }
                } else {
                    tx.recordCreate(change, seq, json);
                }
                // parsed again only if the caller reads it (few do: see PreparedMerge)
                yield MergeOutcome.deferred(prepared.sawRecord() ? MergeOutcome.Status.UPDATED : MergeOutcome.Status.CREATED,
                        version, () -> Optional.of(new StoredEntity(id, JsonCodec.read(json, "record " + space + "/" + id), seq, version)));
            }
            case NOT_FOUND -> new MergeOutcome(MergeOutcome.Status.NOT_FOUND, Optional.empty());
            case NOOP -> new MergeOutcome(MergeOutcome.Status.NOOP, prepared.unchanged());
        };
    }

    static MergeOutcome merge(WriteTransaction tx, WriteContext context, String space, String id, EntityMerge merge)
            throws SQLException {
        // Read inside the transaction: an earlier request of the same group, or an earlier bulk item, on
        // this id is already visible here though not yet committed.
        return apply(tx, context, space, id, PreparedMerge.decide(tx.read(space, id), merge));
    }

    /**
     * Deletes the record once {@code precondition} accepted it, and records its removal (every field goes,
     * with its last value as "before").
     */
    static boolean delete(WriteTransaction tx, WriteContext context, String space, String id,
                          Consumer<StoredEntity> precondition) throws SQLException {
        Optional<StoredEntity> current = tx.read(space, id);
        if (current.isEmpty()) {
            return false;
        }
        precondition.accept(current.get());
        long tombstone = tx.delete(space, id, current.get().seqNo());
        tx.recordChange(deleted(tx, context, space, current.get()), tombstone);
        return true;
    }

    /** Deletes every record of the space, each with its delete change. */
    static long deleteSpace(WriteTransaction tx, WriteContext context, String space) throws SQLException {
        return tx.deleteSpace(space, record -> deleted(tx, context, space, record));
    }

    /**
     * The items in order, each merge with what was prepared for it (an empty list: nothing); any exception
     * leaves the caller to roll the whole bulk back.
     */
    static List<ItemOutcome> bulk(WriteTransaction tx, WriteContext context, String space, List<BulkOperation> operations,
                                  List<Optional<PreparedMerge>> prepared) throws SQLException {
        List<ItemOutcome> outcomes = new ArrayList<>(operations.size());
        for (int i = 0; i < operations.size(); i++) {
            outcomes.add(item(tx, context, space, operations.get(i), prepared.isEmpty() ? Optional.empty() : prepared.get(i)));
        }
        return outcomes;
    }

    private static ItemOutcome item(WriteTransaction tx, WriteContext context, String space, BulkOperation operation,
                                    Optional<PreparedMerge> prepared) throws SQLException {
        String id = operation.id();
        if (operation instanceof BulkOperation.Merge m) {
            MergeOutcome outcome = merge(tx, context, space, id, m.merge(), prepared);
            return ItemOutcome.deferred(id, itemStatus(outcome.status()), outcome::entity);
        }
        if (operation instanceof BulkOperation.Create c) {
            Optional<StoredEntity> created = insertIfAbsent(tx, context, space, id, c.source(), JsonCodec.writeUtf8(c.source()));
            if (created.isPresent()) {
                return new ItemOutcome(id, ItemOutcome.Status.CREATED, created);
            }
            return new ItemOutcome(id, ItemOutcome.Status.ALREADY_EXISTS, tx.read(space, id));
        }
        if (operation instanceof BulkOperation.Delete) {
            boolean deleted = delete(tx, context, space, id, record -> { });
            return new ItemOutcome(id, deleted ? ItemOutcome.Status.DELETED : ItemOutcome.Status.NOT_FOUND, Optional.empty());
        }
        throw new IllegalArgumentException("unknown bulk operation " + operation);
    }

    private static Optional<StoredEntity> insertIfAbsent(WriteTransaction tx, WriteContext context, String space, String id,
                                                         ObjectNode source, byte[] json) throws SQLException {
        Optional<StoredEntity> created = tx.insertIfAbsent(space, id, source, json);
        if (created.isPresent()) {
            recordCreate(tx, context, space, created.get(), json);
        }
        return created;
    }

    private static void recordCreate(WriteTransaction tx, WriteContext context, String space, StoredEntity created,
                                     byte[] json) throws SQLException {
        tx.recordCreate(EntityChange.draft(ChangeOp.CREATE, space, created.id(), created.version(), tx.changeTime(), context,
                created.source(), EMPTY), created.seqNo(), json);
    }

    private static EntityChange deleted(WriteTransaction tx, WriteContext context, String space, StoredEntity record) {
        return EntityChange.draft(ChangeOp.DELETE, space, record.id(), record.version() + 1, tx.changeTime(), context,
                record.source(), FieldChanges.between(FieldChanges.leaves(record.source()), Map.of()));
    }

    private static ItemOutcome.Status itemStatus(MergeOutcome.Status status) {
        return switch (status) {
            case UPDATED -> ItemOutcome.Status.UPDATED;
            case CREATED -> ItemOutcome.Status.CREATED;
            case NOOP -> ItemOutcome.Status.NOOP;
            case NOT_FOUND -> ItemOutcome.Status.NOT_FOUND;
        };
    }
}
