#!/usr/bin/env bash
# Starts a private PostgreSQL cluster for the tests, like PostgresServer does inside a JVM, so that a whole
# build can share one server: a new directory, 127.0.0.1 only, trust authentication, fsync off. As root the
# cluster runs as nobody (uid/gid 65534), because PostgreSQL refuses to run as root.
#
#   start-postgres.sh PORT [DIR]   start a cluster in DIR (default: a new directory under /tmp) on PORT and
#                                  print the export lines for the tests on standard output:
#                                    eval "$(test-support/src/main/sh/start-postgres.sh 55432)"
#   start-postgres.sh stop DIR     stop the cluster in DIR and delete DIR
#
# Uses Debian's server binaries (/usr/lib/postgresql/<newest>/bin; install them with
# `apt-get install postgresql`), or the directory named by MEERWAARDE_TEST_PG_BIN.
set -euo pipefail

NOBODY=65534

die() {
  echo "start-postgres.sh: $*" >&2
  exit 1
}

find_bin() {
  if [[ -n "${MEERWAARDE_TEST_PG_BIN:-}" ]]; then
    [[ -x "$MEERWAARDE_TEST_PG_BIN/initdb" && -x "$MEERWAARDE_TEST_PG_BIN/pg_ctl" ]] \
      || die "MEERWAARDE_TEST_PG_BIN=$MEERWAARDE_TEST_PG_BIN has no initdb and pg_ctl"
    echo "$MEERWAARDE_TEST_PG_BIN"
    return
  fi
  local newest=""
  local version
  for dir in /usr/lib/postgresql/*/bin; do
    [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]] || continue
    version=$(basename "$(dirname "$dir")")
    [[ "$version" =~ ^[0-9]+$ ]] || continue
    if [[ -z "$newest" || "$version" -gt "$(basename "$(dirname "$newest")")" ]]; then
      newest="$dir"
    fi
  done
  [[ -n "$newest" ]] \
    || die "no PostgreSQL server binaries in /usr/lib/postgresql/<version>/bin; install Debian's postgresql package (apt-get install postgresql)"
  echo "$newest"
}

# runs a command as the cluster's owner: nobody when we are root, ourselves otherwise
as_owner() {
  if [[ "$(id -u)" == 0 ]]; then
    setpriv --reuid="$NOBODY" --regid="$NOBODY" --clear-groups "$@"
  else
    "$@"
  fi
}

start() {
  local port="$1"
  local dir="${2:-}"
  [[ "$port" =~ ^[0-9]+$ && "$port" -gt 0 && "$port" -lt 65536 ]] || die "not a port: $port"
  local bin
  bin=$(find_bin)
  if [[ -z "$dir" ]]; then
    dir=$(mktemp -d /tmp/meerwaarde-pg-XXXXXX)
  else
    [[ ! -e "$dir" || -z "$(ls -A "$dir")" ]] || die "$dir exists and is not empty"
    mkdir -p "$dir"
  fi
  dir=$(cd "$dir" && pwd)
  if [[ "$(id -u)" == 0 ]]; then
    chown "$NOBODY:$NOBODY" "$dir"
  fi
  chmod 700 "$dir"
  cd "$dir"

  as_owner "$bin/initdb" --pgdata="$dir/data" --username=postgres --auth=trust --encoding=UTF8 \
    --locale=C --no-sync >"$dir/initdb.out" 2>&1 \
    || { cat "$dir/initdb.out" >&2; die "initdb failed"; }
  cat >>"$dir/data/postgresql.conf" <<EOF

# Meerwaarde test cluster
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
  # --wait returns once the server accepts connections, or fails after --timeout seconds
  as_owner "$bin/pg_ctl" --pgdata="$dir/data" --log="$dir/postgres.log" --wait --timeout=30 start \
    >"$dir/pg_ctl.out" 2>&1 \
    || { cat "$dir/pg_ctl.out" "$dir/postgres.log" >&2 || true; die "PostgreSQL did not start on port $port"; }

  echo "start-postgres.sh: PostgreSQL $("$bin/pg_ctl" --version | awk '{print $3}') runs on 127.0.0.1:$port in $dir" >&2
  echo "export MEERWAARDE_TEST_PG_URL=jdbc:postgresql://127.0.0.1:$port/postgres"
  echo "export MEERWAARDE_TEST_PG_USER=postgres"
  echo "export MEERWAARDE_TEST_PG_PASSWORD="
  echo "export MEERWAARDE_TEST_PG_DIR=$dir"
}

stop() {
  local dir="$1"
  [[ -d "$dir/data" ]] || die "no cluster in $dir"
  local bin
  bin=$(find_bin)
  cd "$dir"
  if [[ -f "$dir/data/postmaster.pid" ]]; then
    as_owner "$bin/pg_ctl" --pgdata="$dir/data" --mode=fast --wait --timeout=30 stop >&2
  fi
  cd /
  rm -rf "$dir"
}

case "${1:-}" in
  stop)
    [[ $# == 2 ]] || die "usage: start-postgres.sh stop DIR"
    stop "$2"
    ;;
  "" | -h | --help)
    awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" >&2
    [[ -n "${1:-}" ]] || exit 2
    ;;
  *)
    [[ $# -le 2 ]] || die "usage: start-postgres.sh PORT [DIR]"
    start "$@"
    ;;
esac
