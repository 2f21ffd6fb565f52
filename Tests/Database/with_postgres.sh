#!/usr/bin/env bash
# Runs a command beside a PostgreSQL server of its own: installed from Debian when missing,
# started on loopback under a temporary data directory, stopped (and the directory removed) when
# the command ends. The command sees the server's connection string in CANVASS_TEST_POSTGRES.
#   Tests/Database/with_postgres.sh swift test --skip-build
set -euo pipefail

sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "installing postgresql (a server for the database tests) with apt"
    $sudo apt-get update -qq && $sudo apt-get install -y -qq postgresql >/dev/null
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi

dir=$(mktemp -d /tmp/canvass-postgres.XXXXXX)
# A free port unless one is given: two runs on one machine (a CI job beside a developer's) must not meet.
port=${CANVASS_TEST_POSTGRES_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
# The server refuses to run as root: as root, it runs as Debian's `postgres` user.
as=()
if [ "$(id -u)" = 0 ]; then
    chown postgres: "$dir"
    as=(runuser -u postgres --)
fi
stop() {
    "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
}
trap stop EXIT
"${as[@]}" "$bin/initdb" -D "$dir/data" -U canvass -A trust --no-sync >/dev/null
"${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null \
    || { cat "$dir/server.log"; exit 1; }
"$bin/psql" -q -X "host=127.0.0.1 port=$port user=canvass dbname=postgres" -c "CREATE DATABASE canvass" >/dev/null
export CANVASS_TEST_POSTGRES="host=127.0.0.1 port=$port user=canvass dbname=canvass"
echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port for the database tests"
"$@"
