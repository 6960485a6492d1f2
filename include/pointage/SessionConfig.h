// The session's settings, read from one JSON file (shipped default: config/pointage.json):
// session name, return window, registration closing date, barcode patterns, where the rules
// file is, how letters to schools are signed, when an import must be accepted first, and how
// relances go out by e-mail, where the signature zones lie on the confirmation. A faulty
// file yields no configuration at all. Thread-safety: plain value; load once, then share read-only.
#pragma once

#include "pointage/BarcodePatterns.h"
#include "pointage/ImportPolicy.h"
#include "pointage/MailSettings.h"
#include "pointage/PageReader.h"
#include "pointage/ReportSettings.h"
#include "pointage/Result.h"
#include "pointage/ReturnWindow.h"
#include "pointage/SignatureCheck.h"
#include "pointage/StatusTypes.h"

#include <QByteArray>
#include <QDate>
#include <QString>

namespace pointage {

struct SessionConfig
{
    QString session;          // "Session 2027"
    int sessionYear = 0;      // the year of the exam: 2027
    ReturnWindow window;      // default: 1–22 December of the year before the exam
    QDate registrationCloses; // default: 8 December of the year before the exam
    BarcodePatterns barcodes;
    QString rulesFile; // absolute path; relative paths in the file are resolved from its folder
    ReportSettings report;
    ImportPolicy import; // when a roster import must be accepted before it is written
    MailSettings mail;   // relances by e-mail: addresses, template, SMTP server
    QList<SignatureZone> signatureZones; // default: defaultSignatureZones()
    QString sourceFile;                  // the file this was read from; empty for defaults()

    // Settings for the exam of `sessionYear` with no file behind them (tests, samples).
    static SessionConfig defaults(int sessionYear = 2027);

    // Errors are French and name the file, the line and the key at fault.
    static Result<SessionConfig> load(const QString &path);
    // `path` names the file in messages and anchors a relative rules file.
    static Result<SessionConfig> parse(const QByteArray &json, const QString &path);

    // Age conditions in the rules are judged on this day: 31 December of the session year.
    QDate ageReferenceDate() const { return QDate(sessionYear, 12, 31); }
    ReturnWindowInfo windowInfo(QDate asOf) const;
    // How the scan ingest reads pages under these settings: the barcode patterns, and the
    // signature zones judged on each confirmation.
    ReadOptions readOptions() const;
};

} // namespace pointage
