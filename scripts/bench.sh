#!/usr/bin/env bash
# Runs every benchmark of issue 6 in one go and writes bench-results.json (machine-readable) and
# bench-results.md (the summary BENCHMARKS.md quotes), in the repository root.
#
#   scripts/bench.sh            # the reference run (about 5 minutes on 2 cores)
#   scripts/bench.sh --quick    # smaller sizes, for checking that everything runs (about 1 minute)
#
# It builds `sop` and `sop-bench` in release mode, makes a Python virtual environment with
# SpiffWorkflow (scripts/requirements-bpmn.txt) for the BPMN comparison (skipped, and said so, when
# it cannot be made), and runs `sop-bench all`: load + validate against libyaml, bulk validate on
# both cores against one, the interpreter, the same cases through SpiffWorkflow, the journal
# against the disk's fsync rate, command-line wall times, and `sop report` over 1,000,000 events.
# Scratch files go to .build/bench/. Run it on an otherwise idle machine: figures are ratios
# measured side by side, but a busy machine still adds noise.
set -euo pipefail
cd "$(dirname "$0")/.."

QUICK=""
COMMAND="scripts/bench.sh"
if [ "${1:-}" = "--quick" ]; then QUICK="--quick"; COMMAND="scripts/bench.sh --quick"; fi

echo "== build (release)"
swift build -c release --product sop 2>&1 | tail -1
swift build -c release --product sop-bench 2>&1 | tail -1
BIN="$(swift build -c release --show-bin-path)"

echo "== Python with SpiffWorkflow (scripts/requirements-bpmn.txt)"
VENV=.build/bench-venv
PYTHON_ARG=()
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null && python3 -m venv "$VENV"; } || true
fi
if [ -x "$VENV/bin/python" ] && "$VENV/bin/pip" install --quiet --disable-pip-version-check -r scripts/requirements-bpmn.txt; then
    PYTHON_ARG=(--python "$PWD/$VENV/bin/python")
else
    echo "(no SpiffWorkflow: the BPMN comparison is skipped)"
fi

echo "== sop-bench all"
mkdir -p .build/bench
"$BIN/sop-bench" all --sop-binary "$BIN/sop" "${PYTHON_ARG[@]}" --scripts "$PWD/scripts" --work "$PWD/.build/bench" \
    --out bench-results.json --markdown bench-results.md --command "$COMMAND" $QUICK
echo "== wrote bench-results.json and bench-results.md"
