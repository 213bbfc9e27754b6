#!/usr/bin/env bash
# Builds the interpreter and simulation benchmarks with `swiftc -O -wmo` (SOPKit and SOPSimulate as
# their own modules, as SwiftPM does) without SwiftPM's release build of the whole package (its
# PostgreSQL and TLS dependencies take most of the build), then runs them:
#   scripts/bench-simulate.sh [OUT_DIR]        -> OUT_DIR/bench (default .build/bench-simulate)
# The figures go to BENCHMARKS.md sections 3, 4 and 8 (`bench spiff --python /tmp/venv-spiff/bin/python`). `sop-bench interpreter|simulate` in a SwiftPM
# release build runs the same code.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-.build/bench-simulate}"
mkdir -p "$out"
flags=(-O -wmo -parse-as-library -I Sources/CYAML $(pkg-config --cflags-only-I yaml-0.1 2>/dev/null | sed 's/-I/-Xcc -I/g'))
swiftc "${flags[@]}" -module-name SOPKit -emit-module -emit-module-path "$out/SOPKit.swiftmodule" \
    -emit-object -o "$out/SOPKit.o" $(find Sources/SOPKit -name '*.swift' | sort)
swiftc "${flags[@]}" -I "$out" -module-name SOPSimulate -emit-module -emit-module-path "$out/SOPSimulate.swiftmodule" \
    -emit-object -o "$out/SOPSimulate.o" $(find Sources/SOPSimulate -name '*.swift' | sort)
cat > "$out/main.swift" <<'SWIFT'
import Foundation
import SOPKit
let arguments = CommandLine.arguments
let options = Options(arguments.dropFirst(2))
switch arguments.count > 1 ? arguments[1] : "" {
case "interpreter":
    print(InterpreterBench.run(sop: options.string("sop", "sops/anak-jalanan.yaml"), seconds: options.double("seconds", 3)).serialized())
case "simulate":
    print(SimulateBench.run(sop: options.string("sop", "sops/anak-jalanan.yaml"), rate: options.string("rate", "1000/bulan"),
                            runs: options.int("runs", 100), workers: options.int("workers", ProcessInfo.processInfo.activeProcessorCount)).serialized())
case "spiff":
    print(SpiffBench.run(sop: options.string("sop", "sops/anak-jalanan.yaml"), python: options.string("python", "python3"),
                         scripts: options.string("scripts", "scripts"), work: options.string("work", NSTemporaryDirectory()),
                         seconds: options.double("seconds", 5)).serialized())
default: fail("usage: bench interpreter [--seconds S] | simulate [--rate R --runs N --workers W] | spiff [--python PY --seconds S]")
}
SWIFT
swiftc -O -wmo -I "$out" -I Sources/CYAML -module-name bench -o "$out/bench" "$out/main.swift" \
    Sources/sop-bench/InterpreterBench.swift Sources/sop-bench/SimulateBench.swift Sources/sop-bench/SpiffBench.swift Sources/sop-bench/Support.swift \
    "$out/SOPKit.o" "$out/SOPSimulate.o" -lyaml
echo "built $out/bench"
