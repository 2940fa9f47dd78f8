package domain.event;

import java.time.Instant;

import domain.run.RunId;

/** The run gave up; {@code reason} is shown as is to the user and to Airflow. */
public record RunFailed(RunId runId, String reason, Instant failedAt) implements RunEvent {}
