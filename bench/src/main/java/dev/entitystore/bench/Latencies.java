package dev.entitystore.bench;

import dev.entitystore.bench.scenario.LatencyRecorder;
import java.util.function.IntFunction;

/** A timed loop for the in-process figures of {@link ListingBench}, summarised by {@link LatencyRecorder}. */
public final class Latencies {
    private Latencies() {}

    /** Runs {@code operation} a fifth as often to warm up, then {@code count} times timed, and prints the summary. */
    public static void measure(String name, int count, IntFunction<Object> operation) {
        for (int i = 0; i < Math.max(5, count / 5); i++) {
            operation.apply(i);
        }
        LatencyRecorder recorder = new LatencyRecorder();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            operation.apply(i);
            recorder.record(System.nanoTime() - t0, 200);
        }
        recorder.print(name + " n=" + count, (System.nanoTime() - start) / 1e9);
    }
}
