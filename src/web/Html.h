// HTML building blocks shared by the web desk's screens: escaping (every value from the data
// goes through esc()), the page frame with its navigation, and small French formatters.
// No inline script or style anywhere: the Content-Security-Policy is default-src 'self'.
// Thread-safety: pure functions.
#pragma once

#include "pointage/StatusTypes.h"

#include <QByteArray>
#include <QDate>
#include <QString>

namespace pointage::web {

QString esc(const QString &text);     // & < > " ' escaped: safe in text and quoted attributes
QString urlPart(const QString &text); // percent-encoded path segment or query value
QString frDate(QDate date);           // "09/12/2026", "—" when null
QString frDateTime(const QDateTime &at);

// What every screen needs to draw its frame and its forms.
struct PageContext
{
    QString user;
    QString role;    // "lecture" / "gestion"
    QByteArray csrf; // the session's form token
    bool canWrite = false;
    int openExceptions = 0;
    QDate asOf;
    QString session; // "Session 2027"
};

// A whole document: head (CSS, script), navigation, then `body`. `active` names the menu entry.
QString htmlPage(const PageContext &context, const QString &title, const QString &active,
                 const QString &body);
QString csrfField(const PageContext &context);

QString stateBadge(CandidateState state);
QString stateClass(CandidateState state);    // CSS class, "s-complete"…
QString candidateName(const RosterRow &row); // "MARTIN (usage : DURAND) Élodie"
QString candidateLink(const RosterRow &row);
QString schoolLink(const QString &uai, const QString &name);
QString pageImageUrl(qint64 pageId, bool thumbnail);
QString message(const QString &text, bool error); // a flash box

} // namespace pointage::web
