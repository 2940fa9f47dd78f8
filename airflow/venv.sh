#!/usr/bin/env bash
# Creates (once) the project's Airflow virtual environment, .venv/airflow, with the pinned set in
# airflow/requirements.txt, and prints its path. uv (tools/uv.sh, from PyPI) installs the
# ~470 packages in seconds where pip needs minutes. Rerun after editing requirements.txt.
set -euo pipefail

PROJECT_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$PROJECT_HOME/.venv/airflow"
REQUIREMENTS="$PROJECT_HOME/airflow/requirements.txt"
MARKER="$VENV/.requirements.sha256"

PYTHON="$(command -v python3 || true)"
[[ -n "$PYTHON" ]] || { echo "error: Airflow needs Python 3.10-3.13 and no python3 is on the PATH" >&2; exit 1; }
wanted="$(sha256sum "$REQUIREMENTS" | cut -d' ' -f1)"
if [[ -x "$VENV/bin/airflow" && -f "$MARKER" && "$(cat "$MARKER")" == "$wanted" ]]; then
  echo "$VENV"
  exit 0
fi

UV="$("$PROJECT_HOME/tools/uv.sh")"
echo "Installing Airflow (pinned in airflow/requirements.txt) into $VENV ..." >&2
"$UV" venv -q --allow-existing --python "$PYTHON" "$VENV" >&2
VIRTUAL_ENV="$VENV" "$UV" pip install -r "$REQUIREMENTS" >&2
echo "$wanted" > "$MARKER"
echo "$VENV"
