#!/usr/bin/env bash
# Creates (once) the project's Airflow virtual environment, .venv/airflow, with the pinned set in
# airflow/requirements.txt, and prints its path. uv (itself from PyPI, in .venv/uv) installs the
# ~470 packages in seconds where pip needs minutes. Rerun after editing requirements.txt.
set -euo pipefail

PROJECT_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$PROJECT_HOME/.venv/airflow"
UV_VENV="$PROJECT_HOME/.venv/uv"
REQUIREMENTS="$PROJECT_HOME/airflow/requirements.txt"
MARKER="$VENV/.requirements.sha256"

PYTHON="$(command -v python3 || true)"
[[ -n "$PYTHON" ]] || { echo "error: Airflow needs Python 3.10-3.13 and no python3 is on the PATH" >&2; exit 1; }
wanted="$(sha256sum "$REQUIREMENTS" | cut -d' ' -f1)"
if [[ -x "$VENV/bin/airflow" && -f "$MARKER" && "$(cat "$MARKER")" == "$wanted" ]]; then
  echo "$VENV"
  exit 0
fi

if [[ ! -x "$UV_VENV/bin/uv" ]]; then
  echo "Installing uv from PyPI into $UV_VENV ..." >&2
  "$PYTHON" -m venv "$UV_VENV" >&2
  "$UV_VENV/bin/pip" install --disable-pip-version-check -q uv >&2
fi
echo "Installing Airflow (pinned in airflow/requirements.txt) into $VENV ..." >&2
"$UV_VENV/bin/uv" venv -q --allow-existing --python "$PYTHON" "$VENV" >&2
VIRTUAL_ENV="$VENV" "$UV_VENV/bin/uv" pip install -r "$REQUIREMENTS" >&2
echo "$wanted" > "$MARKER"
echo "$VENV"
