#include "CycladesPreamble.h"

#include "CycladesColumns.h"
#include "CycladesValues.h"
#include "pointage/RosterTypes.h"

#include <QRegularExpression>

namespace pointage {

namespace {

// The cells of a preamble line, without the padding, joined back as written.
QString lineText(const CsvRecord &line)
{
    QStringList parts;
    for (const QString &field : line.fields) {
        const QString part = field.trimmed();
        if (!part.isEmpty())
            parts << part;
    }
    return parts.join(QStringLiteral("; "));
}

QString afterColon(const QString &text)
{
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    return colon < 0 ? QString() : text.sliced(colon + 1).trimmed();
}

QDateTime parseEditedAt(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral(R"((\d{1,2})/(\d{1,2})/(\d{4})(?:\D+(\d{1,2})[:h](\d{2})(?::(\d{2}))?)?)"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return {};
    const QDate date(match.captured(3).toInt(), match.captured(2).toInt(),
                     match.captured(1).toInt());
    const QTime time(match.captured(4).toInt(), match.captured(5).toInt(),
                     match.captured(6).toInt());
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time);
}

enum class LineKind {
    Session,
    ListTitle,
    EditionType,
    EditedAt,
    SearchCriteria,
    OtherCriteria,
    Establishment,
    Other
};

LineKind classify(const QString &text, const QString &key)
{
    static const QRegularExpression session(QStringLiteral(R"(^(session\s*)?\d{4}$)"),
                                            QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression establishment(QStringLiteral(R"(\(\d{7}[A-Za-z]\)$)"));
    if (session.match(text).hasMatch())
        return LineKind::Session;
    if (key == u"listes simples" || key == u"liste simple")
        return LineKind::ListTitle;
    if (key.startsWith(u"type d edition"))
        return LineKind::EditionType;
    if (key.startsWith(u"edite le"))
        return LineKind::EditedAt;
    if (key.startsWith(u"criteres de recherche") || key.startsWith(u"critere de recherche"))
        return LineKind::SearchCriteria;
    if (key.startsWith(u"critere"))
        return LineKind::OtherCriteria;
    if (establishment.match(text).hasMatch())
        return LineKind::Establishment;
    return LineKind::Other;
}

} // namespace

CycladesPreamble parseCycladesPreamble(const QList<CsvRecord> &lines, const QString &fileName,
                                       Diagnostics &diagnostics)
{
    CycladesPreamble preamble;
    QStringList criteria;
    bool titleSeen = false;
    LineKind previous = LineKind::Other;
    for (const CsvRecord &line : lines) {
        const QString text = lineText(line);
        if (text.isEmpty())
            continue;
        const LineKind kind = classify(text, headerKey(text));
        switch (kind) {
        case LineKind::Session:
            preamble.session = text;
            break;
        case LineKind::ListTitle:
            titleSeen = true;
            preamble.listesSimples = true;
            break;
        case LineKind::EditedAt:
            preamble.editedAt = parseEditedAt(text);
            break;
        case LineKind::SearchCriteria:
            criteria << afterColon(text);
            break;
        case LineKind::Establishment: {
            const LabelAndCode split = splitLabelAndCode(text);
            preamble.establishmentName = split.label;
            preamble.uai = split.code.toUpper();
            if (!isValidUai(preamble.uai)) {
                diagnostics.append({Diagnostic::Severity::Warning, fileName, line.line, 0,
                                    QStringLiteral("UAI de l'établissement « %1 » invalide (clé "
                                                   "de contrôle incorrecte) : vérifiez l'export")
                                        .arg(preamble.uai)});
            }
            break;
        }
        case LineKind::Other:
            // A search criterion may run over several lines; before the list title, the only
            // free text Cyclades writes is the diploma family.
            if (previous == LineKind::SearchCriteria) {
                criteria << text;
                continue;
            }
            if (!titleSeen && preamble.diplomaFamily.isEmpty())
                preamble.diplomaFamily = text;
            break;
        case LineKind::EditionType:
            preamble.listesSimples = true;
            break;
        case LineKind::OtherCriteria:
            break;
        }
        previous = kind;
    }
    preamble.criteria = normaliseCriteria(criteria.join(QLatin1Char(';')));
    return preamble;
}

QString normaliseCriteria(const QString &criteria)
{
    static const QStringList meaningNone = {QStringLiteral("aucun"), QStringLiteral("aucune"),
                                            QStringLiteral("aucun critere"),
                                            QStringLiteral("neant")};
    QStringList clauses;
    for (const QString &clause : criteria.split(QLatin1Char(';'))) {
        const QString simplified = clause.simplified();
        if (simplified.isEmpty() || simplified == u"-" ||
            meaningNone.contains(headerKey(simplified)))
            continue;
        clauses << simplified;
    }
    return clauses.join(QStringLiteral("; "));
}

} // namespace pointage
