package dev.entitystore.store.opensearch;

import dev.entitystore.domain.error.StoreUnavailableException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The port's {@code deleteAll} on OpenSearch, and its roll-forward. A space's records are dropped in three
 * steps: each record's delete is written to the changes index (after the changes its document carries), page
 * after page, then the index is dropped. A server killed between the first delete written and the drop
 * would leave the records there with their deletes in the feed; so the drop is marked first ({@link
 * DropMarks}: the index's uuid), and the mark removed once the index is gone. A mark found later, at open
 * and then periodically, belongs to a drop cut short: it is rolled forward, under the space's lease (which
 * the drop held, so a drop still running on a live server is never taken over): the deletes written again
 * (their ids are derived from each record's own change, so none is written twice) and the index dropped, if
 * it is still the one marked; then the mark removed.
 */
final class SpaceDrops implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SpaceDrops.class);
    /** Records read per page, to record each one's delete. */
    private static final int PAGE = 1_000;
    /** Long enough to see a dead holder's lease unrenewed for a whole lease, short enough not to wait on a live one. */
    private static final Duration LEASE_WAIT = SpaceLeases.LEASE.plus(SpaceLeases.RENEW_EVERY);

    private final OpenSearchClient client;
    private final EntityIndices indices;
    private final IdOrderScan scans;
    private final ChangesIndex changes;
    private final DropMarks marks;
    private final SpaceLeases leases;
    private final WriteFaults faults;
    /** The spaces this process is dropping now: their marks are no drop cut short. */
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "opensearch-drop-roll-forward");
        thread.setDaemon(true);
        return thread;
    });

    SpaceDrops(OpenSearchClient client, EntityIndices indices, IdOrderScan scans, ChangesIndex changes, DropMarks marks,
               SpaceLeases leases, WriteFaults faults, Duration every) {
        this.client = client;
        this.indices = indices;
        this.scans = scans;
        this.changes = changes;
        this.marks = marks;
        this.leases = leases;
        this.faults = faults;
        if (!every.isZero()) {
            schedule.scheduleWithFixedDelay(this::rollForwardQuietly, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Records each record's delete, then drops the space's index.
     *
     * @return how many records the index held when dropped
     */
    long drop(String space) {
        running.add(space);
        try {
            String uuid = uuid(space);
            if (!uuid.isEmpty()) {
                marks.put(space, uuid);
                recordDeletes(space);
            }
            long dropped = indices.deleteAll(space);
            faults.reached(WriteFaults.Step.DROPPED);
            if (!uuid.isEmpty()) {
                marks.remove(space);
            }
            return dropped;
        } finally {
            running.remove(space);
        }
    }

    /**
     * Finishes every drop cut short that is not running: one pass (it also runs at open and every {@code every}).
     *
     * @return how many marks it settled (a drop finished, or a mark left after its drop removed)
     */
    long rollForward() {
        long settled = 0;
        for (String space : marks.spaces()) {
            if (running.contains(space)) {
                continue;
            }
            try {
                if (leases.exclusively(space, () -> finish(space), LEASE_WAIT)) {
                    settled++;
                }
            } catch (StoreUnavailableException e) {
                // its lease is held and renewed: the drop is running on another server, or an engine change is
                LOG.info("The delete of space {} is marked but its lease is held: left to the next pass ({})", space, e.getMessage());
            }
        }
        return settled;
    }

    private void rollForwardQuietly() {
        try {
            rollForward();
        } catch (RuntimeException e) {
            LOG.warn("Rolling forward a delete of a space cut short failed, tried again later: {}", e.getMessage());
        }
    }

    /** Under the space's lease: the mark read again (the drop may have ended since it was listed). */
    private boolean finish(String space) {
        Optional<String> marked = marks.get(space);
        if (marked.isEmpty()) {
            return false;
        }
        if (marked.get().equals(uuid(space))) {
            LOG.warn("The delete of space {} was cut short (a server stopped during it): its records are deleted now", space);
            recordDeletes(space);
            indices.deleteAll(space);
        }
        marks.remove(space);
        return true;
    }

    private void recordDeletes(String space) {
        String after = null;
        do {
            IdOrderScan.Page page = scans.records(space, after, PAGE);
            List<CarriedChange> recorded = new ArrayList<>();
            for (VersionedRecord record : page.records()) {
                recorded.addAll(changes.unrecorded(record.carried()));
                if (!record.tombstone()) {
                    recorded.add(ChangeDrafts.droppedWith(space, record.entity(), record.ownNonce()));
                }
            }
            changes.create(recorded, "the delete of space " + space);
            faults.reached(WriteFaults.Step.DROP_PAGE_RECORDED);
            after = page.nextAfterId().orElse(null);
        } while (after != null);
    }

    /** The uuid of the space's entity index, empty when there is none. */
    private String uuid(String space) {
        try {
            return ShardCheckpoint.of(client, indices.name(space), "the entity index of space " + space).uuid();
        } catch (IOException e) {
            throw BackendFailures.failure("the read of the entity index of space " + space, e);
        }
    }

    @Override
    public void close() {
        schedule.shutdownNow();
    }
}
