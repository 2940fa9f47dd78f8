#!/usr/bin/env bash
# cassandra-init of infra/docker-compose.secure.yml: gives the default superuser `cassandra` the
# password CASSANDRA_ADMIN_PASSWORD (once; later runs log in with it) and creates the role `pipeline`
# with the password in the secret file, allowed to create its keyspace (whose owner it then is).
# Passwords reach cqlsh through a credentials file and CQL through a file, never a command line.
set -euo pipefail
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
pipeline_password="$(head -n1 /run/secrets/cassandra_pipeline_password)"
quote() { printf "'%s'" "${1//\'/\'\'}"; }

cql() {  # cql PASSWORD FILE: runs FILE as the superuser logged in with PASSWORD
  printf '[PlainTextAuthProvider]\nusername = cassandra\npassword = %s\n' "$1" > "$work/credentials"
  printf '[authentication]\ncredentials = %s\n' "$work/credentials" > "$work/cqlshrc"
  cqlsh --cqlshrc "$work/cqlshrc" cassandra 9042 -f "$2"
}

echo "SELECT release_version FROM system.local;" > "$work/probe.cql"
if ! cql "$CASSANDRA_ADMIN_PASSWORD" "$work/probe.cql" > /dev/null 2>&1; then
  echo "ALTER ROLE cassandra WITH PASSWORD = $(quote "$CASSANDRA_ADMIN_PASSWORD");" > "$work/admin.cql"
  cql cassandra "$work/admin.cql"
fi
cat > "$work/roles.cql" <<CQL
CREATE ROLE IF NOT EXISTS pipeline WITH LOGIN = true AND PASSWORD = $(quote "$pipeline_password");
ALTER ROLE pipeline WITH PASSWORD = $(quote "$pipeline_password");
GRANT CREATE ON ALL KEYSPACES TO pipeline;
CQL
cql "$CASSANDRA_ADMIN_PASSWORD" "$work/roles.cql"
echo "cassandra-init: role pipeline ready"
