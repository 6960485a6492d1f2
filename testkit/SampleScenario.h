// The bundled sample: four establishments' Cyclades exports (two of them re-exported later)
// and three dated scan batches covering every case a DIEC clerk meets — complete dossiers, a
// missing piece, a missing confirmation, a late arrival, an upside-down page, a blank back, a
// foreign barcode, an unknown candidate, a stale version, a duplicate, a withdrawn candidate,
// an unreadable code, an unsigned confirmation and a doubtful signature. `pointage-samples`
// writes it; the end-to-end test checks its outcome.
// Thread-safety: main thread (draws text, needs a QGuiApplication).
#pragma once

#include <QString>
#include <QStringList>

namespace pointage::testkit {

// Writes the exports into `rosterDir` and the batches into `scansDir/<AAAA-MM-JJ>/`.
// Returns the files written, or an empty list when a file could not be written.
QStringList writeSampleScenario(const QString &rosterDir, const QString &scansDir);

} // namespace pointage::testkit
