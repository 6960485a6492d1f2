// Scenarios for the report tests, built in code with the testkit's AcademieStatusBuilder, and
// the means to read generated PDFs back (Poppler text, 150 dpi grey renders, zxing reads).
#pragma once

#include "AcademieStatusBuilder.h"
#include "pointage/StatusTypes.h"

#include <QByteArray>
#include <QImage>
#include <QStringList>

namespace pointage::testkit {

inline const QString schoolA = QStringLiteral("0130001F");
inline const QString schoolB = QStringLiteral("0130002G");

// Two schools; both have a "MARTIN Jean" (different numbers). School A has one candidate in
// each reminder table plus a complete one; school B has two missing confirmations.
AcademieStatus twoSchoolsSharingAName(QDate asOf = QDate(2027, 12, 10));

// One school with `count` candidates, none received, over two specialties, in filing order.
AcademieStatus oneSchoolNothingReceived(int count);

QStringList pdfPageTexts(const QByteArray &pdf);                    // one string per page
QImage renderPdfPageGrey(const QByteArray &pdf, int page, int dpi); // Format_Grayscale8

struct DecodedCode
{
    QString format;
    QString text;
};
// Code 128 and QR codes read with zxing-cpp 1.4 as the ingest does (no downscale, no rotation).
QList<DecodedCode> readCodes(const QImage &grey);

} // namespace pointage::testkit
