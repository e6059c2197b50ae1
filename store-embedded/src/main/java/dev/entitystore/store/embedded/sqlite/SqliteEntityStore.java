package dev.entitystore.store.embedded.sqlite;

import static dev.entitystore.store.embedded.sqlite.StoreArguments.name;
import static dev.entitystore.store.embedded.sqlite.StoreArguments.positive;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.history.EntityHistory;
import dev.entitystore.domain.history.FeedPage;
import dev.entitystore.domain.history.HistoryPage;
import dev.entitystore.domain.history.HistoryQuery;
import dev.entitystore.domain.history.KeptState;
import dev.entitystore.domain.history.WriteContext;
import dev.entitystore.domain.census.SpaceDirectory;
import dev.entitystore.domain.store.BulkOperation;
import dev.entitystore.domain.store.ChangeBatch;
import dev.entitystore.domain.store.ChangeFeed;
import dev.entitystore.domain.store.CommitListener;
import dev.entitystore.domain.store.CommittedBatch;
import dev.entitystore.domain.store.CommittedChange;
import dev.entitystore.domain.store.CreateOutcome;
import dev.entitystore.domain.store.EntityMerge;
import dev.entitystore.domain.store.EntityPage;
import dev.entitystore.domain.store.StoredJson;
import dev.entitystore.domain.store.EntityStore;
import dev.entitystore.domain.store.ItemOutcome;
import dev.entitystore.domain.store.MergeOutcome;
import dev.entitystore.domain.store.StoreOpenException;
import dev.entitystore.domain.store.StoredEntity;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded {@link EntityStore}: one SQLite database, {@code <dataDir>/entity-store.db}.
 *
 * <p>Writes go to a {@link GroupCommitWriter} (one thread, one connection, one commit per group of
 * waiting requests); reads go to a {@link ReadConnectionPool}. A call returns after its commit, so its
 * write is durable and visible to every read that starts afterwards.
 */
public final class SqliteEntityStore implements EntityStore, ChangeFeed, EntityHistory, SpaceDirectory {
    public static final String DB_FILE_NAME = "entity-store.db";

    private static final Logger LOG = LoggerFactory.getLogger(SqliteEntityStore.class);
    /** deleteAll touches a whole space: it is a group on its own. */
    private static final int WEIGHT_OF_SPACE = GroupCommitWriter.MAX_GROUP_WEIGHT;
    /** Entity writes taken in but not yet answered, at most (see {@link WriteAdmission}). */
    public static final int DEFAULT_MAX_PENDING_WRITES = 5_000;

    private final DataDirectory dataDirectory;
    private final Path dbFile;
    private final WriteTransaction writeTransaction;
    private final GroupCommitWriter writer;
    /** Bounds entity writes; settings and space deletions are not admitted (rare; an install should not fail on load). */
    private final WriteAdmission admission;
    private final ReadConnectionPool readPool;
    private final SqliteReads reads;
    private final SqliteChangeLog changeLog;
    private final MergePreparer preparer;
    private final DataFilesWatch files;
    private final WalCheckpointer checkpointer;
    private final TextDictionaryTraining training;
    private final Object closeLock = new Object();
    private volatile boolean closed;

    private SqliteEntityStore(DataDirectory dataDirectory, Path dbFile, WriteTransaction writeTransaction,
                              ReadConnectionPool readPool, DataFilesWatch files, WalCheckpointer checkpointer,
                              int maxPendingWrites) {
        this.dataDirectory = dataDirectory;
        this.dbFile = dbFile;
        this.writeTransaction = writeTransaction;
        this.readPool = readPool;
        this.reads = new SqliteReads(readPool, writeTransaction.texts());
        this.changeLog = new SqliteChangeLog(readPool, writeTransaction.texts());
        this.preparer = new MergePreparer(reads);
        this.files = files;
        this.checkpointer = checkpointer;
        this.training = new TextDictionaryTraining(writeTransaction.texts(), readPool);
        // After each commit, on the writer thread: the WAL's checkpoint, and whether to train a text dictionary.
        this.writer = new GroupCommitWriter(writeTransaction, dbFile.toString(), files::problem, () -> {
            checkpointer.committed();
            training.committed(writeTransaction.committedSeq());
        });
        this.admission = new WriteAdmission(maxPendingWrites);
        training.storeThrough(writer, writeTransaction.committedSeq());
    }

    /**
     * Opens (creating if needed) the store in {@code dataDir}, migrating its schema to this build's.
     *
     * @throws StoreOpenException with a one-line message naming the path when the directory cannot be
     *                            created, written or locked, or the database cannot be opened or migrated
     */
    public static SqliteEntityStore open(Path dataDir) {
        return open(dataDir, DEFAULT_MAX_PENDING_WRITES);
    }

    /** As {@link #open(Path)}, refusing entity writes ({@code StoreBusyException}) while {@code maxPendingWrites} wait. */
    public static SqliteEntityStore open(Path dataDir, int maxPendingWrites) {
        return open(dataDir, SqliteSchema.current(), maxPendingWrites);
    }

    static SqliteEntityStore open(Path dataDir, SqliteSchema schema) {
        return open(dataDir, schema, DEFAULT_MAX_PENDING_WRITES);
    }

    private static SqliteEntityStore open(Path dataDir, SqliteSchema schema, int maxPendingWrites) {
        return SqliteStoreOpening.open(dataDir, schema, (directory, dbFile, tx, pool, files, checkpointer) ->
                new SqliteEntityStore(directory, dbFile, tx, pool, files, checkpointer, maxPendingWrites));
    }

    public Path dbFile() {
        return dbFile;
    }

    /** The record store's health: its files, its disk, its queue (see {@link SqliteStoreHealth}). */
    public dev.entitystore.domain.health.HealthCheck health() {
        return new SqliteStoreHealth(this, files);
    }

    /** The training of its text dictionaries (tests give a store one at once). */
    TextDictionaryTraining textTraining() {
        return training;
    }

    boolean isClosed() {
        return closed;
    }

    /** Entity writes taken in and not yet answered. */
    public int pendingWrites() {
        return admission.pending();
    }

    /** Reports each group commit from now on (metrics); replaces the previous observer. */
    public void observeCommits(CommitStatistics observer) {
        writer.observe(Objects.requireNonNull(observer, "observer"));
    }

    /** Why the attached follower (the search index) stopped following, once it has. */
    public Optional<String> followerFailure() {
        return writer.followerFailure();
    }

    /**
     * Attaches the follower of every commit from now on (the embedded search index; at most one, see
     * {@link CommitListener}); answers the last seqNo committed before, which it catches up to by {@link #changesSince}.
     */
    public long attach(CommitListener follower) {
        return writer.attach(Objects.requireNonNull(follower, "follower"));
    }

    @Override
    public Optional<StoredEntity> get(String space, String id) {
        return reads.get(name(space, "space"), name(id, "id"));
    }

    /** One read transaction for every id (one snapshot, one pooled connection). */
    @Override
    public Map<String, StoredEntity> getAll(String space, List<String> ids) {
        ids.forEach(id -> name(id, "id"));
        return reads.records(name(space, "space"), ids);
    }

    @Override
    public CreateOutcome create(String space, String id, ObjectNode source) {
        name(space, "space");
        name(id, "id");
        // Serialise here, on the caller's thread: the writer thread is the bottleneck, callers are many.
        byte[] json = JsonCodec.writeUtf8(Objects.requireNonNull(source, "source"));
        WriteContext context = WriteContext.current();
        return admission.submit(writer, "the create of " + id + " was not applied", 1,
                () -> tx -> SqliteRecordWrites.create(tx, context, space, id, source, json));
    }

    @Override
    public MergeOutcome merge(String space, String id, EntityMerge merge) {
        name(space, "space");
        name(id, "id");
        Objects.requireNonNull(merge, "merge");
        WriteContext context = WriteContext.current();
        return admission.submit(writer, "the merge of " + id + " was not applied", 1, () -> {
            Optional<PreparedMerge> prepared = preparer.single(space, id, merge);
            return tx -> SqliteRecordWrites.merge(tx, context, space, id, merge, prepared);
        });
    }

    @Override
    public List<ItemOutcome> bulk(String space, List<BulkOperation> operations) {
        name(space, "space");
        List<BulkOperation> items = List.copyOf(operations);
        for (BulkOperation item : items) {
            name(item.id(), "id");
        }
        if (items.isEmpty()) {
            return List.of();
        }
        WriteContext context = WriteContext.current();
        return admission.submit(writer, "none of the " + items.size() + " bulk items was applied", items.size(), () -> {
            List<Optional<PreparedMerge>> prepared = preparer.bulk(space, items);
            return tx -> SqliteRecordWrites.bulk(tx, context, space, items, prepared);
        });
    }

    @Override
    public boolean delete(String space, String id, Consumer<StoredEntity> precondition) {
        name(space, "space");
        name(id, "id");
        Objects.requireNonNull(precondition, "precondition");
        WriteContext context = WriteContext.current();
        return admission.submit(writer, "the delete of " + id + " was not applied", 1,
                () -> tx -> SqliteRecordWrites.delete(tx, context, space, id, precondition));
    }

    /** A write of {@link SqliteIdempotencyStore}'s, not admitted (it is small and its request's write was). */
    <T> T writeOwn(String notApplied, GroupCommitWriter.Work<T> work) {
        return writer.submit(notApplied, 1, work);
    }

    <T> T readOwn(String what, ReadConnectionPool.Read<T> read) {
        return readPool.read(what, read);
    }

    @Override
    public long deleteAll(String space) {
        name(space, "space");
        WriteContext context = WriteContext.current();
        return writer.submit("the delete of space " + space + " was not applied", WEIGHT_OF_SPACE,
                tx -> SqliteRecordWrites.deleteSpace(tx, context, space));
    }

    @Override
    public List<String> spacesWithEntities() {
        return reads.spacesWithEntities();
    }

    @Override
    public EntityPage scan(String space, String afterId, int limit) {
        name(space, "space");
        positive(limit);
        return reads.scan(space, afterId, limit);
    }

    /** The stored text as it is: the export streams it without a tree in between. */
    @Override
    public StoredJson scanJson(String space, String afterId, int limit) {
        positive(limit);
        return reads.scanJson(name(space, "space"), afterId, limit);
    }

    @Override
    public HistoryPage changes(String space, String id, HistoryQuery query) {
        return reads.history(name(space, "space"), name(id, "id"), query);
    }

    @Override
    public Optional<KeptState> keptState(String space, String id, long atSeq, int maxBack) {
        return reads.keptState(name(space, "space"), name(id, "id"), atSeq, maxBack);
    }

    @Override
    public FeedPage since(String space, long afterSeq, int size, Set<String> entityTypes) {
        positive(size);
        return reads.feed(name(space, "space"), afterSeq, size, entityTypes);
    }

    @Override
    public long prune(String space, long beforeMillis, int keepVersions) {
        return new SqliteChangePruning(writer).prune(name(space, "space"), beforeMillis, keepVersions);
    }

    @Override
    public long prunedThrough(String space) {
        return SqliteChangePruning.prunedThrough(readPool, name(space, "space"));
    }

    @Override
    public ChangeBatch changesSince(long seqNo, int limit) {
        positive(limit);
        return changeLog.changesSince(seqNo, limit);
    }

    @Override
    public Map<String, StoredEntity> records(String space, List<String> ids) {
        return reads.records(name(space, "space"), ids);
    }

    @Override
    public Map<String, byte[]> storedJson(String space, List<String> ids) {
        return reads.storedJson(name(space, "space"), ids);
    }

    @Override
    public CommittedBatch committedSince(long seqNo, int limit) {
        positive(limit);
        return changeLog.committedSince(seqNo, limit);
    }

    @Override
    public boolean followsFrom(long seqNo) {
        return changeLog.followsFrom(seqNo);
    }

    @Override
    public List<CommittedChange> recordsAfter(String space, String id, int limit) {
        positive(limit);
        return changeLog.recordsAfter(Objects.requireNonNull(space, "space"), Objects.requireNonNull(id, "id"), limit);
    }

    @Override
    public long lastSeqNo() {
        return writer.committedSeq();
    }

    @Override
    public Optional<ObjectNode> getSetting(String space, String key) {
        return reads.getSetting(name(space, "space"), name(key, "key"));
    }

    @Override
    public void putSetting(String space, String key, ObjectNode value) {
        name(space, "space");
        name(key, "key");
        String json = JsonCodec.write(Objects.requireNonNull(value, "value"));
        writer.submit("the setting " + key + " was not stored", 1, tx -> {
            tx.putSetting(space, key, json);
            return null;
        });
    }

    @Override
    public boolean deleteSetting(String space, String key) {
        name(space, "space");
        name(key, "key");
        return writer.submit("the delete of setting " + key + " was not applied", 1, tx -> tx.deleteSetting(space, key));
    }

    @Override
    public Map<String, ObjectNode> settings(String space) {
        return reads.settings(name(space, "space"));
    }

    /** The data directory is locked by this process: no other one writes it. */
    @Override
    public boolean sharedAcrossProcesses() {
        return false;
    }

    @Override
    public <T> T exclusively(String space, Supplier<T> change) {
        name(space, "space");
        return change.get();
    }

    @Override
    public List<String> spaces() {
        return reads.spaces();
    }

    /** Drains accepted writes, stops the writer, checkpoints the WAL into the file, closes. Idempotent. */
    @Override
    public void close() {
        synchronized (closeLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        training.close();
        writer.close();
        checkpointer.close();
        readPool.close();
        try {
            writeTransaction.checkpoint();
        } catch (SQLException e) { // not fatal: the WAL is replayed on the next open
            LOG.warn("entity store checkpoint of {} failed: {}", dbFile, e.getMessage());
        }
        try {
            writeTransaction.close();
        } catch (SQLException e) {
            LOG.warn("entity store close of {} failed: {}", dbFile, e.getMessage());
        }
        dataDirectory.close();
        LOG.info("entity store at {} closed", dbFile);
    }

    @Override
    public String toString() {
        return "SqliteEntityStore[" + dbFile + "]";
    }
}
