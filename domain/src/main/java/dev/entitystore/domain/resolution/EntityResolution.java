package dev.entitystore.domain.resolution;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.engine.EngineManager;
import dev.entitystore.domain.error.InvalidRequestException;
import dev.entitystore.domain.error.StoreUnavailableException;
import dev.entitystore.domain.identity.EntityIds;
import dev.entitystore.domain.search.EntitySearch;
import dev.entitystore.domain.store.BulkOperation;
import dev.entitystore.domain.store.EntityMerge;
import dev.entitystore.domain.store.EntityStore;
import dev.entitystore.domain.store.MergeDecision;
import dev.entitystore.domain.store.StoredEntity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Kibana's entity resolution on the alias → target model: link, unlink, group. Checks run in Kibana's order
 * against the stored records; the writes then go through the store as one bulk whose merges check again
 * that each member is still as checked, so a concurrent change fails the request with nothing written.
 *
 * <p>On a store only this process writes (the embedded one), links and unlinks of a space take turns under
 * a lock ({@link ResolutionTurns}), so no other link can interleave and the group lock's read-back through
 * the search index (which waits for the index to apply the whole write) is not needed. On a store several
 * servers share, the lock cannot reach them: every link checks again after its write instead.
 */
public final class EntityResolution {
    private static final String UNTYPED = "generic";

    private final EntityStore store;
    private final EntitySearch search;
    private final EngineManager engines;
    private final ResolutionMembers members;
    private final ResolutionTurns turns = new ResolutionTurns();

    public EntityResolution(EntityStore store, EntitySearch search, EngineManager engines) {
        this.store = store;
        this.search = search;
        this.engines = engines;
        this.members = new ResolutionMembers(store, search);
    }

    /** Links {@code entityIds} to {@code targetId}; with {@code dryRun}, only says what it would do. */
    public LinkResult link(String space, String targetId, List<String> entityIds, boolean dryRun) {
        engines.requireInstalled(space);
        return inTurn(space, () -> linkChecked(space, targetId, entityIds, dryRun));
    }

    private LinkResult linkChecked(String space, String targetId, List<String> entityIds, boolean dryRun) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(entityIds));
        if (ids.contains(targetId)) {
            throw ResolutionErrors.selfLink(targetId);
        }
        List<String> all = new ArrayList<>(ids.size() + 1);
        all.add(targetId);
        all.addAll(ids);
        // Which ids have aliases comes from the search index: looked up while the members are read.
        CompletableFuture<Map<String, List<String>>> aliasLookup = members.aliasIdsOfSoon(space, ids);
        Map<String, StoredEntity> found = fetchAll(space, all);
        String type = commonType(found);
        Optional<String> targetsTarget = ResolutionField.resolvedTo(found.get(targetId).source());
        if (targetsTarget.isPresent()) {
            throw new InvalidRequestException(ResolutionErrors.alreadyResolvedText(targetId, targetsTarget.get()));
        }
        Map<String, List<String>> aliases = ResolutionMembers.await(aliasLookup);
        List<String> linked = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<LinkResult.Refusal> refused = new ArrayList<>();
        for (String id : ids) {
            Optional<String> current = ResolutionField.resolvedTo(found.get(id).source());
            if (current.isPresent() && current.get().equals(targetId)) {
                skipped.add(id);
            } else if (current.isPresent()) {
                refused.add(new LinkResult.Refusal(id, ResolutionErrors.alreadyResolvedText(id, current.get())));
            } else if (aliases.containsKey(id)) {
                refused.add(new LinkResult.Refusal(id, ResolutionErrors.hasAliasesText(id, aliases.get(id))));
            } else {
                linked.add(id);
            }
        }
        if (dryRun) {
            return new LinkResult(linked, skipped, refused, targetId, type, true);
        }
        if (!refused.isEmpty()) {
            throw new InvalidRequestException(refused.get(0).message());
        }
        if (!linked.isEmpty()) {
            writeLinks(space, targetId, linked, found);
        }
        return new LinkResult(linked, skipped, List.of(), targetId, type, false);
    }

    /** Unlinks those of {@code entityIds} that are aliases; the others are skipped. */
    public UnlinkResult unlink(String space, List<String> entityIds) {
        engines.requireInstalled(space);
        return inTurn(space, () -> unlinkChecked(space, entityIds));
    }

    private UnlinkResult unlinkChecked(String space, List<String> entityIds) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(entityIds));
        Map<String, StoredEntity> found = fetchAll(space, ids);
        String type = commonType(found);
        Map<String, String> unlinked = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        for (String id : ids) {
            ResolutionField.resolvedTo(found.get(id).source())
                    .ifPresentOrElse(target -> unlinked.put(id, target), () -> skipped.add(id));
        }
        if (!unlinked.isEmpty()) {
            writeUnlinks(space, unlinked, found);
        }
        return new UnlinkResult(List.copyOf(unlinked.keySet()), skipped, type);
    }

    /**
     * The group {@code entityId} belongs to: its target, read now (so a missing one fails here), and the
     * target's aliases, read page by page as the caller walks them.
     */
    public ResolutionGroup group(String space, String entityId) {
        engines.requireInstalled(space);
        StoredEntity entity = store.get(space, EntityIds.documentId(entityId))
                .orElseThrow(() -> ResolutionErrors.groupMemberNotFound(entityId));
        Optional<String> resolvedTo = ResolutionField.resolvedTo(entity.source());
        String targetId = resolvedTo.orElse(entityId);
        ObjectNode target = resolvedTo.isEmpty() ? entity.source() : store.get(space, EntityIds.documentId(targetId))
                .orElseThrow(() -> ResolutionErrors.groupMemberNotFound(targetId)).source();
        return new ResolutionGroup(target, ResolutionField.entityType(target).orElse(UNTYPED),
                new GroupAliases(search, space, targetId));
    }

    /** Under the space's lock when only this process writes the store; as it comes otherwise. */
    private <T> T inTurn(String space, java.util.function.Supplier<T> change) {
        return store.sharedAcrossProcesses() ? change.get() : turns.inTurn(space, change);
    }

    private Map<String, StoredEntity> fetchAll(String space, List<String> ids) {
        Map<String, StoredEntity> found = members.fetch(space, ids);
        if (found.size() < ids.size()) {
            throw ResolutionErrors.notFound(ids.stream().filter(id -> !found.containsKey(id)).toList());
        }
        return found;
    }

    /** The one type every member has (unstamped records take any group's); two or more → 400. */
    private static String commonType(Map<String, StoredEntity> found) {
        Set<String> types = new LinkedHashSet<>();
        for (StoredEntity stored : found.values()) {
            ResolutionField.entityType(stored.source()).ifPresent(types::add);
        }
        if (types.size() > 1) {
            throw ResolutionErrors.mixedTypes(types);
        }
        return types.isEmpty() ? UNTYPED : types.iterator().next();
    }

    /**
     * One bulk for the whole link. Each merge carries the record the checks read ({@code found}), so the
     * store need not read the members a second time; it shows a merge the stored record instead wherever
     * that changed since.
     */
    private void writeLinks(String space, String targetId, List<String> linked, Map<String, StoredEntity> found) {
        List<BulkOperation> operations = new ArrayList<>(linked.size() + 1);
        // The target is re-checked under the same write: it must still exist and not have become an alias.
        operations.add(BulkOperation.merge(found.get(targetId), current -> {
            if (current.isEmpty() || ResolutionField.resolvedTo(current.get().source()).isPresent()) {
                throw ResolutionErrors.changedUnderneath(targetId);
            }
            return MergeDecision.noop();
        }));
        for (String id : linked) {
            operations.add(BulkOperation.merge(found.get(id), expecting(id, Optional.empty(),
                    source -> ResolutionField.link(source, targetId))));
        }
        applyOrRevert(space, operations, linked, id -> BulkOperation.merge(EntityIds.documentId(id),
                expecting(id, Optional.of(targetId), ResolutionField::unlink)),
                () -> {
                    if (store.sharedAcrossProcesses()) {
                        verifyStillFlat(space, targetId, linked);
                    }
                });
    }

    /** One bulk for the whole unlink, each merge with the record the checks read (as {@link #writeLinks}). */
    private void writeUnlinks(String space, Map<String, String> previousTargets, Map<String, StoredEntity> found) {
        List<BulkOperation> operations = new ArrayList<>(previousTargets.size());
        previousTargets.forEach((id, target) -> operations.add(BulkOperation.merge(found.get(id),
                expecting(id, Optional.of(target), ResolutionField::unlink))));
        applyOrRevert(space, operations, List.copyOf(previousTargets.keySet()), id -> BulkOperation.merge(
                EntityIds.documentId(id), expecting(id, Optional.empty(),
                        source -> ResolutionField.link(source, previousTargets.get(id)))), () -> { });
    }

    /**
     * A merge that applies {@code change} only to a record still present and still linked as checked
     * ({@code expected}); otherwise the whole bulk fails with nothing written.
     */
    private static EntityMerge expecting(String id, Optional<String> expected, Function<ObjectNode, ObjectNode> change) {
        return current -> {
            if (current.isEmpty() || !ResolutionField.resolvedTo(current.get().source()).equals(expected)) {
                throw ResolutionErrors.changedUnderneath(id);
            }
            return MergeDecision.write(change.apply(current.get().source()));
        };
    }

    /**
     * The embedded store applies a bulk whole or not at all; a remote one may have applied part of it
     * when it fails, so each changed record is put back (where it still shows the change) before failing.
     * After the write, {@code verify} may still find that a concurrent request raced this one; then this
     * request's changes are put back the same way and the race answers 409.
     */
    private void applyOrRevert(String space, List<BulkOperation> operations, List<String> changed,
                               Function<String, BulkOperation> revert, Runnable verify) {
        try {
            store.bulk(space, operations);
        } catch (StoreUnavailableException failure) {
            revertEach(space, changed, revert, failure);
            throw failure;
        }
        try {
            verify.run();
        } catch (ResolutionChangedException raced) {
            revertEach(space, changed, revert, raced);
            throw raced;
        }
    }

    /** One record at a time: a record another writer has changed since is left as that writer left it. */
    private void revertEach(String space, List<String> changed, Function<String, BulkOperation> revert,
                            RuntimeException failure) {
        for (String id : changed) {
            try {
                store.bulk(space, List.of(revert.apply(id)));
            } catch (RuntimeException notChangedOrUnreachable) {
                failure.addSuppressed(notChangedOrUnreachable);
            }
        }
    }

    /**
     * The group lock, checked after the write: the merges re-check each record, but an id can gain aliases
     * (become a target) or the target become an alias through a concurrent link that touches other records.
     * Both requests write first and look second, so whichever order they interleave in, at least one sees
     * the other's write and backs out: the graph never stays with an alias of an alias.
     */
    private void verifyStillFlat(String space, String targetId, List<String> linked) {
        Optional<StoredEntity> target = store.get(space, EntityIds.documentId(targetId));
        if (target.isEmpty() || ResolutionField.resolvedTo(target.get().source()).isPresent()) {
            throw ResolutionErrors.changedUnderneath(targetId);
        }
        Map<String, List<String>> aliases = members.aliasIdsOf(space, linked);
        if (!aliases.isEmpty()) {
            throw ResolutionErrors.changedUnderneath(aliases.keySet().iterator().next());
        }
    }
}
