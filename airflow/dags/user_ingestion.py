"""user_ingestion: fetch RandomUser profiles through the pipeline and wait until they are in Cassandra.

The DAG drives the pipeline only through its HTTP commands (docs/contracts.md):

1. ``post_fetch_users`` posts ``{count, nationalities, gender?}`` to ``/api/commands/fetch-users``
   with ``Idempotency-Key`` = the Airflow run id. A retried task, or a cleared run, re-sends the same
   key, so the pipeline answers with the run it already started instead of fetching twice.
2. ``wait_until_persisted`` polls ``/api/runs/{runId}`` until the run is COMPLETED (every accepted
   user is in Cassandra). It fails at once, with the run's own error, when the run is FAILED or CANCELLED.

Connection ``pipeline_api`` (e.g. ``AIRFLOW_CONN_PIPELINE_API=http://127.0.0.1:8080``): the API's
base URL; its password, when set, is sent as the bearer token on every request (the API guards all of
``/api/*`` with it). A token has ``/``, ``+`` and ``=`` in it, which break a URI's password: give the
connection as JSON, ``{"conn_type": "http", "host": "app", "port": 8080, "password": "<token>"}``
(as infra/docker-compose.yml does), or percent-encode the token in the URI form. Environment: ``PIPELINE_DAG_SCHEDULE``
(a cron or preset such as ``@daily``; unset = triggered only), ``PIPELINE_DAG_RETRIES`` (default 2),
``PIPELINE_DAG_POKE_SECONDS`` (default 10) and ``PIPELINE_DAG_TIMEOUT_SECONDS`` (default 3600).
"""
from __future__ import annotations

import os
from datetime import datetime, timedelta

try:  # Airflow 3: the task SDK
    from airflow.sdk import DAG, Param
except ImportError:  # Airflow 2
    from airflow import DAG
    from airflow.models.param import Param

try:  # a task failure that retries cannot fix
    from airflow.sdk.exceptions import AirflowFailException
except ImportError:
    from airflow.exceptions import AirflowFailException

try:  # providers-http >= 4.x
    from airflow.providers.http.operators.http import HttpOperator
except ImportError:  # only the old name exists: Airflow 2 with an old provider (ADR 0007)
    from airflow.providers.http.operators.http import SimpleHttpOperator as HttpOperator
from airflow.providers.http.sensors.http import HttpSensor

CONN_ID = "pipeline_api"
SCHEDULE = os.environ.get("PIPELINE_DAG_SCHEDULE") or None
RETRIES = int(os.environ.get("PIPELINE_DAG_RETRIES", "2"))
POKE_SECONDS = float(os.environ.get("PIPELINE_DAG_POKE_SECONDS", "10"))
TIMEOUT_SECONDS = float(os.environ.get("PIPELINE_DAG_TIMEOUT_SECONDS", "3600"))

# The request body, built by Jinja from the run's params: HttpOperator would send a dict as a form.
FETCH_USERS_BODY = (
    '{"count": {{ params.count }}, "nationalities": {{ params.nationalities | tojson }}'
    '{% if params.gender %}, "gender": {{ params.gender | tojson }}{% endif %}}'
)
HEADERS = {
    "Content-Type": "application/json",
    "Idempotency-Key": "{{ run_id }}",
    # empty when the connection has no password: the API then runs without auth
    "Authorization": "{{ ('Bearer ' ~ conn.pipeline_api.password) if conn.pipeline_api.password else '' }}",
}


def run_id_of(response) -> str:
    """The runId of the 202 answer, pushed to XCom for the sensor."""
    return response.json()["runId"]


def is_completed(response, **_context) -> bool:
    """True once the run is COMPLETED; a FAILED or CANCELLED run fails the task with the run's own words."""
    run = response.json()
    if run["status"] == "FAILED":
        raise AirflowFailException(
            f"pipeline run {run['runId']} FAILED: {run.get('lastError') or 'no error recorded'}"
        )
    if run["status"] == "CANCELLED":
        raise AirflowFailException(f"pipeline run {run['runId']} was CANCELLED (POST /api/runs/{{runId}}/cancel)")
    return run["status"] == "COMPLETED"


with DAG(
    dag_id="user_ingestion",
    description="Fetch RandomUser profiles through the pipeline's HTTP API and wait until they are in Cassandra",
    schedule=SCHEDULE,
    start_date=datetime(2026, 1, 1),
    catchup=False,
    max_active_runs=1,
    default_args={
        "retries": RETRIES,
        "retry_delay": timedelta(seconds=30),
        "retry_exponential_backoff": True,
        "max_retry_delay": timedelta(minutes=10),
    },
    params={
        "count": Param(1000, type="integer", minimum=1, maximum=1_000_000, description="Users to fetch"),
        "nationalities": Param([], type="array", description="RandomUser nationality codes, e.g. GB, NO"),
        "gender": Param(None, type=["null", "string"], enum=[None, "female", "male"], description="Only this gender"),
    },
    tags=["user-pipeline"],
) as dag:
    post_fetch_users = HttpOperator(
        task_id="post_fetch_users",
        http_conn_id=CONN_ID,
        endpoint="api/commands/fetch-users",
        method="POST",
        data=FETCH_USERS_BODY,
        headers=HEADERS,
        response_filter=run_id_of,
        log_response=True,
    )

    wait_until_persisted = HttpSensor(
        task_id="wait_until_persisted",
        http_conn_id=CONN_ID,
        endpoint="api/runs/{{ ti.xcom_pull(task_ids='post_fetch_users') }}",
        method="GET",
        headers={"Authorization": HEADERS["Authorization"]},
        response_check=is_completed,
        mode="reschedule",
        poke_interval=POKE_SECONDS,
        timeout=TIMEOUT_SECONDS,
    )

    post_fetch_users >> wait_until_persisted
