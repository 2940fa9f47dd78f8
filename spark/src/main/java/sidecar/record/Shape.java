package sidecar.record;

/** Which producer's message shape a valid {@code users_created} record had. */
public enum Shape {
    /** docs/contracts.md {@code users_created}, {@code schema_version} 1: carries run_id and fetched_at. */
    CONTRACT_V1,
    /** The seed project's Airflow DAG: no schema_version, run_id, nationality or fetched_at. */
    SEED
}
