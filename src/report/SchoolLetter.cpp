#include "pointage/SchoolLetter.h"

#include "FrenchDates.h"
#include "LetterBlocks.h"

namespace pointage {

namespace {

constexpr qreal kLetterMarginMm = 20;
constexpr qreal bodyTopMm = 18;
constexpr qreal bodyBottomMm = 280;
constexpr qreal bodyWidthMm = PdfCanvas::pageWidthMm - 2 * kLetterMarginMm;

TextStyle bodyText()
{
    return {reportFont(10), Qt::AlignJustify, 3.5, false};
}

QString piecesCell(const QList<PieceType> &pieces)
{
    QStringList labels;
    for (const PieceType &piece : pieces)
        labels.append(QStringLiteral("• ") + piece.label);
    return labels.join(u'\n');
}

QList<TableColumn> columnsFor(ReminderReason reason)
{
    const TableColumn number{QStringLiteral("N° candidat"), 27};
    switch (reason) {
    case ReminderReason::MissingConfirmation:
        return {number,
                {QStringLiteral("Nom"), 45},
                {QStringLiteral("Prénom(s)"), 38},
                {QStringLiteral("Pièces justificatives à joindre"), 60}};
    case ReminderReason::WithoutConfirmation:
        return {number,
                {QStringLiteral("Nom"), 40},
                {QStringLiteral("Prénom(s)"), 33},
                {QStringLiteral("Dossier reçu le"), 25},
                {QStringLiteral("Pièces encore manquantes"), 45}};
    case ReminderReason::UnsignedConfirmation:
        return {number,
                {QStringLiteral("Nom"), 40},
                {QStringLiteral("Prénom(s)"), 33},
                {QStringLiteral("Reçue le"), 25},
                {QStringLiteral("Pièces encore manquantes"), 45}};
    case ReminderReason::MissingPieces:
        return {number,
                {QStringLiteral("Nom"), 45},
                {QStringLiteral("Prénom(s)"), 38},
                {QStringLiteral("Pièces manquantes"), 60}};
    case ReminderReason::ReceivedLate:
        return {number,
                {QStringLiteral("Nom"), 55},
                {QStringLiteral("Prénom(s)"), 50},
                {QStringLiteral("Reçu le"), 38}};
    case ReminderReason::StaleConfirmation:
        break;
    }
    return {number,
            {QStringLiteral("Nom"), 45},
            {QStringLiteral("Prénom(s)"), 40},
            {QStringLiteral("Version reçue"), 29},
            {QStringLiteral("Version attendue"), 29}};
}

QStringList cellsFor(ReminderReason reason, const CandidateStatus &c)
{
    const RosterRow &row = c.candidate;
    QStringList cells{row.candidateNumber, displayedLastName(row), row.firstNames};
    switch (reason) {
    case ReminderReason::MissingConfirmation:
        cells.append(c.missingPieces.isEmpty() ? QStringLiteral("—") : piecesCell(c.missingPieces));
        break;
    case ReminderReason::WithoutConfirmation:
        cells.append(frenchShortDate(c.dossierReceived));
        cells.append(c.missingPieces.isEmpty() ? QStringLiteral("—") : piecesCell(c.missingPieces));
        break;
    case ReminderReason::UnsignedConfirmation:
        cells.append(frenchShortDate(c.confirmationReceived));
        cells.append(c.missingPieces.isEmpty() ? QStringLiteral("—") : piecesCell(c.missingPieces));
        break;
    case ReminderReason::MissingPieces:
        cells.append(piecesCell(c.missingPieces));
        break;
    case ReminderReason::ReceivedLate:
        cells.append(frenchShortDate(c.confirmationReceived));
        break;
    case ReminderReason::StaleConfirmation:
        cells.append(c.scannedVersion > 0 ? QString::number(c.scannedVersion)
                                          : QStringLiteral("inconnue"));
        cells.append(QString::number(row.version));
        break;
    }
    return cells;
}

// Consecutive runs of one specialty: the list is already in filing order, keep it.
QList<TableGroup> groupsBySpecialty(ReminderReason reason, const QList<CandidateStatus> &list)
{
    QList<TableGroup> groups;
    QString current;
    for (const CandidateStatus &c : list) {
        const RosterRow &row = c.candidate;
        const QString key = row.specialtyCode + u'|' + row.specialtyLabel;
        if (groups.isEmpty() || key != current) {
            groups.append(
                {QStringLiteral("Spécialité %1 — %2").arg(row.specialtyCode, row.specialtyLabel),
                 {}});
            current = key;
        }
        groups.last().rows.append(cellsFor(reason, c));
    }
    return groups;
}

// The rectorat's letterhead then the "bloc-marque": who follows the matter and how to reach them.
QString letterheadText(const ReportSettings &settings)
{
    QStringList lines{settings.academie, settings.service};
    lines += settings.addressLines;
    const std::pair<const char *, const QString *> contactLines[] = {
        {"Affaire suivie par : ", &settings.caseOfficer},
        {"Tél. : ", &settings.phone},
        {"Mél : ", &settings.email},
        {"N/Réf. : ", &settings.reference}};
    bool first = true;
    for (const auto &[label, value] : contactLines) {
        if (value->isEmpty())
            continue;
        if (first)
            lines.append(QString());
        first = false;
        lines.append(QString::fromUtf8(label) + *value);
    }
    return lines.join(u'\n');
}

// After the deadline, the relance gives the school a new date rather than one already past.
QDate replyBy(const ReturnWindowInfo &window, const ReportSettings &settings)
{
    return window.pastDeadline() ? window.asOf.addDays(settings.relanceDelayDays) : window.closes;
}

QString examinationAndSession(const ReturnWindowInfo &window, const ReportSettings &settings)
{
    const QString session = QStringLiteral("session %1").arg(sessionYear(window.session));
    return settings.examination.isEmpty() ? session
                                          : settings.examination + QStringLiteral(", ") + session;
}

void addHeading(LetterBlocks &blocks, const SchoolReminder &reminder,
                const ReturnWindowInfo &window, const ReportSettings &settings)
{
    if (!settings.logoFile.isEmpty()) {
        // A logo that cannot be read is warned about before the run (see the report command);
        // the letter goes out without it rather than not at all.
        const QImage logo(settings.logoFile);
        if (!logo.isNull())
            blocks.image(logo, 18);
    }
    const TextStyle small{reportFont(9), Qt::AlignLeft, 12, false};
    blocks.twoColumns(letterheadText(settings),
                      QStringLiteral("%1, le %2").arg(settings.city, frenchLongDate(window.asOf)),
                      small);
    const TextStyle addressee{reportFont(10), Qt::AlignLeft, 10, false};
    blocks.twoColumns(QString(),
                      QStringLiteral("Madame, Monsieur le chef d'établissement\n%1\nUAI %2")
                          .arg(reminder.school.name, reminder.school.uai),
                      addressee);
    const QString subject =
        reminder.nothingMissing()
            ? QStringLiteral("Objet : %1 — accusé de réception des dossiers d'inscription")
            : QStringLiteral("Objet : %1 — confirmations d'inscription et pièces "
                             "justificatives manquantes");
    const bool deadlineLine = !reminder.nothingMissing();
    blocks.paragraph(subject.arg(examinationAndSession(window, settings)),
                     {reportFont(10, true), Qt::AlignLeft, deadlineLine ? 2.0 : 8.0, false});
    if (deadlineLine) {
        // The date the school must act by comes first: it is what the reader needs.
        const QString deadline =
            window.pastDeadline()
                ? QStringLiteral("Date de clôture des retours dépassée (%1) — éléments à "
                                 "transmettre au plus tard le %2")
                      .arg(frenchLongDate(window.closes), frenchLongDate(replyBy(window, settings)))
                : QStringLiteral("Date limite de retour : %1").arg(frenchLongDate(window.closes));
        blocks.paragraph(deadline, {reportFont(10, true), Qt::AlignLeft, 8, false});
    }
    blocks.paragraph(QStringLiteral("Madame, Monsieur le chef d'établissement,"), bodyText());
}

void addAcknowledgement(LetterBlocks &blocks, const SchoolReminder &reminder,
                        const ReturnWindowInfo &window)
{
    const int count = reminder.school.candidates;
    const QString whose = count == 1 ? QStringLiteral("de votre candidat")
                                     : QStringLiteral("de vos %1 candidats").arg(count);
    blocks.paragraph(
        QStringLiteral("Le pointage des dossiers d'inscription reçus par mes services pour la "
                       "session %1, arrêté au %2, ne fait apparaître aucun élément manquant pour "
                       "votre établissement : les confirmations d'inscription signées et les "
                       "pièces justificatives %3 ont bien été reçues.")
            .arg(sessionYear(window.session), frenchLongDate(window.asOf), whose),
        bodyText());
    blocks.paragraph(QStringLiteral("Je vous remercie de votre diligence."), bodyText());
}

void addSummary(LetterBlocks &blocks, const SchoolReminder &reminder)
{
    QList<QPair<QString, QString>> lines{
        {QStringLiteral("Candidats inscrits"), QString::number(reminder.school.candidates)},
        {QStringLiteral("Dossiers complets"), QString::number(reminder.school.complete)}};
    for (const ReminderReason reason : allReminderReasons)
        lines.append(
            {reminderReasonTitle(reason), QString::number(reminder.candidates(reason).size())});
    // Dossiers whose pages the office has not identified yet: nothing is asked of the school.
    if (reminder.school.toVerify > 0)
        lines.append({QStringLiteral("Dossiers en cours d'examen par nos services"),
                      QString::number(reminder.school.toVerify)});
    blocks.summary(lines);
    blocks.space(6);
}

void addNextSteps(LetterBlocks &blocks, const SchoolReminder &reminder,
                  const ReturnWindowInfo &window, const ReportSettings &settings)
{
    const bool somethingToSend =
        !reminder.missingConfirmation.isEmpty() || !reminder.withoutConfirmation.isEmpty() ||
        !reminder.unsignedConfirmation.isEmpty() || !reminder.missingPieces.isEmpty() ||
        !reminder.staleConfirmation.isEmpty();
    if (somethingToSend && window.pastDeadline()) {
        blocks.paragraph(
            QStringLiteral("La date de clôture des retours (%1) étant dépassée, je "
                           "vous remercie de me faire parvenir les éléments "
                           "manquants au plus tard le %2, classés dans l'ordre des "
                           "tableaux ci-dessus.")
                .arg(frenchLongDate(window.closes), frenchLongDate(replyBy(window, settings))),
            bodyText());
    } else if (somethingToSend) {
        blocks.paragraph(QStringLiteral("Je vous remercie de me faire parvenir les éléments "
                                        "manquants avant le %1, date de clôture des retours, "
                                        "classés dans l'ordre des tableaux ci-dessus.")
                             .arg(frenchLongDate(window.closes)),
                         bodyText());
    }
    if (!reminder.staleConfirmation.isEmpty()) {
        blocks.paragraph(QStringLiteral("Pour les confirmations à remplacer, l'inscription a été "
                                        "modifiée après l'impression de la confirmation reçue : "
                                        "merci de faire signer la dernière version de la "
                                        "confirmation d'inscription et de me la retourner."),
                         bodyText());
    }
    if (!reminder.withoutConfirmation.isEmpty()) {
        blocks.paragraph(QStringLiteral("Pour les dossiers reçus sans la confirmation "
                                        "d'inscription signée, le bordereau ne remplace pas la "
                                        "confirmation : merci de me retourner la confirmation "
                                        "d'inscription signée par le candidat (ou son "
                                        "représentant légal) et par le chef d'établissement."),
                         bodyText());
    }
    if (!reminder.unsignedConfirmation.isEmpty()) {
        blocks.paragraph(QStringLiteral("Les confirmations d'inscription reçues sans signature "
                                        "ne peuvent être retenues : merci de les faire signer "
                                        "par le candidat (ou son représentant légal) et par le "
                                        "chef d'établissement, puis de me les renvoyer."),
                         bodyText());
    }
    if (!reminder.receivedLate.isEmpty()) {
        blocks.paragraph(QStringLiteral("Les dossiers reçus après la date de clôture ont été "
                                        "enregistrés ; leur recevabilité sera examinée par mes "
                                        "services."),
                         bodyText());
    }
    if (!settings.contact.isEmpty()) {
        blocks.paragraph(QStringLiteral("Pour toute question, mes services restent à votre "
                                        "disposition : %1.")
                             .arg(settings.contact),
                         bodyText());
    }
}

void addReminder(LetterBlocks &blocks, const SchoolReminder &reminder,
                 const ReturnWindowInfo &window, const ReportSettings &settings)
{
    blocks.paragraph(
        QStringLiteral("Le pointage des dossiers d'inscription reçus par mes services pour la "
                       "session %1, arrêté au %2, fait apparaître pour votre établissement les "
                       "éléments manquants ou à régulariser détaillés ci-dessous. Pour rappel, les "
                       "confirmations d'inscription signées et les pièces justificatives sont "
                       "attendues du %3 au %4, classées par spécialité puis par ordre "
                       "alphabétique des candidats.")
            .arg(sessionYear(window.session), frenchLongDate(window.asOf),
                 frenchLongDate(window.opens), frenchLongDate(window.closes)),
        bodyText());
    addSummary(blocks, reminder);
    for (const ReminderReason reason : allReminderReasons) {
        const QList<CandidateStatus> &list = reminder.candidates(reason);
        if (list.isEmpty())
            continue;
        blocks.paragraph(
            QStringLiteral("%1 (%2)").arg(reminderReasonTitle(reason)).arg(list.size()),
            {reportFont(11, true), Qt::AlignLeft, 2, true});
        blocks.table(columnsFor(reason), groupsBySpecialty(reason, list));
        blocks.space(6);
    }
    addNextSteps(blocks, reminder, window, settings);
}

void addSignature(LetterBlocks &blocks, const ReportSettings &settings)
{
    // The closing formula and the signature never stand alone on a last page.
    blocks.keepWithNext();
    blocks.paragraph(QStringLiteral("Je vous prie d'agréer, Madame, Monsieur le chef "
                                    "d'établissement, l'expression de ma considération "
                                    "distinguée."),
                     {reportFont(10), Qt::AlignJustify, 8, true});
    blocks.twoColumns(QString(), settings.signatoryTitle + u'\n' + settings.signatoryName,
                      {reportFont(10), Qt::AlignLeft, 0, false});
}

void paintPageFrame(PdfCanvas &canvas, const SchoolReminder &reminder,
                    const ReturnWindowInfo &window, int page, int pageCount)
{
    QPainter &p = canvas.painter();
    p.setFont(reportFont(8));
    p.setPen(Qt::black);
    const QString school = QStringLiteral("%1 — %2").arg(reminder.school.uai, reminder.school.name);
    // Long school names wrap (two lines at most) in a column that stops short of "Page n / N".
    constexpr qreal pageNumberMm = 24;
    const int wrap = Qt::TextWordWrap;
    if (page > 1) {
        p.drawText(
            canvas.mmRect(kLetterMarginMm, 6, bodyWidthMm, 9),
            Qt::AlignLeft | Qt::AlignBottom | wrap,
            QStringLiteral("Session %1 — %2 (suite)").arg(sessionYear(window.session), school));
    }
    p.drawText(canvas.mmRect(kLetterMarginMm, 282, bodyWidthMm - pageNumberMm, 9),
               Qt::AlignLeft | Qt::AlignTop | wrap, school);
    p.drawText(canvas.mmRect(kLetterMarginMm + bodyWidthMm - pageNumberMm, 282, pageNumberMm, 9),
               Qt::AlignRight | Qt::AlignTop,
               QStringLiteral("Page %1 / %2").arg(page).arg(pageCount));
}

} // namespace

QByteArray schoolLetterPdf(const SchoolReminder &reminder, const ReturnWindowInfo &window,
                           const ReportSettings &settings)
{
    PdfCanvas canvas(
        QStringLiteral("Session %1 — %2 (%3)")
            .arg(sessionYear(window.session), reminder.school.name, reminder.school.uai));
    PagedFlow flow;
    LetterBlocks blocks(canvas, flow, bodyWidthMm);
    addHeading(blocks, reminder, window, settings);
    if (reminder.nothingMissing())
        addAcknowledgement(blocks, reminder, window);
    else
        addReminder(blocks, reminder, window, settings);
    addSignature(blocks, settings);

    const QList<QList<int>> pages = flow.paginate(canvas.mm(bodyBottomMm - bodyTopMm));
    const QRectF body =
        canvas.mmRect(kLetterMarginMm, bodyTopMm, bodyWidthMm, bodyBottomMm - bodyTopMm);
    for (int n = 0; n < pages.size(); ++n) {
        if (n > 0)
            canvas.newPage();
        flow.paintPage(canvas.painter(), body, pages.at(n));
        paintPageFrame(canvas, reminder, window, n + 1, int(pages.size()));
    }
    return canvas.finish();
}

QDate letterReplyBy(const ReturnWindowInfo &window, const ReportSettings &settings)
{
    return replyBy(window, settings);
}

} // namespace pointage
