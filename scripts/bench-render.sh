#!/usr/bin/env bash
# Rendering time against the SOP's size (issue 15): HTML, BPMN and `sop show` on generated SOPs of
# 1,000 / 2,000 / 4,000 steps (sop-bench's generator). Prints one line per size and format; the
# figures in BENCHMARKS.md come from this script. Usage: scripts/bench-render.sh [debug|release] [SIZES]
set -euo pipefail
cd "$(dirname "$0")/.."
config="${1:-release}"
sizes="${2:-1000 2000 4000}"
swift build -c "$config" --product sop >/dev/null
swift build -c "$config" --product sop-bench >/dev/null
bin="$(swift build -c "$config" --show-bin-path)"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
printf '%-7s %10s %10s %10s\n' steps html_s bpmn_s show_s
for n in $sizes; do
    "$bin/sop-bench" gen --steps "$n" --id "gen-$n" > "$dir/gen-$n.yaml"
    t() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N); echo "$end - $start" | bc; }
    html=$(t "$bin/sop" render "$dir/gen-$n.yaml" --format html -o "$dir/gen-$n.html")
    bpmn=$(t "$bin/sop" render "$dir/gen-$n.yaml" --format bpmn -o "$dir/gen-$n.bpmn")
    show=$(t "$bin/sop" show --width 120 "$dir/gen-$n.yaml")
    printf '%-7s %10.2f %10.2f %10.2f\n' "$n" "$html" "$bpmn" "$show"
done
