#!/usr/bin/env bash
# Journal write throughput, PostgreSQL against SQLite on the same machine, with 1, 4 and 16
# concurrent writers (Sources/sop-journal-bench). Prints a Markdown section for BENCHMARKS.md.
#
#   scripts/bench-journal.sh                 starts a throwaway PostgreSQL on loopback (scripts/pg-test-server.sh)
#   SOP_BENCH_POSTGRES_URL=postgres://... scripts/bench-journal.sh    uses that server instead
#   SOP_BENCH_SECONDS=5 (per run), SOP_BENCH_REPEAT=3 (runs per configuration, each on new cases),
#   SOP_BENCH_WRITERS="1 4 16", SOP_BENCH_WORKLOADS="own-case one-case"
#
# Each configuration gets an empty journal: a new SQLite file in a temporary folder, or a new schema on the
# server (through options=-c search_path=...), dropped afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${SOP_BENCH_SECONDS:-5}
repeat=${SOP_BENCH_REPEAT:-3}
writers=${SOP_BENCH_WRITERS:-1 4 16}
workloads=${SOP_BENCH_WORKLOADS:-own-case one-case}
work=$(mktemp -d)
server=""
cleanup() {
    [ -n "$server" ] && scripts/pg-test-server.sh stop "$server" || true
    rm -rf "$work"
}
trap cleanup EXIT

echo "building sop-journal-bench (release)..." >&2
swift build -c release --product sop-journal-bench >&2
bench=$(swift build -c release --show-bin-path)/sop-journal-bench

url=${SOP_BENCH_POSTGRES_URL:-}
if [ -z "$url" ]; then
    server="${TMPDIR:-/tmp}/sop-bench-pg.$$"
    url=$(scripts/pg-test-server.sh start "$server")
fi
psql_bin=$(command -v psql || ls /usr/lib/postgresql/*/bin/psql | tail -n 1)

echo "## Case journal: PostgreSQL against SQLite, concurrent writers"
echo
echo "- Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr)"
echo "- $(swift --version 2>/dev/null | head -n 1); sop-journal-bench built with -c release"
echo "- $("$psql_bin" "$url" -Atc 'SELECT version()' | cut -d, -f1), on 127.0.0.1 on the same machine, default settings (fsync on, synchronous_commit on); SQLite in WAL mode with synchronous=FULL, on $(df -h "$work" | awk 'NR==2 {print $1}')"
fsync_tool=$(ls /usr/lib/postgresql/*/bin/pg_test_fsync 2>/dev/null | tail -n 1 || true)
if [ -n "$fsync_tool" ]; then
    fdatasync=$("$fsync_tool" -s 1 -f "$work/fsync.test" 2>/dev/null | awk '/^ *fdatasync/ {print $2; exit}')
    echo "- The disk's flush: pg_test_fsync measures ${fdatasync:-?} fdatasync calls per second (one 8 kB write each) in $work"
fi
echo "- Command: \`scripts/bench-journal.sh\` ($repeat runs of $seconds s per configuration; each writer a thread with its own connection, as separate \`sop\` processes would have)"
echo "- Workloads: **own-case**: each writer appends to its own case, one command (2 events, expected-version check, audit entry) per transaction; **one-case**: all writers on one case, reading its version before each command and retrying on a conflict"
echo "- $(date -u +%Y-%m-%d)"
echo
first=1
for workload in $workloads; do
    for n in $writers; do
        for backend in sqlite postgres; do
            if [ "$backend" = sqlite ]; then
                location="$work/bench-$workload-$n.sqlite"
            else
                schema="bench_${workload//-/_}_$n"
                "$psql_bin" "$url" -qc "DROP SCHEMA IF EXISTS $schema CASCADE; CREATE SCHEMA $schema"
                location="$url$( [[ $url == *\?* ]] && echo '&' || echo '?' )options=-c%20search_path%3D$schema"
            fi
            if [ $first -eq 1 ]; then
                "$bench" --db "$location" --writers "$n" --seconds "$seconds" --repeat "$repeat" --workload "$workload" --header
                first=0
            else
                "$bench" --db "$location" --writers "$n" --seconds "$seconds" --repeat "$repeat" --workload "$workload"
            fi
            if [ "$backend" = postgres ]; then "$psql_bin" "$url" -qc "DROP SCHEMA $schema CASCADE"; fi
        done
    done
done
