#!/usr/bin/env bash
# Fuzz Canvass's readers of untrusted text with libFuzzer, each for SECONDS (default 120):
#   Tests/Fuzz/run.sh [SECONDS] [TARGET…]   targets: front-matter tags csv config note yaml
# Corpora live in Tests/Fuzz/Corpus/<target>/ (seeds committed; new finds are added there).
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-120}"; shift || true
targets=("${@:-front-matter tags csv config note yaml}")
# The readers, instrumented for libFuzzer, as a shared library…
swift build -c debug --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -gnone
# …and the fuzzer around it: libFuzzer's main calls LLVMFuzzerTestOneInput from the library.
swiftc -sanitize=fuzzer,address -parse-as-library -gnone Driver/Driver.swift -o .build-fuzz/debug/CanvassFuzz \
    -L .build-fuzz/debug -lCanvassFuzzTarget -Xlinker -rpath -Xlinker "$PWD/.build-fuzz/debug"
binary=".build-fuzz/debug/CanvassFuzz"
for target in ${targets[@]}; do
    mkdir -p "Corpus/$target" "Crashes/$target"
    echo "== fuzzing $target for ${seconds}s"
    CANVASS_FUZZ="$target" "$binary" "Corpus/$target" -max_total_time="$seconds" -max_len=65536 \
        -timeout=10 -rss_limit_mb=2048 -artifact_prefix="Crashes/$target/" -print_final_stats=1 2>&1 \
        | grep -E "^#[0-9]+.*(DONE|pulse)|stat::number_of_executed_units|ERROR|SUMMARY|crash-|timeout-|oom-" | tail -6
done
