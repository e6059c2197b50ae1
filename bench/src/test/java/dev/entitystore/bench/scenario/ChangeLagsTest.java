package dev.entitystore.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@link ChangeLags}: the feed-lag figure's arithmetic, from a page's {@code @timestamp}s to p50/p99/max. */
class ChangeLagsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant RECEIVED = Instant.parse("2026-12-07T15:00:00.000Z");

    @Test
    void a_lag_is_the_time_from_the_change_timestamp_to_the_page_arrival_in_microseconds() {
        long received = micros(RECEIVED);
        assertThat(ChangeLags.lagMicros(Instant.parse("2026-12-07T14:59:59.750Z"), received)).isEqualTo(250_000);
        assertThat(ChangeLags.lagMicros(Instant.parse("2026-12-07T14:59:58.999999Z"), received)).isEqualTo(1_000_001);
        assertThat(ChangeLags.lagMicros(RECEIVED, received)).isZero();
    }

    @Test
    void a_timestamp_after_the_arrival_counts_as_no_lag_and_a_very_old_one_as_ten_minutes() {
        long received = micros(RECEIVED);
        assertThat(ChangeLags.lagMicros(RECEIVED.plusMillis(3), received)).isZero();
        assertThat(ChangeLags.lagMicros(RECEIVED.minusSeconds(3_600), received)).isEqualTo(600_000_000L);
    }

    @Test
    void every_change_of_every_page_is_counted_and_the_percentiles_are_in_milliseconds() throws Exception {
        ChangeLags lags = new ChangeLags();
        // 98 changes 10 ms behind, one 500 ms and one 2 s behind, over two pages
        StringBuilder first = new StringBuilder("{\"changes\":[");
        for (int i = 0; i < 98; i++) {
            first.append(i == 0 ? "" : ",").append(change(RECEIVED.minusMillis(10)));
        }
        first.append("],\"next\":\"98\"}");
        assertThat(lags.record(page(first.toString()), micros(RECEIVED))).isEqualTo(98);
        String second = "{\"changes\":[" + change(RECEIVED.minusMillis(500)) + "," + change(RECEIVED.minusMillis(2_000))
                + "],\"next\":\"100\"}";
        assertThat(lags.record(page(second), micros(RECEIVED))).isEqualTo(2);
        assertThat(lags.record(page("{\"changes\":[],\"next\":\"100\"}"), micros(RECEIVED))).isZero();

        assertThat(lags.count()).isEqualTo(100);
        assertThat(lags.percentileMillis(50)).isBetween(9.99, 10.01);
        assertThat(lags.percentileMillis(99)).isBetween(499.0, 501.0);
        assertThat(lags.maxMillis()).isBetween(1_999.0, 2_001.0);
        assertThat(lags.summary()).startsWith("n=100  p50 10.0 ms  p99 500.").contains("  max 200").doesNotContain("NaN");
    }

    private static String change(Instant written) {
        return "{\"seq\":1,\"@timestamp\":\"" + written + "\",\"op\":\"update\"}";
    }

    private static JsonNode page(String body) throws Exception {
        return JSON.readTree(body);
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }
}
