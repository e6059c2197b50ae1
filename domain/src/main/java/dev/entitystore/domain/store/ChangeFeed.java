package dev.entitystore.domain.store;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;

import java.util.List;
import java.util.Map;

/**
 * The change sequence of a store that keeps one, for an index that follows it (the embedded Lucene
 * index catching up after a restart). Not part of {@link EntityStore}: a store whose search lives beside
 * the records (OpenSearch) has nothing to follow.
 */
public interface ChangeFeed {

    /**
     * Every record written and every tombstone with a seqNo above {@code seqNo}, across spaces, in seqNo
     * order: what a search index needs to catch up after a restart. A record written several times since
     * appears once, with its latest state.
     *
     * @param limit batch size, at least 1
     */
    ChangeBatch changesSince(long seqNo, int limit);

    /**
     * The same changes as {@link #changesSince}, each as the store hands it to its follower: the record's
     * JSON as stored, not parsed. An index rebuilding from the store reads this, sparing a parse and a
     * serialization of every record.
     */
    CommittedBatch committedSince(long seqNo, int limit);

    /**
     * Whether {@link #changesSince} from {@code seqNo} is complete. A store may not be able to name the
     * records written before some point (a log that began after them): a follower behind that point
     * rebuilds from {@link #recordsAfter} instead.
     */
    boolean followsFrom(long seqNo);

    /**
     * Up to {@code limit} records after ({@code space}, {@code id}) in the store's key order (space, then
     * id; start from {@code ("", "")}), each as stored, as an upsert at its seqNo: every record once, read
     * in the order cheapest for the store. What an empty index is built from.
     */
    List<CommittedChange> recordsAfter(String space, String id, int limit);

    /**
     * The records of these ids in one space as stored now, in one read: what an index that does not keep
     * a copy of each record answers a search with. Ids with no record are absent from the answer.
     */
    Map<String, StoredEntity> records(String space, List<String> ids);

    /**
     * As {@link #records}, each record's JSON text as stored (UTF-8), not parsed: a search answers most
     * hits as they are stored, and parses only those it must look into.
     */
    default Map<String, byte[]> storedJson(String space, List<String> ids) {
        Map<String, byte[]> json = new LinkedHashMap<>();
        records(space, ids).forEach((id, record) -> json.put(id, record.source().toString().getBytes(StandardCharsets.UTF_8)));
        return json;
    }

    /** The seqNo of the last committed change, 0 for an empty store. */
    long lastSeqNo();
}
