package dev.entitystore.domain.store.sqlite;

import static dev.entitystore.domain.store.TestJson.obj;
import static dev.entitystore.domain.store.TestJson.setField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.store.MergeOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConcurrentMergeTest extends StoreTestSupport {
    private static final int THREADS = 16;
    private static final int MERGES_PER_THREAD = 200;

    @BeforeEach
    void open() {
        openStore();
    }

    @Test
    void sixteen_threads_merging_distinct_fields_into_one_record_lose_none_and_never_fail() throws Exception {
        store.create("default", "host:shared", obj("entity", obj("id", "host:shared")));
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < MERGES_PER_THREAD; i++) {
                        MergeOutcome outcome = store.merge("default", "host:shared", setField("t" + thread + "_" + i, i));
                        assertThat(outcome.status()).isEqualTo(MergeOutcome.Status.UPDATED);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(120, TimeUnit.SECONDS); // rethrows any exception a merge threw
            }
        } finally {
            pool.shutdownNow();
        }

        ObjectNode source = store.get("default", "host:shared").orElseThrow().source();
        for (int t = 0; t < THREADS; t++) {
            for (int i = 0; i < MERGES_PER_THREAD; i++) {
                assertThat(source.path("t" + t + "_" + i).asInt(-1)).as("field t%d_%d", t, i).isEqualTo(i);
            }
        }
        assertThat(source.size()).isEqualTo(1 + THREADS * MERGES_PER_THREAD);
        assertThat(store.get("default", "host:shared").orElseThrow().version()).isEqualTo(1 + THREADS * MERGES_PER_THREAD);
    }

    @Test
    void a_failing_merge_fails_alone_and_the_writes_committed_beside_it_stay() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (int n = 0; n < 400; n++) {
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
                assertThat(result.get(60, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }

        for (int n = 0; n < 400; n++) {
            assertThat(store.get("default", "r" + n).isPresent()).as("r%d", n).isEqualTo(n % 3 != 0);
        }
    }
}
