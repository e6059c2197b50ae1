package dev.entitystore.domain.store.contract;

import static dev.entitystore.domain.store.TestJson.obj;
import static dev.entitystore.domain.store.TestJson.setField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.store.BulkOperation;
import dev.entitystore.domain.store.ItemOutcome;
import dev.entitystore.domain.store.MergeOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Concurrent writers of one record: every merge applies, none fails with a conflict, no field is lost. */
public abstract class ConcurrentMergeContract extends StoreContract {
    private static final int THREADS = 16;

    @Test
    public void sixteen_threads_merging_distinct_fields_into_one_record_lose_none_and_never_fail() throws Exception {
        int rounds = concurrentRounds();
        store.create("default", "host:shared", obj("entity", obj("id", "host:shared")));

        runConcurrently(THREADS, thread -> {
            for (int i = 0; i < rounds; i++) {
                MergeOutcome outcome = store.merge("default", "host:shared", setField("t" + thread + "_" + i, i));
                assertThat(outcome.status()).isEqualTo(MergeOutcome.Status.UPDATED);
            }
            return null;
        });

        ObjectNode source = store.get("default", "host:shared").orElseThrow().source();
        for (int t = 0; t < THREADS; t++) {
            for (int i = 0; i < rounds; i++) {
                assertThat(source.path("t" + t + "_" + i).asInt(-1)).as("field t%d_%d", t, i).isEqualTo(i);
            }
        }
        assertThat(source.size()).isEqualTo(1 + THREADS * rounds);
        assertThat(store.get("default", "host:shared").orElseThrow().version()).isEqualTo(1 + THREADS * rounds);
    }

    @Test
    public void concurrent_bulks_over_the_same_records_lose_no_item() throws Exception {
        int threads = 4;
        int rounds = Math.max(3, concurrentRounds() / 10);
        List<String> ids = List.of("r1", "r2", "r3");

        runConcurrently(threads, thread -> {
            for (int i = 0; i < rounds; i++) {
                List<BulkOperation> items = new ArrayList<>();
                for (String id : ids) {
                    items.add(BulkOperation.merge(id, setField("t" + thread + "_" + i, i)));
                    items.add(BulkOperation.merge(id, setField("t" + thread + "_" + i + "_again", i)));
                }
                List<ItemOutcome> outcomes = store.bulk("default", items);
                assertThat(outcomes).extracting(ItemOutcome::status)
                        .doesNotContain(ItemOutcome.Status.NOT_FOUND, ItemOutcome.Status.NOOP);
            }
            return null;
        });

        for (String id : ids) {
            ObjectNode source = store.get("default", id).orElseThrow().source();
            assertThat(source.size()).as(id).isEqualTo(threads * rounds * 2);
        }
    }

    @Test
    public void a_failing_merge_fails_alone_and_the_writes_committed_beside_it_stay() throws Exception {
        int records = 2 * concurrentRounds();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (int n = 0; n < records; n++) {
                int item = n;
                results.add(pool.submit(() -> {
                    if (item % 3 == 0) {
                        try {
                            store.merge("default", "r" + item, current -> {
                                throw new IllegalArgumentException("rejected " + item);
                            });
                            return false;
                        } catch (IllegalArgumentException expected) {
                            return expected.getMessage().equals("rejected " + item);
                        }
                    }
                    return store.merge("default", "r" + item, setField("n", item)).status() == MergeOutcome.Status.CREATED;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get(120, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }

        for (int n = 0; n < records; n++) {
            assertThat(store.get("default", "r" + n).isPresent()).as("r%d", n).isEqualTo(n % 3 != 0);
        }
    }

    /** Runs {@code work} on {@code threads} threads started together; rethrows the first failure. */
    private static void runConcurrently(int threads, ThreadWork work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Callable<Void> task = () -> {
                    start.await();
                    work.run(thread);
                    return null;
                };
                done.add(pool.submit(task));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(300, TimeUnit.SECONDS); // rethrows any exception a merge threw
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface ThreadWork {
        Void run(int thread) throws Exception;
    }
}
