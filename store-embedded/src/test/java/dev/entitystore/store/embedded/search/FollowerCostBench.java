package dev.entitystore.store.embedded.search;

import dev.entitystore.domain.store.CommittedChange;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the follower costs per write on a big index, in process: single writes (one refresh each) and
 * groups of 1,000, as wall time per write and as the whole process's CPU per written entity (merges and
 * background moves included). Not a timed test: it asserts nothing. Off by default; run with
 * {@code -Dtest=FollowerCostBench -Dentitystore.bench=true -Dentitystore.bench.index=<a search-index directory>}
 * (copied first; e.g. the bench's {@code bench-data/sqlite-host-200000/search-index}).
 */
@EnabledIfSystemProperty(named = "entitystore.bench", matches = "true")
class FollowerCostBench {
    private static final int SINGLES = Integer.getInteger("entitystore.bench.singles", 3_000);
    private static final int GROUPS = Integer.getInteger("entitystore.bench.groups", 40);

    @TempDir
    Path dir;

    @Test
    void costPerWrite() throws Exception {
        Path source = Path.of(System.getProperty("entitystore.bench.index"));
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.toList()) {
                if (!file.getFileName().toString().equals("write.lock")) {
                    Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        List<String[]> records = sample(dir, 5_000);
        LuceneEntityIndex index = LuceneEntityIndex.open(dir);
        long seq = index.appliedSeq();
        IndexFollower follower = new IndexFollower(index, 5_000);
        follower.start(() -> { });
        follower.caughtUp().get();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int round = 0; round < 2; round++) { // the first round warms up
            long cpu = os.getProcessCpuTime();
            long start = System.nanoTime();
            for (int i = 0; i < SINGLES; i++) {
                String[] r = records.get(i % records.size());
                follower.committed(List.of(upsert(++seq, r))).toCompletableFuture().get(60, TimeUnit.SECONDS);
            }
            long wall = System.nanoTime() - start;
            long used = os.getProcessCpuTime() - cpu;
            System.out.printf("round %d singles: %d writes, %.3f ms wall/write, %.3f ms process CPU/write%n",
                    round, SINGLES, wall / 1e6 / SINGLES, used / 1e6 / SINGLES);
            cpu = os.getProcessCpuTime();
            start = System.nanoTime();
            for (int g = 0; g < GROUPS; g++) {
                List<CommittedChange> group = new ArrayList<>(1_000);
                for (int i = 0; i < 1_000; i++) {
                    group.add(upsert(++seq, records.get((g * 1_000 + i * 7) % records.size())));
                }
                follower.committed(group).toCompletableFuture().get(60, TimeUnit.SECONDS);
            }
            wall = System.nanoTime() - start;
            used = os.getProcessCpuTime() - cpu;
            System.out.printf("round %d groups of 1000: %d writes, %.0f writes/s wall, %.3f ms process CPU/write%n",
                    round, GROUPS * 1_000, GROUPS * 1_000 / (wall / 1e9), used / 1e6 / (GROUPS * 1_000));
        }
        follower.close();
        index.close();
    }

    private static CommittedChange upsert(long seq, String[] record) {
        String json = record[1].replaceFirst("\"@timestamp\":\"[^\"]*\"",
                "\"@timestamp\":\"" + java.time.Instant.ofEpochMilli(1_800_000_000_000L + seq) + "\"");
        return CommittedChange.upsert(seq, "default", record[0], json);
    }

    /** Some stored records (id, JSON) of the index, to write again. */
    private static List<String[]> sample(Path path, int count) throws Exception {
        List<String[]> records = new ArrayList<>();
        try (FSDirectory directory = FSDirectory.open(path); DirectoryReader reader = DirectoryReader.open(directory)) {
            StoredFields stored = reader.storedFields();
            int step = Math.max(1, reader.maxDoc() / count);
            for (int doc = 0; doc < reader.maxDoc() && records.size() < count; doc += step) {
                var document = stored.document(doc);
                records.add(new String[] {document.get(IndexFields.ID),
                        document.getBinaryValue(IndexFields.SOURCE).utf8ToString()});
            }
        }
        return records;
    }
}
