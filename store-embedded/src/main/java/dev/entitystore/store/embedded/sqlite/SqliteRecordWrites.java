package dev.entitystore.store.embedded.sqlite;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.Objects;
import java.util.Optional;

/**
 * What create, merge, delete and bulk mean, in terms of the row steps of {@link WriteTransaction}.
 * Runs on the writer thread only, so a read followed by a write here is atomic against every other write.
 */
final class SqliteRecordWrites {
    private SqliteRecordWrites() {
    }

    static CreateOutcome create(WriteTransaction tx, String space, String id, ObjectNode source, String json)
            throws SQLException {
        return tx.insertIfAbsent(space, id, source, json).isPresent()
                ? CreateOutcome.CREATED
                : CreateOutcome.ALREADY_EXISTS;
    }

    static MergeOutcome merge(WriteTransaction tx, String space, String id, EntityMerge merge) throws SQLException {
        // Read inside the transaction: an earlier request of the same group, or an earlier bulk item, on
        // this id is already visible here though not yet committed.
        Optional<StoredEntity> current = tx.read(space, id);
        MergeDecision decision = Objects.requireNonNull(merge.apply(current), "merge function returned null");
        return switch (decision.kind()) {
            case WRITE -> {
                StoredEntity written = tx.write(space, id, decision.source(), current);
                yield new MergeOutcome(current.isPresent() ? MergeOutcome.Status.UPDATED : MergeOutcome.Status.CREATED,
                        Optional.of(written));
            }
            case NOT_FOUND -> new MergeOutcome(MergeOutcome.Status.NOT_FOUND, Optional.empty());
            case NOOP -> new MergeOutcome(MergeOutcome.Status.NOOP, current);
        };
    }

    /** The items in order; any exception leaves the caller to roll the whole bulk back. */
    static List<ItemOutcome> bulk(WriteTransaction tx, String space, List<BulkOperation> operations)
            throws SQLException {
        List<ItemOutcome> outcomes = new ArrayList<>(operations.size());
        for (BulkOperation operation : operations) {
            outcomes.add(item(tx, space, operation));
        }
        return outcomes;
    }

    private static ItemOutcome item(WriteTransaction tx, String space, BulkOperation operation) throws SQLException {
        String id = operation.id();
        if (operation instanceof BulkOperation.Merge m) {
            MergeOutcome outcome = merge(tx, space, id, m.merge());
            return new ItemOutcome(id, itemStatus(outcome.status()), outcome.entity());
        }
        if (operation instanceof BulkOperation.Create c) {
            Optional<StoredEntity> created = tx.insertIfAbsent(space, id, c.source(), JsonCodec.write(c.source()));
            if (created.isPresent()) {
                return new ItemOutcome(id, ItemOutcome.Status.CREATED, created);
            }
            return new ItemOutcome(id, ItemOutcome.Status.ALREADY_EXISTS, tx.read(space, id));
        }
        if (operation instanceof BulkOperation.Delete) {
            boolean deleted = tx.delete(space, id);
            return new ItemOutcome(id, deleted ? ItemOutcome.Status.DELETED : ItemOutcome.Status.NOT_FOUND, Optional.empty());
        }
        throw new IllegalArgumentException("unknown bulk operation " + operation);
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
