#!/usr/bin/env bash
# Prints the path of uv (from PyPI, installed once into .venv/uv): the project's Python installer,
# used for the Airflow and compose-check environments.
set -euo pipefail
PROJECT_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
UV_VENV="$PROJECT_HOME/.venv/uv"
if [[ ! -x "$UV_VENV/bin/uv" ]]; then
  PYTHON="$(command -v python3 || true)"
  [[ -n "$PYTHON" ]] || { echo "error: no python3 on the PATH (Debian/Ubuntu: apt-get install python3 python3-venv)" >&2; exit 1; }
  echo "Installing uv from PyPI into $UV_VENV ..." >&2
  "$PYTHON" -m venv "$UV_VENV" >&2
  "$UV_VENV/bin/pip" install --disable-pip-version-check -q uv >&2
fi
echo "$UV_VENV/bin/uv"
