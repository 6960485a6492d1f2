// What the scanned pages and desk checks say about one candidate, gathered by page matching and
// turned into a CandidateStatus afterwards.
#pragma once

#include "pointage/PageOutcome.h"

#include <QDate>
#include <QList>
#include <QString>

namespace pointage {

struct Receipt
{
    QDate date;
    int version = 0;   // inscription version read on a confirmation, 0 when unknown
    QString pieceCode; // pieces: empty when the piece type is unknown
    SignatureState signature = SignatureState::NotChecked; // confirmations
};

struct CandidateEvidence
{
    QList<Receipt> confirmations;      // current version (or version unknown)
    QList<Receipt> staleConfirmations; // older inscription versions
    QList<Receipt> pieces;             // supporting pages and desk-checked pieces
    QList<Receipt> coverSheets;        // bordereaux: a dossier came, signed confirmation or not
    bool paperSeen = false;            // anything at all arrived, exceptions included
    int openExceptions = 0;

    QDate lastReceipt() const;
};

} // namespace pointage
