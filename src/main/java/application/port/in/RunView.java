package application.port.in;

import java.time.Instant;
import java.util.List;

/**
 * What a client sees of a run: its status and a count per stage. {@code lastError} is the most
 * recent problem (null when none), e.g. a page the source failed to deliver.
 */
public record RunView(String runId, String status, int requested, int fetched, int rejected, long published,
                      int persisted, int pagesStored, int pagesTotal, String seed, List<String> nationalities,
                      String gender, Instant requestedAt, String lastError) {
}
