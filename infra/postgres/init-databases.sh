#!/bin/bash
# Runs once, on the first start of an empty data volume: the event store's and Airflow's databases,
# each with its own owner. Passwords come from the environment (infra/.env), never from this file.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" <<SQL
CREATE USER eventstore WITH PASSWORD '${EVENTSTORE_PASSWORD}';
CREATE DATABASE eventstore OWNER eventstore;
CREATE USER airflow WITH PASSWORD '${AIRFLOW_DB_PASSWORD}';
CREATE DATABASE airflow OWNER airflow;
SQL
