#!/usr/bin/env bash
# Builds, then runs the benchmarks: roster import (100,000 rows), reconciliation (20,000
# candidates), reports (500 schools), page reading and the whole ingest on a generated 300-dpi
# batch beside pdftoppm, the web desk in process and over HTTP. Figures are recorded in
# docs/performance.md.
#   scripts/bench.sh [PAGES]   (default 500 pages for the ingest)
set -euo pipefail
POINTAGE_CMAKE_ARGS="-DPOINTAGE_BENCHMARKS=ON ${POINTAGE_CMAKE_ARGS:-}"
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$POINTAGE_BUILD/bench"
export QT_QPA_PLATFORM=offscreen
for b in bench_roster_parse bench_roster_import bench_reconcile bench_report; do
    echo "== $b"
    "./$b"
done
echo "== bench_ingest"
./bench_ingest --pages "${1:-500}"
echo "== bench_recognition"
./bench_recognition --per-type "${POINTAGE_BENCH_PIECES:-10}"
echo "== bench_web (screens rendered in process)"
./bench_web
echo "== web desk over HTTP (generated 20,000-candidate ledger, 20 clerks for 60 s)"
/usr/bin/python3 "$POINTAGE_ROOT/bench/web_http.py" --pointage "$POINTAGE_BUILD/pointage" \
    --ledger-tool "$POINTAGE_BUILD/bench/bench_web_ledger" --source "$POINTAGE_ROOT"
