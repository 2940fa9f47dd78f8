#!/usr/bin/env bash
# Validates a compose file without a Docker engine: first against the Compose Specification's JSON
# schema (check-jsonschema, pinned in infra/requirements-check.txt, in .venv/compose-check), then
# against the project's own rules (infra/check_compose.py), on the files merged as `docker compose -f
# FILE -f OVERRIDE` merges them. Usage: infra/validate.sh [FILE [OVERRIDE...]]
set -euo pipefail
PROJECT_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FILES=("$@")
[[ ${#FILES[@]} -gt 0 ]] || FILES=("$PROJECT_HOME/infra/docker-compose.yml")
VENV="$PROJECT_HOME/.venv/compose-check"
REQUIREMENTS="$PROJECT_HOME/infra/requirements-check.txt"
wanted="$(sha256sum "$REQUIREMENTS" | cut -d' ' -f1)"
if [[ ! -x "$VENV/bin/check-jsonschema" || "$(cat "$VENV/.requirements.sha256" 2>/dev/null)" != "$wanted" ]]; then
  UV="$("$PROJECT_HOME/tools/uv.sh")"
  "$UV" venv -q --allow-existing --python "$(command -v python3)" "$VENV" >&2
  VIRTUAL_ENV="$VENV" "$UV" pip install -q -r "$REQUIREMENTS" >&2
  echo "$wanted" > "$VENV/.requirements.sha256"
fi
"$VENV/bin/check-jsonschema" --builtin-schema vendor.compose-spec "${FILES[@]}"
"$VENV/bin/python" "$PROJECT_HOME/infra/check_compose.py" "${FILES[@]}"
