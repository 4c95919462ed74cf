#!/usr/bin/env bash
# Makes sure the local PostgreSQL that the store tests and benchmarks use accepts connections:
# does nothing when it already does, otherwise starts the machine's cluster and waits until it is ready.
# Idempotent; safe to run before every test run. Override the server with BATON_TEST_PG=host:port.
#   scripts/ensure-postgres.sh            # exit 0 when ready, 1 (with the reason) when it cannot be
set -euo pipefail

server="${BATON_TEST_PG:-127.0.0.1:5432}"
host="${server%:*}"
port="${server##*:}"
wait_seconds="${BATON_PG_WAIT_SECONDS:-30}"

ready() { pg_isready -q -h "$host" -p "$port" 2>/dev/null; }

if ! command -v pg_isready >/dev/null 2>&1; then
  echo "ensure-postgres: pg_isready not found: install PostgreSQL (apt-get install postgresql) or point BATON_TEST_PG at a server" >&2
  exit 1
fi
if ready; then
  exit 0
fi

case "$host" in
  127.0.0.1 | localhost | ::1) ;;
  *)
    echo "ensure-postgres: PostgreSQL at $server does not answer, and it is not on this machine: start it there" >&2
    exit 1
    ;;
esac

if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ ! -d /etc/postgresql ]; then
  echo "ensure-postgres: PostgreSQL at $server does not answer and no local cluster is installed (apt-get install postgresql)" >&2
  exit 1
fi
version="$(ls /etc/postgresql | sort -V | tail -1)"
echo "ensure-postgres: starting the local PostgreSQL $version cluster 'main'" >&2
pg_ctlcluster --skip-systemctl-redirect "$version" main start || true

for _ in $(seq 1 "$wait_seconds"); do
  if ready; then
    echo "ensure-postgres: PostgreSQL is ready at $server" >&2
    exit 0
  fi
  sleep 1
done
echo "ensure-postgres: PostgreSQL $version did not become ready at $server within ${wait_seconds}s; see /var/log/postgresql/" >&2
exit 1
