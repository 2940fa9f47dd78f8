package bench;

import java.util.List;

import localstack.Percentiles;

/** The figures the benchmarks print and draw are taken from repeated measurements this way, and only this way. */
final class BenchStatistics {

    private BenchStatistics() {}

    /** Nearest rank, as every printed figure (see {@link Percentiles}). */
    static double percentile(List<Double> values, int percent) {
        return Percentiles.nearestRank(values, percent);
    }

    static double median(List<Double> values) {
        return percentile(values, 50);
    }

    /** The smallest value, 0 when there is none. */
    static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    /** The largest value, 0 when there is none. */
    static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
