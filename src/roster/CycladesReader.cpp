#include "pointage/CycladesReader.h"

#include "CycladesColumns.h"
#include "CycladesPreamble.h"
#include "CycladesRows.h"
#include "pointage/CsvReader.h"
#include "pointage/TextDecoding.h"

#include <QFile>
#include <QFileInfo>
#include <algorithm>

namespace pointage {

namespace {

const QString exportAgain = QStringLiteral("exportez à nouveau la liste depuis Cyclades");

Error truncated(const QString &fileName, int line, const QString &what)
{
    return makeError(ErrorCode::Format,
                     what + QStringLiteral(" : le fichier semble tronqué ; ") + exportAgain,
                     fileName, line);
}

// A quote left open means a cut file; a record beyond the limits, a file that is no export.
Error csvFailure(const QString &fileName, const CsvReader &csv)
{
    if (csv.problem() == CsvProblem::UnclosedQuote)
        return truncated(fileName, csv.error()->line, csv.error()->message);
    Error error = *csv.error();
    error.file = fileName;
    return error;
}

// Exports seen have 8 or 9 preamble lines: a file without a header within this many lines is
// not an export, and its lines are not kept in memory while looking for one.
constexpr qsizetype kMaxPreambleLines = 100;

// Larger than any académie-wide export (20,000 candidates is about 8 MB): a bigger file is
// refused before it is read, so that a wrong file cannot fill the memory.
constexpr qint64 kMaxFileBytes = 256LL << 20;

} // namespace

Result<RosterExport> readCycladesExport(QByteArray bytes, const QString &fileName)
{
    const Error empty = makeError(ErrorCode::EmptyFile,
                                  QStringLiteral("le fichier est vide ; ") + exportAgain, fileName);
    if (QByteArrayView(bytes).trimmed().isEmpty())
        return empty;
    Result<DecodedText> decoded = decodeText(bytes, fileName);
    bytes = QByteArray(); // the text is all that is needed now: never hold the file twice
    if (!decoded)
        return decoded.error();
    const QString &text = decoded->text;
    if (QStringView(text).trimmed().isEmpty())
        return empty;

    RosterExport result;
    result.fileName = fileName;
    result.encoding = decoded->encoding;

    CsvReader csv(text);
    CsvRecord record;
    QList<CsvRecord> preambleLines;
    bool headerFound = false;
    while (!headerFound && preambleLines.size() < kMaxPreambleLines && csv.next(record)) {
        headerFound = isCycladesHeader(record.fields);
        if (!headerFound)
            preambleLines.append(record);
    }
    if (csv.error())
        return csvFailure(fileName, csv);
    if (!headerFound) {
        return makeError(ErrorCode::Format,
                         QStringLiteral("ligne d'en-tête introuvable (aucune colonne « N° "
                                        "Candidat ») : ce fichier n'est pas une « Liste simple » "
                                        "Cyclades au format CSV"),
                         fileName);
    }
    const int headerLine = record.line;
    CycladesColumns columns = mapCycladesColumns(record.fields);
    const CycladesPreamble preamble =
        parseCycladesPreamble(preambleLines, fileName, result.diagnostics);
    if (!preamble.listesSimples && !isAcademieExtractionHeader(columns)) {
        return makeError(ErrorCode::NotCycladesExport,
                         QStringLiteral("ce fichier n'est pas un export Cyclades : il n'a ni "
                                        "l'en-tête « Listes simples » d'un export par "
                                        "établissement, ni les colonnes d'une extraction "
                                        "académique (N° Candidat, N° Inscription, Nom de "
                                        "famille, Prénom(s), Date de Naissance, Code Spécialité, "
                                        "UAI). Rien n'a été importé. Les CSV écrits par Pointage "
                                        "(reports/) ne s'importent pas : importez l'export "
                                        "« Listes simples » de Cyclades"),
                         fileName, headerLine);
    }
    const QStringList missing = columns.missingRequired();
    if (!missing.isEmpty()) {
        return makeError(ErrorCode::MissingColumn,
                         QStringLiteral("colonne(s) obligatoire(s) absente(s) de l'en-tête : %1 "
                                        "; ajoutez-les à la liste dans Cyclades et exportez-la "
                                        "à nouveau")
                             .arg(missing.join(QStringLiteral(", "))),
                         fileName, headerLine);
    }

    result.session = preamble.session;
    result.diplomaFamily = preamble.diplomaFamily;
    result.establishmentName = preamble.establishmentName;
    result.uai = preamble.uai;
    result.editedAt = preamble.editedAt;
    result.criteria = preamble.criteria;
    if (preamble.uai.isEmpty() && !columns.has(CycladesColumn::Uai) &&
        !columns.has(CycladesColumn::Establishment)) {
        result.diagnostics.append({Diagnostic::Severity::Warning, fileName, headerLine, 0,
                                   QStringLiteral("aucun établissement : ni UAI dans l'en-tête "
                                                  "du fichier, ni colonne UAI")});
    }

    // Trailing empty header cells (padding) do not count: a row may stop before them.
    qsizetype columnCount = columns.kinds.size();
    while (columnCount > 0 && columns.kinds[columnCount - 1] == CycladesColumn::Ignored)
        --columnCount;
    CycladesRowReader rows(std::move(columns), preamble, fileName);
    // Growing a list of 100,000 RosterRows move-constructs them over and over: size it once.
    result.rows.reserve(std::max<qsizetype>(text.count(QLatin1Char('\n')) - headerLine, 0));
    while (csv.next(record)) {
        if (CycladesRowReader::isBlank(record))
            continue;
        if (!record.terminated && record.fields.size() < columnCount) {
            return truncated(fileName, record.line,
                             QStringLiteral("dernière ligne incomplète (%1 colonnes sur %2)")
                                 .arg(record.fields.size())
                                 .arg(columnCount));
        }
        ++result.rowsRead;
        if (std::optional<RosterRow> row = rows.read(record, result.diagnostics))
            result.rows.append(std::move(*row));
    }
    if (csv.error())
        return csvFailure(fileName, csv);
    return result;
}

Result<RosterExport> readCycladesFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        return makeError(ErrorCode::FileNotFound,
                         QStringLiteral("fichier introuvable : vérifiez le nom et le dossier"),
                         path);
    }
    QFile file(path);
    if (info.isDir() || !file.open(QIODevice::ReadOnly)) {
        return makeError(ErrorCode::FileUnreadable,
                         QStringLiteral("impossible de lire le fichier : vérifiez qu'il s'agit "
                                        "bien d'un fichier et que vous avez le droit de le lire"),
                         path);
    }
    if (file.size() > kMaxFileBytes) {
        return makeError(ErrorCode::Format,
                         QStringLiteral("fichier trop volumineux (%1 Mo, plus de %2 Mo) : ce "
                                        "n'est pas une liste exportée de Cyclades")
                             .arg(file.size() >> 20)
                             .arg(kMaxFileBytes >> 20),
                         info.fileName());
    }
    // Moved in: the bytes are released as soon as they are decoded.
    return readCycladesExport(file.readAll(), info.fileName());
}

} // namespace pointage
