package dev.entitystore.store.opensearch;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch.core.GetResponse;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the changes that a server killed between an entity write and its change record left only inside the
 * entity documents ({@link CarriedChange}), so the change feed gets them although nobody writes or reads
 * those records again. At open and then periodically, for each space: the entity documents written since the
 * space's mark (by {@code _seq_no}, up to the shard's checkpoint, after a refresh) are read and their
 * unrecorded changes written; tombstones are finished. The mark (per index uuid: a new index starts again)
 * is kept in the settings index, so a restart reads only what was written since the last pass of any server.
 * Any number of servers may run it at once: every change is written with {@code op_type=create}.
 */
final class ChangeRecovery implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeRecovery.class);
    private static final int PAGE = 500;

    private final OpenSearchClient client;
    private final EntityIndices indices;
    private final SettingsIndex settings;
    private final ChangesIndex changes;
    private final TombstoneDeletes tombstones;
    private final ScheduledExecutorService schedule;

    ChangeRecovery(OpenSearchClient client, EntityIndices indices, SettingsIndex settings, ChangesIndex changes,
                   TombstoneDeletes tombstones, Duration every) {
        this.client = client;
        this.indices = indices;
        this.settings = settings;
        this.changes = changes;
        this.tombstones = tombstones;
        this.schedule = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "opensearch-change-recovery");
            thread.setDaemon(true);
            return thread;
        });
        if (!every.isZero()) {
            schedule.scheduleWithFixedDelay(this::runQuietly, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void runQuietly() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warn("Recovering carried changes failed, tried again later: {}", e.getMessage());
        }
    }

    /**
     * One pass over every space.
     *
     * @return how many changes it wrote or tombstones it finished (that were not known to be done)
     */
    long run() {
        long settled = 0;
        for (String space : indices.spaces()) {
            settled += run(space);
        }
        return settled;
    }

    private long run(String space) {
        String index = indices.name(space);
        try {
            ShardCheckpoint now = ShardCheckpoint.of(client, index, "the checkpoint of the entity index of space " + space);
            ShardCheckpoint mark = mark(space);
            long from = mark.uuid().equals(now.uuid()) ? mark.checkpoint() : -1;
            if (now.checkpoint() <= from) {
                return 0;
            }
            client.indices().refresh(r -> r.index(index));
            long settled = 0;
            long after = from;
            while (true) {
                long last = after;
                SearchResponse<ObjectNode> page = client.search(s -> s.index(index).size(PAGE).seqNoPrimaryTerm(true).version(true)
                        .query(q -> q.range(r -> r.field("_seq_no").gt(JsonData.of(last)).lte(JsonData.of(now.checkpoint()))))
                        .sort(o -> o.field(f -> f.field("_seq_no").order(SortOrder.Asc))), ObjectNode.class);
                List<CarriedChange> unrecorded = new ArrayList<>();
                for (Hit<ObjectNode> hit : page.hits().hits()) {
                    VersionedRecord record = VersionedRecord.of(hit.id(), hit.source(), hit.seqNo(), hit.version(), hit.primaryTerm());
                    if (record.tombstone()) {
                        tombstones.finish(space, record);
                        settled++;
                    } else {
                        unrecorded.addAll(changes.unrecorded(record.carried()));
                    }
                    after = hit.seqNo();
                }
                changes.create(unrecorded, "the recovery of space " + space);
                settled += unrecorded.size();
                if (page.hits().hits().size() < PAGE) {
                    break;
                }
            }
            raise(space, now);
            return settled;
        } catch (OpenSearchException | IOException e) {
            if (BackendFailures.isIndexMissing(e)) {
                return 0;
            }
            throw BackendFailures.failure("the recovery of the changes of space " + space, e);
        }
    }

    private ShardCheckpoint mark(String space) throws IOException {
        try {
            GetResponse<ObjectNode> response = client.get(g -> g.index(settings.name()).id(id(space)), ObjectNode.class);
            if (!response.found()) {
                return new ShardCheckpoint(-1, "");
            }
            ObjectNode value = (ObjectNode) response.source().path("value");
            return new ShardCheckpoint(value.path("seq").asLong(-1), value.path("uuid").asText(""));
        } catch (OpenSearchException e) {
            if (BackendFailures.isIndexMissing(e)) {
                return new ShardCheckpoint(-1, "");
            }
            throw e;
        }
    }

    /** Last writer wins: a lower mark from a slower pass only makes the next pass read more. */
    private void raise(String space, ShardCheckpoint through) throws IOException {
        settings.ensure();
        ObjectNode document = SettingsIndex.ownDocument(id(space),
                JsonNodeFactory.instance.objectNode().put("seq", through.checkpoint()).put("uuid", through.uuid()));
        client.index(i -> i.index(settings.name()).id(id(space)).document(document));
    }

    /** No space's setting ({@code ""} is its space) and never a setting's, a lease's or a pruned mark's id. */
    private static String id(String space) {
        return "changes-recovered-through:" + space;
    }

    @Override
    public void close() {
        schedule.shutdownNow();
    }
}
