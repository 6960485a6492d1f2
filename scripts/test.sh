#!/usr/bin/env bash
# Builds everything and runs the whole test suite (CTest + GoogleTest).
#   scripts/test.sh             the regular build in build/
#   scripts/test.sh --sanitize  AddressSanitizer + UndefinedBehaviorSanitizer (g++) in build-asan/,
#                               worker processes included; Qt's own leaks are suppressed by
#                               tests/support/lsan.supp, never leak detection as a whole
set -euo pipefail
if [ "${1:-}" = "--sanitize" ]; then
    root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
    export POINTAGE_BUILD="${POINTAGE_BUILD:-$root/build-asan}"
    export POINTAGE_CMAKE_ARGS="-DPOINTAGE_SANITIZE=ON ${POINTAGE_CMAKE_ARGS:-}"
    export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:detect_stack_use_after_return=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
    export LSAN_OPTIONS="suppressions=$root/tests/support/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
    export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
fi
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$POINTAGE_BUILD"
QT_QPA_PLATFORM=offscreen ctest --output-on-failure --parallel "$(nproc)" --timeout 600
