package application.port.out;

import java.util.List;

import domain.event.RunEvent;
import domain.run.RunId;

/** Reads a run's own stream, oldest first; empty when the run does not exist. */
public interface LoadRunHistoryPort {

    List<RunEvent> loadHistory(RunId runId);
}
