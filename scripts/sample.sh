#!/usr/bin/env bash
# Builds Pointage, then runs the whole job on the bundled sample: imports the Cyclades exports
# in samples/cyclades/, ingests the scanned batches in scans/, recognises the supporting pages
# left to identify (OCR), prints the status and the
# exception queue as of 23 December 2026 (the day after the deadline), and writes the letters,
# CSVs and dashboard into reports/. Running it again changes nothing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$POINTAGE_ROOT"

export POINTAGE_DB="${POINTAGE_DB:-$POINTAGE_BUILD/sample.sqlite}"
export POINTAGE_CONFIG="${POINTAGE_CONFIG:-$POINTAGE_ROOT/config/pointage.json}"
pointage="$POINTAGE_BUILD/pointage"
as_of=2026-12-23

echo "== Registre : $POINTAGE_DB"
echo "== 1. Import des exports Cyclades"
"$pointage" import samples/cyclades/*.csv
echo
echo "== 2. Lecture des lots numérisés (scans/)"
"$pointage" ingest scans
echo
echo "== 2 bis. Reconnaissance des pièces à identifier (OCR)"
"$pointage" recognize
echo
echo "== 3. État au $as_of"
"$pointage" status --as-of "$as_of"
echo
echo "== 4. Exceptions à traiter"
"$pointage" exceptions --as-of "$as_of"
echo
echo "== 5. Relances et tableau de bord"
"$pointage" report --as-of "$as_of" --out reports
echo
echo "Ouvrez reports/tableau-de-bord.html, et les courriers reports/*.pdf à envoyer aux établissements."
echo "Pour continuer à la main : export POINTAGE_DB=$POINTAGE_DB ; $pointage --help"
