package application.port.in;

/** Starts a run that fetches users, or returns the run already started under the same idempotency key. */
public interface RequestUserFetchUseCase {

    /**
     * @throws InvalidCommandException or {@code domain.run.RunRuleViolation} for a request that breaks a rule
     */
    RunView requestFetch(FetchUsersCommand command);
}
