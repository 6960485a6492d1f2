// The web desk's screens, rendered on the server from the current view. Each returns the
// document's title and its main content; htmlPage() adds the frame. Every value from the data
// is escaped; no business rule lives here (states, owed pieces, suggestions, chase order all
// come from the core).
// Thread-safety: pure functions of their arguments.
#pragma once

#include "pointage/Ledger.h"
#include "web/DeskData.h"
#include "web/Html.h"

#include <QString>

namespace pointage::web {

struct Screen
{
    QString title;
    QString active; // menu entry
    QString body;
};

Screen dashboardScreen(const DeskView &view);
Screen schoolScreen(const DeskView &view, const SchoolStatus &school);
Screen candidateScreen(const DeskView &view, const CandidateStatus &candidate,
                       const PageContext &context);
Screen exceptionQueueScreen(const DeskView &view);
// One page: its image, what became of it, and the decisions a clerk can take. `notice` is the
// outcome of the previous action (decision id to undo, or an error).
Screen pageScreen(const DeskView &view, const PageOutcome &page, const PageContext &context,
                  qint64 lastDecision, const QString &error);
Screen batchesScreen(const DeskView &view);
Screen searchScreen(const DeskView &view, const QString &query);
Screen journalScreen(const QList<JournalEntry> &entries);
QString loginDocument(const QString &error, const QByteArray &csrf);

// The open exception to show after page `afterPageId` (the next in the queue, wrapping
// around); 0 when the queue is empty.
qint64 nextOpenException(const DeskView &view, qint64 afterPageId);

} // namespace pointage::web
