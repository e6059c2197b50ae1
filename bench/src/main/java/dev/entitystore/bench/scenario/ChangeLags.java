package dev.entitystore.bench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The lags of a change feed's follower: for each change of a page, the time from the change's own
 * {@code @timestamp} (the server's clock as it wrote the change) to the moment the page reached the follower
 * (the follower's clock; both on one machine), in microseconds. A lag below 0 (clocks a little apart) counts
 * as 0, one above 10 minutes as 10 minutes.
 */
final class ChangeLags {
    private static final long HIGHEST = TimeUnit.MINUTES.toMicros(10);

    private final Histogram lags = new Histogram(HIGHEST, 3);

    /** The lag of a change written at {@code written} and received at {@code receivedMicros} (epoch µs), bounded. */
    static long lagMicros(Instant written, long receivedMicros) {
        long writtenMicros = TimeUnit.SECONDS.toMicros(written.getEpochSecond()) + TimeUnit.NANOSECONDS.toMicros(written.getNano());
        return Math.max(0, Math.min(receivedMicros - writtenMicros, HIGHEST));
    }

    /** Records every change of a feed page ({@code {"changes":[...]}}) received at {@code receivedMicros}; how many. */
    synchronized int record(JsonNode page, long receivedMicros) {
        int n = 0;
        for (JsonNode change : page.path("changes")) {
            lags.recordValue(lagMicros(Instant.parse(change.path("@timestamp").asText()), receivedMicros));
            n++;
        }
        return n;
    }

    synchronized long count() {
        return lags.getTotalCount();
    }

    /** The lag at a percentile, in milliseconds. */
    synchronized double percentileMillis(double percentile) {
        return lags.getValueAtPercentile(percentile) / 1e3;
    }

    synchronized double maxMillis() {
        return lags.getMaxValue() / 1e3;
    }

    /** One line: n, p50, p99 and max in ms. */
    synchronized String summary() {
        return String.format("n=%d  p50 %.1f ms  p99 %.1f ms  max %.1f ms", count(), percentileMillis(50), percentileMillis(99),
                maxMillis());
    }
}
