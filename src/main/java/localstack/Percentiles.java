package localstack;

import java.util.List;

/** The one percentile rule of every printed figure: nearest rank, so a median is always a measured value. */
public final class Percentiles {

    private Percentiles() {}

    /** The value at rank ceil(percent/100 * n) of the sorted values; the list need not be sorted, nor empty. */
    public static <T extends Comparable<? super T>> T nearestRank(List<T> values, int percent) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values to take a percentile of");
        }
        List<T> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
