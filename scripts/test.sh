#!/usr/bin/env bash
# Builds everything and runs the whole test suite (CTest + GoogleTest).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$POINTAGE_BUILD"
QT_QPA_PLATFORM=offscreen ctest --output-on-failure --parallel "$(nproc)" --timeout 600
