package application.port.out;

/** Fetches one page of user profiles from a RandomUser-compatible source. */
public interface FetchUserPagePort {

    /**
     * Returns the page, having retried transient failures (429, 5xx, timeouts, refused connections)
     * as the adapter's policy allows.
     *
     * @throws UserSourceException when the page cannot be had: the subtype says why
     */
    UserPage fetchPage(PageQuery query);
}
