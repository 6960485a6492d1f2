// Builds AcademieStatus values by code for report tests and benchmarks: candidates with a state,
// owed and missing pieces and a receipt date, school and académie counts derived from them,
// exception pages, receipts per day. No roster file, no ledger, no reconciliation involved.
// Thread-safety: a builder is used by one thread.
#pragma once

#include "pointage/StatusTypes.h"

#include <QDate>
#include <QList>
#include <QString>

namespace pointage::testkit {

// Session 2027, returns from 1 to 22 December, registrations close on 8 December.
ReturnWindowInfo decemberWindow(QDate asOf);

// A few piece types with their French labels ("ID" -> "Pièce d'identité"…).
const QList<PieceType> &samplePieceTypes();

// An active candidate with nothing received; set state, pieces and dates on the result.
CandidateStatus candidateAt(const QString &uai, const QString &establishment, const QString &number,
                            const QString &lastName, const QString &firstNames,
                            const QString &specialtyCode = QStringLiteral("50022"),
                            const QString &specialtyLabel = QStringLiteral("CAP Cuisine"));

// Marks `c` as received on `day` with the given pieces still missing (Complete when none).
void receive(CandidateStatus &c, QDate day, const QList<PieceType> &missing = {});

class AcademieStatusBuilder
{
public:
    explicit AcademieStatusBuilder(ReturnWindowInfo window);

    void addSchool(const QString &uai, const QString &name);
    // Candidates keep the order they are added in: add them in filing order.
    void addCandidate(const CandidateStatus &candidate);
    void addPage(const PageOutcome &page);

    // Counts, receipts per day and last receipts derived from the candidates and pages by the
    // core's own aggregation; schools listed by UAI, those without a candidate left out.
    AcademieStatus build() const;

private:
    AcademieStatus m_status;
};

// `candidates` spread over `schools` schools, states mixed as they stand on `asOf` (late
// receipts only after the closing date), names and specialties from the roster vocabulary,
// sorted in filing order; every tenth school has sent nothing. Deterministic for a seed.
AcademieStatus generatedAcademie(int candidates, int schools, QDate asOf = QDate(2027, 12, 23),
                                 quint64 seed = 1);

} // namespace pointage::testkit
