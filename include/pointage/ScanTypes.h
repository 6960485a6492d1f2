// What the scanner pipeline learns from one scanned page: the barcodes read on it, whether it
// is blank, which way up it was. These are the facts the ledger stores per page; matching to
// the roster is recomputed from them, never re-scanned.
// Thread-safety: plain values.
#pragma once

#include "pointage/SignatureCheck.h"

#include <QDate>
#include <QList>
#include <QString>

namespace pointage {

struct BarcodeRead
{
    QString format;   // zxing name: "Code128", "Code39", "QRCode", "DataMatrix"…
    QString text;     // decoded payload
    int rotation = 0; // 0, 90, 180 or 270: how far clockwise the sheet lay when the code was read
};

struct PageRead
{
    int pageNumber = 0; // 1-based within its file
    bool blank = false;
    int rotation = 0;           // 0, 90, 180 or 270 clockwise (180: fed upside down)
    bool suspectedCode = false; // a barcode-like pattern was seen but could not be decoded
    QString decodeError;        // non-empty: the page could not be rendered or decoded (French)
    QList<BarcodeRead> codes;   // distinct payloads read on the page
    // On a confirmation, one reading per configured signature zone (none: no confirmation
    // read, or no zones set), judged on the page as rendered at `signatureDpi`: the zones'
    // corners are in that image's pixels, as scanned (before any quarter turn).
    QList<ZoneReading> signatures;
    double signatureDpi = 0;
};

// One scanned file as recorded in the ledger.
struct ScannedFile
{
    qint64 id = 0;
    QString path; // as given on the command line, for people to find it
    QString sha256;
    QDate received;
    int pageCount = 0;
    QString user; // who had it read (the web desk's logged-in name); empty: the OS user
};

} // namespace pointage
