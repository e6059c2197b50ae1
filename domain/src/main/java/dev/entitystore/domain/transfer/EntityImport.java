package dev.entitystore.domain.transfer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.document.Unflattener;
import dev.entitystore.domain.entity.EntitySchema;
import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.error.FieldsNotAllowedException;
import dev.entitystore.domain.error.InvalidRequestException;
import dev.entitystore.domain.error.StoreBusyException;
import dev.entitystore.domain.identity.EntityIdentification;
import dev.entitystore.domain.identity.EntityIds;
import dev.entitystore.domain.merge.PartialUpdateMerger;
import dev.entitystore.domain.store.BulkOperation;
import dev.entitystore.domain.store.EntityMerge;
import dev.entitystore.domain.store.EntityStore;
import dev.entitystore.domain.store.ItemOutcome;
import dev.entitystore.domain.store.MergeDecision;
import dev.entitystore.domain.write.CreatePlanner;
import dev.entitystore.domain.write.PlannedWrite;
import dev.entitystore.domain.write.RequestBodyValidator;
import dev.entitystore.domain.write.UpdatePlanner;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Applies an import body to a space: each line validated (the request schema of either generation),
 * named ({@link EntityIdentification#forImport}), checked (permissions unless {@code force}, for the lines
 * that update) and merged as a v2 bulk item; a create is a v2 create of the named record. Lines go to the store
 * {@value #BATCH} at a time ({@link BatchesInStore}), one atomic unit per record, so no line is ever half
 * applied. A store that is busy is waited for; one that fails ends the job.
 */
final class EntityImport {
    static final int BATCH = 1000;
    private static final long CHECKPOINT_NANOS = 1_000_000_000L;

    private final EntityStore store;
    // Either generation's schema: the store holds what v1 wrote too, and an export must import as it is.
    private final RequestBodyValidator validator = new RequestBodyValidator(EntitySchema.legacy());
    private final EntityIdentification identification = new EntityIdentification();
    private final CreatePlanner creates;
    private final UpdatePlanner updates;
    private final PartialUpdateMerger merger = new PartialUpdateMerger();

    EntityImport(EntityStore store, Clock clock) {
        this.store = store;
        this.creates = new CreatePlanner(clock);
        this.updates = new UpdatePlanner(clock);
    }

    /** The options of one import. */
    record Options(String space, TransferFormat format, ImportMode mode, boolean dryRun, boolean force) {
    }

    /**
     * A line planned for the store, with whether its update was refused (known only once the record is seen).
     * It keeps the line's number, not its parsed text: a batch's lines wait in memory for the store.
     */
    private record Planned(long line, BulkOperation operation, AtomicBoolean refused, String refusal) {
    }

    void run(ImportJob job, InputStream body, Options options, Runnable checkpoint) throws IOException, InterruptedException {
        ImportLines lines = ImportLines.of(options.format(), body);
        // Parsing and planning the next batch overlaps the store's work on the ones before it.
        try (BatchesInStore inStore = new BatchesInStore(job)) {
            List<Planned> batch = new ArrayList<>(BATCH);
            Set<String> ids = new HashSet<>();
            long firstLine = 1;
            long lastCheckpoint = System.nanoTime();
            for (ImportLine line = lines.next(); line != null; line = lines.next()) {
                if (line.error() != null) {
                    job.failed(line.line(), line.error());
                    continue;
                }
                try {
                    Planned planned = plan(line, options);
                    batch.add(planned);
                    ids.add(planned.operation().id());
                } catch (InvalidRequestException e) {
                    job.failed(line.line(), e.getMessage());
                }
                if (batch.size() == BATCH) {
                    if (Thread.interrupted()) {
                        throw new InterruptedException("stopping"); // the server stops: end between two batches
                    }
                    List<Planned> full = batch;
                    inStore.submit(ids, firstLine, line.line() + 1, () -> apply(job, full, options));
                    firstLine = line.line() + 1;
                    batch = new ArrayList<>(BATCH);
                    ids = new HashSet<>();
                    if (System.nanoTime() - lastCheckpoint > CHECKPOINT_NANOS) {
                        checkpoint.run();
                        lastCheckpoint = System.nanoTime();
                    }
                }
            }
            inStore.awaitAll();
            if (!batch.isEmpty()) {
                job.reached(batch.get(0).line());
                apply(job, batch, options);
                job.reached(batch.get(batch.size() - 1).line() + 1);
            }
        }
    }

    private Planned plan(ImportLine line, Options options) {
        ObjectNode doc = Unflattener.unflatten(line.doc());
        validator.validate(line.type(), doc);
        String euid = identification.forImport(line.type(), doc);
        AtomicBoolean refused = new AtomicBoolean();
        PlannedWrite update = null;
        String refusal = null;
        if (options.mode() != ImportMode.CREATE) {
            try {
                update = updates.planFor(line.type(), euid, doc, options.force());
            } catch (FieldsNotAllowedException e) {
                if (options.mode() == ImportMode.UPDATE) {
                    throw e;
                }
                refusal = e.getMessage(); // an upsert may still create; it fails only if the entity is stored
            }
        }
        EntityType type = line.type();
        ObjectNode createFrom = options.mode() != ImportMode.UPDATE ? doc : null;
        PlannedWrite updating = update;
        // A create is planned only for a record found missing: most lines of an import update what is there.
        EntityMerge merge = current -> {
            if (current.isEmpty()) {
                return createFrom != null
                        ? MergeDecision.write(creates.planFor(type, euid, createFrom).patchOrDocument())
                        : MergeDecision.notFound();
            }
            if (updating == null) {
                refused.set(options.mode() == ImportMode.UPSERT);
                return MergeDecision.noop();
            }
            return MergeDecision.write(updating.mergedInto(current.get().source(), merger));
        };
        return new Planned(line.line(), BulkOperation.merge(EntityIds.documentId(euid), merge), refused, refusal);
    }

    private Void apply(ImportJob job, List<Planned> batch, Options options) throws InterruptedException {
        if (options.dryRun()) {
            for (Planned planned : batch) {
                boolean stored = store.get(options.space(), planned.operation().id()).isPresent();
                ItemOutcome.Status would = stored
                        ? (options.mode() == ImportMode.CREATE ? ItemOutcome.Status.NOOP : ItemOutcome.Status.UPDATED)
                        : (options.mode() == ImportMode.UPDATE ? ItemOutcome.Status.NOT_FOUND : ItemOutcome.Status.CREATED);
                count(job, planned, would);
            }
        } else {
            List<BulkOperation> operations = new ArrayList<>(batch.size());
            batch.forEach(planned -> operations.add(planned.operation()));
            List<ItemOutcome> outcomes = bulk(options.space(), operations);
            for (int i = 0; i < batch.size(); i++) {
                count(job, batch.get(i), outcomes.get(i).status());
            }
        }
        return null;
    }

    /** The embedded store refuses work past its bound with nothing applied: wait and offer it again. */
    private List<ItemOutcome> bulk(String space, List<BulkOperation> operations) throws InterruptedException {
        while (true) {
            try {
                return store.bulk(space, operations);
            } catch (StoreBusyException e) {
                Thread.sleep(50);
            }
        }
    }

    private static void count(ImportJob job, Planned planned, ItemOutcome.Status status) {
        long line = planned.line();
        boolean stored = status == ItemOutcome.Status.UPDATED || status == ItemOutcome.Status.NOOP;
        if (planned.refused().get() || (stored && planned.refusal() != null)) {
            job.failed(line, planned.refusal());
            return;
        }
        switch (status) {
            case CREATED -> job.created();
            case UPDATED -> job.updated();
            default -> job.unmatched();
        }
    }
}
