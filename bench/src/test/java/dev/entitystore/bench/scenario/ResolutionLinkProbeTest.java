package dev.entitystore.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ResolutionLinkProbe#percentile}: the nearest-rank percentiles the link and group figures print. */
class ResolutionLinkProbeTest {
    private static final List<Double> TEN = List.of(9.0, 1.0, 8.0, 2.0, 7.0, 3.0, 6.0, 4.0, 5.0, 10.0);

    @Test
    void the_median_of_an_even_count_is_the_lower_middle_value_in_sorted_order() {
        assertThat(ResolutionLinkProbe.percentile(TEN, 50)).isEqualTo(5.0);
        assertThat(ResolutionLinkProbe.percentile(List.of(3.0, 1.0, 2.0), 50)).isEqualTo(2.0);
    }

    @Test
    void p99_of_fewer_than_a_hundred_values_is_the_largest_and_p90_of_ten_the_ninth() {
        assertThat(ResolutionLinkProbe.percentile(TEN, 99)).isEqualTo(10.0);
        assertThat(ResolutionLinkProbe.percentile(TEN, 90)).isEqualTo(9.0);
        assertThat(ResolutionLinkProbe.percentile(TEN, 100)).isEqualTo(10.0);
    }

    @Test
    void no_values_give_zero_and_a_tiny_percentile_the_smallest() {
        assertThat(ResolutionLinkProbe.percentile(List.of(), 50)).isZero();
        assertThat(ResolutionLinkProbe.percentile(TEN, 0)).isEqualTo(1.0);
    }
}
