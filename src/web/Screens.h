// The web desk's screens, rendered on the server from the current view. Each returns the
// document's title and its main content; htmlPage() adds the frame. Every value from the data
// is escaped; no business rule lives here (states, owed pieces, suggestions, chase order all
// come from the core).
// Thread-safety: pure functions of their arguments.
#pragma once

#include "pointage/Ledger.h"
#include "web/DeskData.h"
#include "web/Html.h"
#include "web/IngestJob.h"

#include <QString>
#include <optional>

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
                       const PageContext &context, const QList<RegistrationVersion> &history);
Screen exceptionQueueScreen(const DeskView &view);
// An assignment the core refused until the person confirms it (the page carries another
// candidate's readable confirmation): what to send again, with force, if they do.
struct AssignmentToConfirm
{
    QString candidate;
    QString pieceCode;
};

// One page: its image, what became of it, and the decisions a clerk can take. `lastDecision`
// and `error` are the outcome of the previous action (decision id to undo, or an error);
// `confirm` asks to confirm a refused assignment, `error` saying why.
Screen pageScreen(const DeskView &view, const PageOutcome &page, const PageContext &context,
                  qint64 lastDecision, const QString &error,
                  const std::optional<AssignmentToConfirm> &confirm = std::nullopt);
// « Lots »: `page` (from 1) of the files, kBatchesPerPage at a time, latest read first; and one
// file's pages as thumbnails.
constexpr int kBatchesPerPage = 25;
Screen batchesScreen(const DeskView &view, int page);
Screen batchScreen(const DeskView &view, const ScannedFile &file);
Screen searchScreen(const DeskView &view, const QString &query);
Screen journalScreen(const QList<JournalEntry> &entries);
// Screen 6, « Import et numérisation »: what the last upload did, the upload forms, and the
// scan reading's progress (polled by the page).
struct ImportScreenState
{
    IngestJobProgress progress;
    QList<ImportOutcome> imports; // the exports just uploaded
    QList<QByteArray> heldKeys;   // per import needing confirmation: its held upload's key
    QString notice;               // e.g. a job is already running
    bool noticeIsError = false;
    QString scansFolder;
    qint64 maxUploadBytes = 0;
    QDate today;
};
Screen importScreen(const PageContext &context, const ImportScreenState &state);
QString progressHtml(const IngestJobProgress &progress); // the progress box's first content

QString loginDocument(const QString &error, const QByteArray &csrf);

// The open exception to show after page `afterPageId` (the next in the queue, wrapping
// around); 0 when the queue is empty.
qint64 nextOpenException(const DeskView &view, qint64 afterPageId);

} // namespace pointage::web
