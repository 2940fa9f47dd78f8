package application.port.out;

import java.util.List;
import java.util.Objects;

import domain.user.RawProfile;

/**
 * The profiles of one page as the source returned them, unvalidated: the domain decides which
 * become users and which are rejected, each with a reason.
 *
 * @param apiVersion the {@code info.version} the source reported (e.g. "1.4"), or "" when absent
 */
public record UserPage(PageQuery query, List<RawProfile> profiles, String apiVersion) {

    public UserPage {
        Objects.requireNonNull(query, "query");
        profiles = List.copyOf(profiles);
        Objects.requireNonNull(apiVersion, "apiVersion");
    }
}
