#!/usr/bin/env bash
# Creates (once) .venv/schemathesis with the pinned Schemathesis (from PyPI, through tools/uv.sh) and
# prints the path of its `schemathesis` command. The API fuzz test (ApiFuzzIT) runs it against
# /openapi.json of a running app; run it by hand the same way:
#   "$(tools/schemathesis.sh)" run http://127.0.0.1:8080/openapi.json --checks all -H "Authorization: Bearer $PIPELINE_API_TOKEN"
set -euo pipefail

VERSION="4.32.5"
PROJECT_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$PROJECT_HOME/.venv/schemathesis"
if [[ -x "$VENV/bin/schemathesis" && "$(cat "$VENV/.version" 2>/dev/null)" == "$VERSION" ]]; then
  echo "$VENV/bin/schemathesis"
  exit 0
fi
PYTHON="$(command -v python3 || true)"
[[ -n "$PYTHON" ]] || { echo "error: Schemathesis needs Python 3.9+ and no python3 is on the PATH" >&2; exit 1; }
UV="$("$PROJECT_HOME/tools/uv.sh")"
echo "Installing Schemathesis $VERSION into $VENV ..." >&2
"$UV" venv -q --allow-existing --python "$PYTHON" "$VENV" >&2
VIRTUAL_ENV="$VENV" "$UV" pip install -q "schemathesis==$VERSION" >&2
echo "$VERSION" > "$VENV/.version"
echo "$VENV/bin/schemathesis"
