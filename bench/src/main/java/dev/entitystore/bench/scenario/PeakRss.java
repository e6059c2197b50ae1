package dev.entitystore.bench.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The highest resident set size of a process, read from {@code /proc/<pid>/status} every 200 ms until closed. */
final class PeakRss implements AutoCloseable {
    private final Path status;
    private final AtomicLong peakKb = new AtomicLong();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "peak-rss");
        thread.setDaemon(true);
        return thread;
    });

    private PeakRss(long pid) {
        this.status = Path.of("/proc", String.valueOf(pid), "status");
        sampler.scheduleAtFixedRate(this::sample, 0, 200, TimeUnit.MILLISECONDS);
    }

    static PeakRss of(long pid) {
        return new PeakRss(pid);
    }

    long peakMb() {
        sample();
        return peakKb.get() >> 10;
    }

    private void sample() {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    peakKb.accumulateAndGet(kb, Math::max);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process is gone or the line unreadable: keep the peak seen so far
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
