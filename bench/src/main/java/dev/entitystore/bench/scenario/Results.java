package dev.entitystore.bench.scenario;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Latency and statuses per operation kind, and entities written, for one scenario run. */
public final class Results {
    private final Map<String, LatencyRecorder> byKind = new ConcurrentHashMap<>();
    private final LongAdder entitiesWritten = new LongAdder();
    private final LatencyRecorder all = new LatencyRecorder();

    public void record(Operation operation, long nanos, int status) {
        all.record(nanos, status);
        byKind.computeIfAbsent(operation.kind(), k -> new LatencyRecorder()).record(nanos, status);
        if (status >= 200 && status <= 299) {
            entitiesWritten.add(operation.entities());
        }
    }

    /** Every operation, whatever its kind. */
    public LatencyRecorder all() {
        return all;
    }

    /** Per kind, in name order. */
    public Map<String, LatencyRecorder> byKind() {
        return new TreeMap<>(byKind);
    }

    public long entitiesWritten() {
        return entitiesWritten.sum();
    }

    public long failures() {
        return byKind.values().stream().mapToLong(LatencyRecorder::failures).sum();
    }

    /** One line per kind, then entities written per second when anything was written. */
    public void print(String scenario, double seconds) {
        System.out.printf("== %s: %.1f s%n", scenario, seconds);
        byKind().forEach((kind, recorder) -> recorder.print(kind, seconds));
        if (entitiesWritten() > 0) {
            System.out.printf("entities written: %d = %.0f entities/s%n", entitiesWritten(), entitiesWritten() / seconds);
        }
    }
}
