#!/usr/bin/env bash
# A throwaway PostgreSQL server on loopback for the journal tests and the benchmark.
#
#   scripts/pg-test-server.sh start DIR   creates a cluster in DIR (which must not exist), starts it
#                                         on 127.0.0.1 on a free port with TLS available, creates
#                                         the database sop_test, and prints its URL on stdout
#   scripts/pg-test-server.sh stop DIR    stops that server and removes DIR
#
# It uses Debian's PostgreSQL (installing the `postgresql` package when initdb is missing and we
# are root). PostgreSQL refuses to run as root, so as root the cluster belongs to the user `sopci`
# (created when missing). Nothing listens beyond 127.0.0.1; the socket lives in DIR.
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR" >&2; exit 64; }
[ $# -eq 2 ] || usage
action=$1
dir=$2

find_bin() {
    local d
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
    done
    return 1
}

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u sopci -- "$@"; else "$@"; fi
}

case "$action" in
start)
    [ -e "$dir" ] && { echo "$0: $dir exists; give a new folder" >&2; exit 1; }
    if ! bin=$(find_bin); then
        if [ "$(id -u)" -ne 0 ]; then echo "$0: PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; fi
        apt-get update -qq >&2 && apt-get install -y -qq postgresql >/dev/null
        bin=$(find_bin)
    fi
    if [ "$(id -u)" -eq 0 ] && ! id sopci >/dev/null 2>&1; then
        useradd --system --create-home --shell /usr/sbin/nologin sopci
    fi
    mkdir -p "$dir/sock"
    [ "$(id -u)" -eq 0 ] && chown -R sopci "$dir"
    chmod 700 "$dir"
    as_owner test -w "$dir/sock" || { echo "$0: user sopci cannot reach $dir: give a folder directly under /tmp" >&2; rm -rf "$dir"; exit 1; }
    password=$(openssl rand -hex 16)
    printf '%s\n' "$password" > "$dir/pwfile"
    [ "$(id -u)" -eq 0 ] && chown sopci "$dir/pwfile"
    as_owner "$bin/initdb" -D "$dir/data" -U sop --pwfile="$dir/pwfile" --auth=scram-sha-256 -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    # A self-signed certificate, so clients that ask for TLS (sslmode=require) get it.
    as_owner openssl req -new -x509 -days 2 -nodes -subj "/CN=127.0.0.1" \
        -keyout "$dir/data/server.key" -out "$dir/data/server.crt" >/dev/null 2>&1
    chmod 600 "$dir/data/server.key"
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir/sock -c ssl=on -c max_connections=200" start >/dev/null \
        || { cat "$dir/server.log" >&2; exit 1; }
    echo "$port" > "$dir/port"
    PGPASSWORD=$password "$bin/createdb" -h 127.0.0.1 -p "$port" -U sop sop_test
    echo "postgres://sop:$password@127.0.0.1:$port/sop_test"
    ;;
stop)
    if [ -f "$dir/data/postmaster.pid" ] && bin=$(find_bin); then
        as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
*) usage ;;
esac
