// A CFA's small return with a supporting page and no separator sheet: two apprentices, the
// first one's confirmation followed by one untyped page. The case that must give the clerk
// « pièces à vérifier » and never the school « pièce manquante »; used by the end-to-end test,
// the browser test (one-key tagging) and `pointage-samples --untyped-piece`.
// Thread-safety: pure functions; drawing needs a QGuiApplication.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace pointage::testkit {

inline const QString kUntypedCaseUai = QStringLiteral("0135555C");
inline const QString kUntypedCaseWithPage = QStringLiteral("02270009011");
inline const QString kUntypedCaseWithoutPage = QStringLiteral("02270009012");

QByteArray untypedCaseExport(); // Cyclades "Listes simples" export of the two apprentices
QByteArray untypedCaseBatch();  // their scanned batch, 150 dpi

// Writes cfa.csv and lot-cfa.pdf into `folder`; their paths, or empty when writing failed.
QStringList writeUntypedPieceCase(const QString &folder);

} // namespace pointage::testkit
