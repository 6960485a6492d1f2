#!/usr/bin/env bash
# Builds the fuzz targets of tests/fuzz/ with clang (libFuzzer + ASan + UBSan) into build-fuzz/,
# then runs each for SECONDS (default 30) from its committed seed corpus. What a run finds is
# saved under build-fuzz/findings/<target>/: fix it, then commit the input under
# tests/fuzz/regressions/<target>/ (the regular suite replays it, test_fuzz).
#   scripts/fuzz.sh [SECONDS] [TARGET...]     e.g. scripts/fuzz.sh 600 pdf_index
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${POINTAGE_FUZZ_BUILD:-$root/build-fuzz}"
seconds="${1:-30}"
shift || true
targets=("$@")
((${#targets[@]})) || targets=(pdf_index plain_scan_page cyclades text_decoding config_rules
                               barcode_patterns)

packages=(
    cmake pkg-config ccache clang-14 libclang-rt-14-dev libfuzzer-14-dev
    qt6-base-dev libqt6sql6-sqlite libsqlite3-dev qt6-image-formats-plugins libgl-dev
    libpoppler-qt6-dev libzxing-dev libjpeg62-turbo-dev libgtest-dev
)
source "$(dirname "${BASH_SOURCE[0]}")/packages.sh"
ensure_packages "${packages[@]}"

CXX=clang++-14 cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPOINTAGE_FUZZ=ON >/dev/null
cmake --build "$build" --parallel "$(nproc)" --target "${targets[@]/#/fuzz_}"

export ASAN_OPTIONS="detect_leaks=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export LSAN_OPTIONS="suppressions=$root/tests/support/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export QT_QPA_PLATFORM=offscreen
failed=0
printf '%-18s %12s %10s %8s %s\n' target execs execs/s corpus findings
for t in "${targets[@]}"; do
    corpus="$build/corpus/$t"
    findings="$build/findings/$t"
    mkdir -p "$corpus" "$findings"
    log="$build/fuzz-$t.log"
    # -timeout: an input slower than this is a finding (a hang or a quadratic path);
    # -rss_limit_mb: as is one needing more memory than a decode worker may have.
    if ! "$build/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len=65536 -print_final_stats=1 -artifact_prefix="$findings/" \
        "$corpus" "$root/tests/fuzz/corpus/$t" >"$log" 2>&1; then
        failed=1
    fi
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    printf '%-18s %12s %10s %8s %s\n' "$t" "${execs:-?}" "${rate:-?}" \
        "$(ls "$corpus" | wc -l)" "$(ls "$findings" | wc -l)"
done
if ((failed)); then
    echo "Findings above (logs: $build/fuzz-*.log)." >&2
    exit 1
fi
