package dev.entitystore.bench.soak;

import dev.entitystore.bench.cli.Options;
import dev.entitystore.bench.http.EntityStoreClient;
import dev.entitystore.bench.records.Population;
import dev.entitystore.bench.scenario.FixedRateLoad;
import dev.entitystore.bench.scenario.LatencyRecorder;
import dev.entitystore.bench.scenario.Operations;
import dev.entitystore.bench.scenario.Results;
import dev.entitystore.bench.scenario.Scenarios;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * A steady mixed workload ({@link Scenarios#mixedOperation}) at a fixed rate for a fixed time, with the
 * server process sampled every interval: latency and failures of the interval's answers, heap, resident
 * memory, descriptors, threads.
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.entitystore.bench.soak.Soak URL --pid PID
 *      [--seconds 600] [--interval 10] [--rate 200] [--entities N] [--types all] [--csv FILE] [--data-dir DIR]
 * </pre>
 */
public final class Soak {
    private final Operations operations;
    private final ProcessSampler sampler;
    private final int rate;

    public Soak(Operations operations, ProcessSampler sampler, int rate) {
        this.operations = operations;
        this.sampler = sampler;
        this.rate = rate;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        EntityStoreClient client = EntityStoreClient.of(options.positional(0, "server URL (or several, comma-separated)"));
        Population population = Population.of(options.text("types", "all"), options.integer("entities", 100_000));
        ProcessSampler sampler = new ProcessSampler(options.longValue("pid", -1),
                options.has("data-dir") ? Path.of(options.text("data-dir", "")) : null);
        Soak soak = new Soak(new Operations(client, population), sampler, options.integer("rate", 200));
        SoakReport report = soak.run(options.integer("seconds", 600), options.integer("interval", 10), System.out);
        if (options.has("csv")) {
            report.writeCsv(Path.of(options.text("csv", "")));
        }
        System.exit(report.failures() == 0 ? 0 : 1);
    }

    public SoakReport run(int seconds, int intervalSeconds, PrintStream out) throws InterruptedException {
        SoakReport report = new SoakReport(out);
        Results results = new Results();
        Random random = new Random(13);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        long[] seen = {0, 0, start};
        Runnable sample = () -> report.add(row(results.all(), start, seen));
        ticker.scheduleAtFixedRate(sample, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
        try {
            long unanswered = new FixedRateLoad(operations.client(), rate)
                    .run(n -> Scenarios.mixedOperation(operations, random), seconds, results, 60);
            report.unanswered(unanswered);
        } finally {
            ticker.shutdown();
            ticker.awaitTermination(30, TimeUnit.SECONDS);
        }
        report.add(row(results.all(), start, seen));
        results.print("soak, mixed read/write at " + rate + "/s", (System.nanoTime() - start) / 1e9);
        report.printSummary();
        return report;
    }

    /** The interval since the last row; {@code seen} carries the failure counts and the time of the last row. */
    private SoakRow row(LatencyRecorder all, long start, long[] seen) {
        Histogram interval = all.takeInterval();
        Map<Integer, Long> statuses = all.statuses();
        long failures = all.failures();
        long serverErrors = statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToLong(Map.Entry::getValue).sum();
        long now = System.nanoTime();
        SoakRow row = new SoakRow((now - start) / 1_000_000_000L, interval.getTotalCount(),
                interval.getTotalCount() / Math.max(1e-3, (now - seen[2]) / 1e9), LatencyRecorder.ms(interval, 50),
                LatencyRecorder.ms(interval, 99), interval.getMaxValue() / 1e6,
                failures - seen[0], serverErrors - seen[1], sampler.sample());
        seen[0] = failures;
        seen[1] = serverErrors;
        seen[2] = now;
        return row;
    }
}
