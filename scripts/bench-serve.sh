#!/usr/bin/env bash
# wrk against sop serve: /healthz, a case page and Tugas saya, 64 connections, on a journal of
# open and closed cases (sop-bench serve-db). Prints wrk's requests per second and p50/p99 latency
# per page, the load average before each run (the machine may be shared), and the server's CPU
# time per request (utime + stime from /proc around the run, divided by the requests served).
#
#   scripts/bench-serve.sh [SOP_BINARY] [JOURNAL]      defaults: .build/release/sop, .build/bench/serve.sqlite
#   JOURNAL is an SQLite file or a PostgreSQL URL (postgres://...).
#   build the journal first:  sop-bench serve-db --db .build/bench/serve.sqlite --cases 10000 --events 1000000
#   SOP_BENCH_SECONDS=10 (per page), SOP_BENCH_PORT=18417
#   SOP_BENCH_MARKER_PAUSE=0.05: during the Tugas saya run, move the worklist marker by hand in a
#   loop with that pause (what every write does: each view then reads its head again), through
#   sqlite3 or psql; prints how many moves were made.
set -euo pipefail
cd "$(dirname "$0")/.."
sop=${1:-.build/release/sop}
db=${2:-.build/bench/serve.sqlite}
seconds=${SOP_BENCH_SECONDS:-10}
port=${SOP_BENCH_PORT:-18417}
work=$(mktemp -d)
printf '%s\n' "rahasia-bench-123" | "$sop" user add bench --role kasi --role petugas --sops sops --db "$db" >/dev/null 2>&1 || true
"$sop" serve --db "$db" --listen "127.0.0.1:$port" > "$work/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 150); do curl -s "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
# The server's CPU time so far (utime + stime, in clock ticks).
cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
jar="$work/jar"
token=$(curl -s -c "$jar" "http://127.0.0.1:$port/masuk" | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
curl -s -b "$jar" -c "$jar" -o /dev/null -d "csrf=$token&nama=bench&sandi=rahasia-bench-123" "http://127.0.0.1:$port/masuk"
session=$(awk '$6=="sop_sesi"{print $7}' "$jar")
case_id=$("$sop" case list --db "$db" 2>/dev/null | sed -n '5000p' | cut -d' ' -f1)
# Moves the worklist marker until $work/stop exists, counting the moves in $work/moves.
move_marker() {
    local n=0 sql="UPDATE worklist_marker SET version = version + 1"
    while [ ! -e "$work/stop" ]; do
        case "$db" in
            postgres://*|postgresql://*) psql -q "$db" -c "$sql" >/dev/null 2>&1 ;;
            *) sqlite3 -cmd ".timeout 5000" "$db" "$sql" >/dev/null 2>&1 ;;
        esac
        n=$((n + 1)); echo "$n" > "$work/moves"
        sleep "$SOP_BENCH_MARKER_PAUSE"
    done
}
for path in /healthz "/kasus/$case_id" /tugas; do
    echo "== $path ($(cut -d' ' -f1-3 /proc/loadavg) load) ($(curl -s -o /dev/null -w '%{http_code}, %{size_download} bytes' -H "Cookie: sop_sesi=$session" "http://127.0.0.1:$port$path"))"
    mover=""
    if [ "$path" = /tugas ] && [ -n "${SOP_BENCH_MARKER_PAUSE:-}" ]; then move_marker & mover=$!; fi
    before=$(cpu)
    wrk -t2 -c64 -d"${seconds}s" --timeout 10s --latency -H "Cookie: sop_sesi=$session" "http://127.0.0.1:$port$path" > "$work/wrk" 2>&1
    after=$(cpu)
    if [ -n "$mover" ]; then touch "$work/stop"; wait "$mover"; echo "  worklist marker moved $(cat "$work/moves" 2>/dev/null || echo 0) times"; fi
    grep -E "Requests/sec|  50%|  99%|requests in|Socket errors|Non-2xx" "$work/wrk"
    requests=$(awk '/requests in/ {print $1}' "$work/wrk")
    awk -v c=$((after - before)) -v n="${requests:-0}" -v hz="$(getconf CLK_TCK)" \
        'BEGIN { if (n > 0) printf "  server CPU: %.2f s, %.2f ms a request\n", c / hz, 1000 * c / hz / n }'
done
