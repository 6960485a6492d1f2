#!/usr/bin/env bash
# Installs the Debian 12 packages Pointage needs (only the missing ones), then configures and
# builds into build/. Sourced by sample.sh and test.sh; safe to run again.
set -euo pipefail

POINTAGE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
POINTAGE_BUILD="${POINTAGE_BUILD:-$POINTAGE_ROOT/build}"

packages=(
    cmake g++ pkg-config ccache
    qt6-base-dev libqt6sql6-sqlite libsqlite3-dev qt6-image-formats-plugins libgl-dev
    libpoppler-qt6-dev poppler-utils libzxing-dev libjpeg62-turbo-dev
    libgtest-dev libbenchmark-dev fonts-dejavu-core qt6-translations-l10n libxlsxwriter-dev
    qt6-httpserver-dev qt6-websockets-dev libssl-dev chromium chromium-driver python3-selenium
    libtesseract-dev tesseract-ocr-fra
    python3-aiosmtpd openssl dpkg-dev file
)

source "$(dirname "${BASH_SOURCE[0]}")/packages.sh"
ensure_packages "${packages[@]}"

# CI proves that a fresh clone builds: from the sources, never from objects cached by earlier
# builds on the same machine.
if [ -n "${CI:-}" ]; then export CCACHE_DISABLE=1; fi

cmake -S "$POINTAGE_ROOT" -B "$POINTAGE_BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo ${POINTAGE_CMAKE_ARGS:-} >/dev/null
cmake --build "$POINTAGE_BUILD" --parallel "$(nproc)"
