package application.port.out;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import domain.run.RequestLimits;

/**
 * One page of a RandomUser query. The same seed, page and page size always give the same users,
 * which is what makes a run resumable.
 *
 * @param page          1-based page number
 * @param results       users per page, 1 to {@value RequestLimits#MAX_PAGE_SIZE} (the API's own limit)
 * @param seed          the run's seed: never blank, a run without one gets one generated
 * @param nationalities RandomUser nationality codes; empty means any
 * @param gender        "female" or "male"; empty means any (the API ignores it when a seed is set)
 */
public record PageQuery(int page, int results, String seed, List<String> nationalities, Optional<String> gender) {

    public PageQuery {
        if (page < 1) {
            throw new IllegalArgumentException("page must be >= 1, was " + page);
        }
        if (results < 1 || results > RequestLimits.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException(
                    "results must be 1.." + RequestLimits.MAX_PAGE_SIZE + ", was " + results);
        }
        if (seed == null || seed.isBlank()) {
            throw new IllegalArgumentException("seed must not be blank");
        }
        nationalities = List.copyOf(Objects.requireNonNull(nationalities, "nationalities"));
        gender = Objects.requireNonNull(gender, "gender");
    }
}
