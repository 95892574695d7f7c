package io.callflow.media.mixer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatenessHistogramTest {
    @Test
    void percentiles_are_within_the_buckets_precision() {
        LatenessHistogram histogram = new LatenessHistogram();
        for (long micros = 1; micros <= 10_000; micros++) {
            histogram.record(micros);
        }

        TickStats stats = histogram.stats();

        assertThat(stats.ticks()).isEqualTo(10_000);
        assertThat(stats.p50LatenessMicros()).isCloseTo(5_000, within(5_000 / 64L));
        assertThat(stats.p99LatenessMicros()).isCloseTo(9_900, within(9_900 / 64L));
        assertThat(stats.maxLatenessMicros()).isEqualTo(10_000);
    }

    @Test
    void reset_forgets_what_was_recorded() {
        LatenessHistogram histogram = new LatenessHistogram();
        histogram.record(35_000);
        histogram.record(40);

        histogram.reset();
        histogram.record(7);

        assertThat(histogram.stats()).isEqualTo(new TickStats(1, 7, 7, 7));
    }

    @Test
    void one_late_tick_shows_in_the_maximum_not_the_median() {
        LatenessHistogram histogram = new LatenessHistogram();
        for (int i = 0; i < 999; i++) {
            histogram.record(40);
        }
        histogram.record(35_000);

        TickStats stats = histogram.stats();

        assertThat(stats.p50LatenessMicros()).isEqualTo(40);
        assertThat(stats.p99LatenessMicros()).isEqualTo(40);
        assertThat(stats.maxLatenessMicros()).isEqualTo(35_000);
    }

    @Test
    void every_value_falls_in_a_bucket_whose_upper_edge_bounds_it_closely() {
        for (long value = 0; value < 5_000_000; value += 997) {
            long edge = LatenessHistogram.upperEdge(LatenessHistogram.bucket(value));
            assertThat(edge).isGreaterThanOrEqualTo(value);
            assertThat(edge - value).isLessThanOrEqualTo(Math.max(0, value / 64));
        }
    }

    @Test
    void no_ticks_report_zeros() {
        assertThat(new LatenessHistogram().stats()).isEqualTo(new TickStats(0, 0, 0, 0));
    }
}
