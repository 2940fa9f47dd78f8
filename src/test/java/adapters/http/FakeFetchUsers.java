package adapters.http;

import java.util.ArrayList;
import java.util.List;

import application.port.in.FetchUsersCommand;
import application.port.in.RequestUserFetchUseCase;
import application.port.in.RunView;

/** The use case as the adapter sees it: records every command, answers with a prepared run or a prepared failure. */
final class FakeFetchUsers implements RequestUserFetchUseCase {

    private final List<FetchUsersCommand> received = new ArrayList<>();
    private RunView answer = RunViewBuilder.aRunView().build();
    private RuntimeException failure;

    @Override
    public synchronized RunView requestFetch(FetchUsersCommand command) {
        received.add(command);
        if (failure != null) {
            throw failure;
        }
        return answer;
    }

    synchronized FakeFetchUsers answering(RunView run) {
        this.answer = run;
        return this;
    }

    synchronized FakeFetchUsers failingWith(RuntimeException exception) {
        this.failure = exception;
        return this;
    }

    synchronized List<FetchUsersCommand> received() {
        return List.copyOf(received);
    }

    synchronized FetchUsersCommand onlyCommand() {
        if (received.size() != 1) {
            throw new AssertionError("expected exactly one command, got " + received);
        }
        return received.get(0);
    }
}
