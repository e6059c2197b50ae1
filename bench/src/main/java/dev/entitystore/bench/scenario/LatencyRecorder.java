package dev.entitystore.bench.scenario;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latencies and answer statuses of one scenario, recorded from many threads into HdrHistogram (no
 * sample list, 3 significant digits from 1 µs to 10 min). The whole-run histogram and per-interval ones
 * (for the soak's time series) come from the same recordings.
 *
 * <p>Status -1 stands for "no answer" (connection refused or reset, timeout).
 */
public final class LatencyRecorder {
    private static final long HIGHEST = TimeUnit.MINUTES.toNanos(10);

    private final Recorder interval = new Recorder(HIGHEST, 3);
    private final Histogram total = new Histogram(HIGHEST, 3);
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();

    public void record(long nanos, int status) {
        interval.recordValue(Math.max(1, Math.min(nanos, HIGHEST)));
        statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    /** What was recorded since the last call (also added to the whole-run figures). */
    public synchronized Histogram takeInterval() {
        Histogram taken = interval.getIntervalHistogram();
        total.add(taken);
        return taken;
    }

    /** Everything recorded so far. */
    public synchronized Histogram total() {
        takeInterval();
        return total.copy();
    }

    /** Answers by status so far, in status order. */
    public Map<Integer, Long> statuses() {
        Map<Integer, Long> sorted = new TreeMap<>();
        statuses.forEach((status, count) -> sorted.put(status, count.sum()));
        return sorted;
    }

    /** Answers that were not 2xx (including no answer at all). */
    public long failures() {
        return statuses().entrySet().stream().filter(e -> e.getKey() < 200 || e.getKey() > 299)
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** One line: count, rate over {@code seconds}, p50/p95/p99/max in ms, statuses. */
    public void print(String what, double seconds) {
        Histogram h = total();
        System.out.printf("%-36s n=%-7d %9.1f/s  p50 %8.2f ms  p95 %8.2f ms  p99 %8.2f ms  max %8.2f ms  statuses %s%n",
                what, h.getTotalCount(), h.getTotalCount() / seconds, ms(h, 50), ms(h, 95), ms(h, 99),
                h.getMaxValue() / 1e6, statuses());
    }

    public static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1e6;
    }
}
