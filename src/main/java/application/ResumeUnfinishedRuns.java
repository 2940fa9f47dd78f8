package application;

import java.util.List;

import application.port.out.FindRunsPort;
import domain.run.RunId;

/** After a restart, picks up every run that was still fetching: it continues with its missing pages. */
public final class ResumeUnfinishedRuns {

    private final FindRunsPort runs;
    private final FetchRunPages fetcher;

    public ResumeUnfinishedRuns(FindRunsPort runs, FetchRunPages fetcher) {
        this.runs = runs;
        this.fetcher = fetcher;
    }

    /** @return the runs resumed */
    public List<RunId> resume() {
        List<RunId> unfinished = runs.listUnfinished();
        unfinished.forEach(fetcher::start);
        return unfinished;
    }
}
