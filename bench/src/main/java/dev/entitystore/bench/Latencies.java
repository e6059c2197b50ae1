package dev.entitystore.bench;

import java.util.Arrays;
import java.util.function.IntFunction;

/** Latency figures for the benchmarks: percentiles over recorded nanoseconds, and a timed loop. */
public final class Latencies {
    private Latencies() {}

    /** Runs {@code operation} a fifth as often to warm up, then {@code count} times timed, and prints the summary. */
    public static void measure(String name, int count, IntFunction<Object> operation) {
        for (int i = 0; i < Math.max(5, count / 5); i++) {
            operation.apply(i);
        }
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            operation.apply(i);
            nanos[i] = System.nanoTime() - t0;
        }
        print(name + " n=" + count, nanos);
    }

    /** Prints p50, p95, p99 and max of {@code nanos}, in milliseconds. */
    public static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-40s p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  max %7.2f ms%n", what,
                at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(quantile * sorted.length) - 1))] / 1e6;
    }
}
