package adapters.randomuser;

import java.net.http.HttpClient;

import application.port.out.FetchUserPagePort;

/** The one way in: builds the RandomUser adapter for the composition root. */
public final class RandomUserAdapter {

    private RandomUserAdapter() {}

    public static FetchUserPagePort create(RandomUserSettings settings) {
        return create(settings, Environment.system());
    }

    /** With time and chance replaced, so retry and rate-limit behaviour is tested without waiting. */
    static FetchUserPagePort create(RandomUserSettings settings, Environment environment) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                // the client follows same-host redirects itself (SameHostRedirect), none to another host
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        UserRateLimiter rateLimiter = settings.effectiveRateLimit()
                .<UserRateLimiter>map(
                        limit -> new SlidingWindowRateLimiter(limit, environment.ticker(), environment.sleeper()))
                .orElseGet(UserRateLimiter::unlimited);
        return new RandomUserClient(settings, http, new PageParser(), rateLimiter, environment);
    }
}
