#!/usr/bin/env bash
# Fuzzes the SOP loader + validator and the scenario loader with libFuzzer, both at once (one core
# each), for SECONDS seconds, then replays every input of both corpora in a release build.
#
#   scripts/fuzz.sh SECONDS            # e.g. scripts/fuzz.sh 600
#   scripts/fuzz.sh --check-only       # only replay the corpora and the findings
#
# How the targets are built: swiftc -sanitize=fuzzer,address -parse-as-library over every SOPKit
# source, linked with the system's libyaml (pkg-config yaml-0.1, not instrumented: the coverage
# guidance is the loader's own, which is what is being fuzzed), so that the loader itself carries
# coverage instrumentation; the entry points are
# Sources/SOPFuzzLoader/FuzzLoader.swift and Sources/SOPFuzzScenario/FuzzScenario.swift
# (@_cdecl("LLVMFuzzerTestOneInput")). They are not SwiftPM targets: SwiftPM would compile SOPKit
# without instrumentation and the fuzzer would be blind inside it.
#
# A finding is a crash (ASan report, trap, the targets' own check that every error Diagnostic has a
# location inside the input), a hang (libFuzzer -timeout, and afterwards any input under 64 KB that
# takes over 100 ms in a release build, checked by `sop-bench fuzz-check`), or an unlocated
# diagnostic. Findings are copied to .build/fuzz/findings/; turn each into a regression fixture in
# Tests/SOPKitTests/Fixtures/fuzz-regressions/ (FuzzRegressionTests loads every file there).
#
# Everything is written below .build/fuzz/ (corpora, dictionary, logs, summary.json).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
OUT="$ROOT/.build/fuzz"
mkdir -p "$OUT"

CHECK_ONLY=0
SECONDS_EACH=60
case "${1:-}" in
    --check-only) CHECK_ONLY=1 ;;
    ''|-h|--help) echo "usage: scripts/fuzz.sh SECONDS | --check-only" >&2; exit 64 ;;
    *) SECONDS_EACH="$1" ;;
esac

echo "== build: sop-bench (release; seeds, dictionary and the replay check)"
swift build -c release --product sop-bench 2>&1 | tail -1
BENCH="$(swift build -c release --show-bin-path)/sop-bench"

CYAML="$ROOT/Sources/CYAML"   # the module map of the system libyaml
pkg-config --exists yaml-0.1 || { echo "libyaml is not installed (apt-get install libyaml-dev)" >&2; exit 1; }
YAML_CFLAGS="$(pkg-config --cflags yaml-0.1)"
YAML_LIBS="$(pkg-config --libs yaml-0.1)"

build_targets() {
    echo "== build: fuzz targets (swiftc -sanitize=fuzzer,address)"
    mkdir -p "$OUT/obj"
    local stamp="$OUT/obj/sources.sha"
    local sum
    sum="$( (find Sources/SOPKit Sources/SOPFuzzLoader Sources/SOPFuzzScenario -name '*.swift' -print0 | sort -z | xargs -0 cat; cat scripts/fuzz.sh) | sha256sum | cut -d' ' -f1)"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ] && [ -x "$OUT/sop-fuzz-loader" ] && [ -x "$OUT/sop-fuzz-scenario" ]; then
        echo "(up to date)"
        return
    fi
    # SOPKit as one module (whole-module), instrumented.
    swiftc -module-name SOPKit -parse-as-library -wmo -O -g -sanitize=fuzzer,address \
        -I "$CYAML" $YAML_CFLAGS \
        -emit-module -emit-module-path "$OUT/obj/SOPKit.swiftmodule" \
        -c $(find Sources/SOPKit -name '*.swift' | sort) -o "$OUT/obj/SOPKit.o"
    for target in Loader Scenario; do
        local lower
        lower="$(echo "$target" | tr '[:upper:]' '[:lower:]')"
        swiftc -module-name "SOPFuzz$target" -parse-as-library -O -g -sanitize=fuzzer,address \
            -I "$OUT/obj" -I "$CYAML" $YAML_CFLAGS \
            Sources/SOPFuzz$target/*.swift "$OUT/obj/SOPKit.o" $YAML_LIBS \
            -o "$OUT/sop-fuzz-$lower" 2>&1 | grep -v "Cannot export local symbol" || true
        [ -x "$OUT/sop-fuzz-$lower" ] || { echo "building sop-fuzz-$lower failed" >&2; exit 1; }
    done
    echo "$sum" > "$stamp"
}

echo "== seed corpora and dictionary"
mkdir -p "$OUT/corpus-loader" "$OUT/corpus-scenario" "$OUT/findings"
"$BENCH" fuzz-seeds --repo "$ROOT" --loader "$OUT/seeds-loader" --scenario "$OUT/seeds-scenario" --dict "$OUT/sop.dict"
# Regression fixtures seed both corpora too.
if [ -d Tests/SOPKitTests/Fixtures/fuzz-regressions ]; then
    for f in Tests/SOPKitTests/Fixtures/fuzz-regressions/*; do
        [ -f "$f" ] || continue
        cp "$f" "$OUT/seeds-loader/regression-$(basename "$f")"
        cp "$f" "$OUT/seeds-scenario/regression-$(basename "$f")"
    done
fi

run_fuzzer() { # name seconds
    local name="$1" secs="$2"
    local log="$OUT/$name.log"
    ASAN_OPTIONS="detect_leaks=0:allocator_may_return_null=1:handle_abort=1" SWIFT_BACKTRACE="enable=no" \
    "$OUT/sop-fuzz-$name" "$OUT/corpus-$name" "$OUT/seeds-$name" \
        -dict="$OUT/sop.dict" -max_len=65536 -timeout=2 -rss_limit_mb=4096 -max_total_time="$secs" \
        -print_final_stats=1 -artifact_prefix="$OUT/findings/$name-" \
        > "$log" 2>&1 || echo "$name: libFuzzer stopped with status $? (see $log)"
}

if [ "$CHECK_ONLY" = 0 ]; then
    build_targets
    echo "== fuzzing both targets for $SECONDS_EACH s each, in parallel (logs: $OUT/loader.log, $OUT/scenario.log)"
    START=$(date +%s)
    run_fuzzer loader "$SECONDS_EACH" &
    P1=$!
    run_fuzzer scenario "$SECONDS_EACH" &
    P2=$!
    wait $P1 || true
    wait $P2 || true
    END=$(date +%s)
    echo "fuzzing took $((END - START)) s"
fi

echo "== replay of every corpus input and finding in a release build (hang = over 100 ms for an input under 64 KB)"
STATUS=0
"$BENCH" fuzz-check --target loader "$OUT/seeds-loader" "$OUT/corpus-loader" "$OUT/findings" | tee "$OUT/check-loader.txt" | tail -20 || STATUS=1
"$BENCH" fuzz-check --target scenario "$OUT/seeds-scenario" "$OUT/corpus-scenario" "$OUT/findings" | tee "$OUT/check-scenario.txt" | tail -20 || STATUS=1

echo "== summary"
python3 - "$OUT" <<'PY'
import json, os, re, sys
out = sys.argv[1]
summary = {}
for name in ("loader", "scenario"):
    log = os.path.join(out, f"{name}.log")
    text = open(log, errors="replace").read() if os.path.exists(log) else ""
    def stat(key):
        m = re.findall(rf"stat::{key}:\s+(\d+)", text)
        return int(m[-1]) if m else None
    findings = sorted(f for f in os.listdir(os.path.join(out, "findings")) if f.startswith(name + "-"))
    corpus = os.path.join(out, f"corpus-{name}")
    summary[name] = {
        "executed_units": stat("number_of_executed_units"),
        "average_exec_per_sec": stat("average_exec_per_sec"),
        "new_units_added": stat("new_units_added"),
        "peak_rss_mb": stat("peak_rss_mb"),
        "corpus_files": len(os.listdir(corpus)) if os.path.isdir(corpus) else 0,
        "libfuzzer_findings": findings,
        "crash_reports": re.findall(r"ERROR: (?:AddressSanitizer|libFuzzer|LeakSanitizer): [^\n]*|Fatal error: [^\n]*", text)[:5],
    }
    check = os.path.join(out, f"check-{name}.txt")
    summary[name]["replay"] = open(check).read().strip().splitlines()[-1] if os.path.exists(check) else None
json.dump(summary, open(os.path.join(out, "summary.json"), "w"), indent=2)
print(json.dumps(summary, indent=2))
PY
if ls "$OUT"/findings/* >/dev/null 2>&1; then
    echo "findings are in $OUT/findings/: minimise them (the fuzz binary with -minimize_crash=1 -runs=10000 FILE),"
    echo "fix the cause, and add each as Tests/SOPKitTests/Fixtures/fuzz-regressions/<target>-<what>.yaml"
    STATUS=1
fi
exit $STATUS
