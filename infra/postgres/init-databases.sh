#!/bin/bash
# Runs once, on the first start of an empty data volume: the event store's and Airflow's databases,
# each with its own owner. Passwords come from the environment (infra/.env), never from this file.
# They reach SQL as psql variables, quoted by psql (:'name'), never pasted into the text: a password
# with a quote in it stays a password. The quoted heredoc keeps the shell from expanding anything.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" \
  -v eventstore_password="$EVENTSTORE_PASSWORD" \
  -v airflow_password="$AIRFLOW_DB_PASSWORD" <<'SQL'
CREATE USER eventstore WITH PASSWORD :'eventstore_password';
CREATE DATABASE eventstore OWNER eventstore;
CREATE USER airflow WITH PASSWORD :'airflow_password';
CREATE DATABASE airflow OWNER airflow;
SQL
