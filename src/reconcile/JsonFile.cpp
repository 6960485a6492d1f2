#include "JsonFile.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <cmath>
#include <limits>

namespace pointage {

namespace {

int lineAt(const QByteArray &text, qsizetype offset)
{
    return 1 + static_cast<int>(text.left(offset).count('\n'));
}

// Walks already-validated JSON text and records the line where each key path starts. QJson
// forgets positions once parsed; people need them to find the faulty line.
class KeyLineScanner
{
public:
    explicit KeyLineScanner(const QByteArray &text) : m_text(text) {}

    QHash<QString, int> scan()
    {
        for (qsizetype i = 0; i < m_text.size(); ++i) {
            const char c = m_text.at(i);
            if (c == '\n')
                ++m_line;
            else if (c == '"')
                i = string(i);
            else if (c == '{' || c == '[')
                open(c == '{');
            else if (c == '}' || c == ']')
                m_frames.removeLast();
            else if (c == ':')
                m_expectingKey = false;
            else if (c == ',')
                nextItem();
            else if (!QChar::isSpace(uchar(c)))
                markArrayItem();
        }
        return m_lines;
    }

private:
    struct Frame
    {
        bool isObject = true;
        QString path;
        QString key;
        int index = 0;
        bool itemMarked = false;
    };

    QString valuePath() const
    {
        if (m_frames.isEmpty())
            return {};
        const Frame &top = m_frames.constLast();
        return top.isObject ? JsonFile::join(top.path, top.key)
                            : JsonFile::join(top.path, top.index);
    }

    void markArrayItem()
    {
        if (m_frames.isEmpty() || m_frames.constLast().isObject || m_frames.last().itemMarked)
            return;
        m_frames.last().itemMarked = true;
        m_lines.insert(valuePath(), m_line);
    }

    void open(bool isObject)
    {
        if (m_frames.isEmpty())
            m_lines.insert(QString(), m_line); // the root: where missing keys are reported
        markArrayItem();
        m_frames.append(Frame{isObject, valuePath(), {}, 0, false});
        m_expectingKey = isObject;
    }

    void nextItem()
    {
        if (m_frames.isEmpty())
            return;
        Frame &top = m_frames.last();
        if (top.isObject) {
            m_expectingKey = true;
        } else {
            ++top.index;
            top.itemMarked = false;
        }
    }

    qsizetype string(qsizetype start)
    {
        qsizetype end = start + 1;
        while (end < m_text.size() && m_text.at(end) != '"')
            end += m_text.at(end) == '\\' ? 2 : 1;
        const bool isKey = m_expectingKey && !m_frames.isEmpty() && m_frames.constLast().isObject;
        if (isKey) {
            m_frames.last().key = QString::fromUtf8(m_text.mid(start + 1, end - start - 1));
            m_lines.insert(valuePath(), m_line);
        } else {
            markArrayItem();
        }
        return end;
    }

    const QByteArray &m_text;
    QList<Frame> m_frames;
    QHash<QString, int> m_lines;
    int m_line = 1;
    bool m_expectingKey = false;
};

} // namespace

Result<QByteArray> JsonFile::readBytes(const QString &path, const QString &what)
{
    QFile file(path);
    const QString name = QFileInfo(path).fileName();
    if (!file.exists()) {
        return makeError(ErrorCode::FileNotFound,
                         QStringLiteral("Fichier %1 introuvable : %2. Vérifier le chemin indiqué.")
                             .arg(what, path),
                         name);
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(
            ErrorCode::FileUnreadable,
            QStringLiteral("Impossible de lire le fichier %1 : %2.").arg(what, file.errorString()),
            name);
    }
    return file.readAll();
}

Result<JsonFile> JsonFile::parse(const QByteArray &text, const QString &fileName,
                                 const QString &what)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return makeError(ErrorCode::Config,
                         QStringLiteral("Le fichier %1 n'est pas un JSON valide : %2. Corriger "
                                        "cette ligne (ou la précédente).")
                             .arg(what, parseError.errorString()),
                         fileName, lineAt(text, parseError.offset));
    }
    if (!document.isObject()) {
        return makeError(
            ErrorCode::Config,
            QStringLiteral("Le fichier %1 doit contenir un objet JSON { … }.").arg(what), fileName,
            1);
    }
    JsonFile file;
    file.m_fileName = fileName;
    file.m_root = document.object();
    file.m_keyLines = KeyLineScanner(text).scan();
    return file;
}

Error JsonFile::errorAt(const QString &path, const QString &message) const
{
    QString located = path;
    while (!located.isEmpty() && !m_keyLines.contains(located)) {
        const qsizetype cut =
            std::max(located.lastIndexOf(QLatin1Char('.')), located.lastIndexOf(QLatin1Char('[')));
        located = cut > 0 ? located.left(cut) : QString();
    }
    return makeError(ErrorCode::Config, QStringLiteral("clé « %1 » : %2").arg(path, message),
                     m_fileName, m_keyLines.value(located, 0));
}

Status JsonFile::checkKeys(const QJsonObject &object, const QString &path,
                           const QStringList &allowed) const
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowed.contains(it.key())) {
            return errorAt(join(path, it.key()),
                           QStringLiteral("clé inconnue. Clés possibles ici : %1.")
                               .arg(allowed.join(QStringLiteral(", "))));
        }
    }
    return Ok{};
}

Result<QString> JsonFile::string(const QJsonValue &value, const QString &path) const
{
    if (!value.isString())
        return errorAt(path, QStringLiteral("un texte entre guillemets est attendu."));
    return value.toString();
}

Result<QStringList> JsonFile::stringList(const QJsonValue &value, const QString &path) const
{
    if (!value.isArray())
        return errorAt(path, QStringLiteral("une liste de textes [\"…\", \"…\"] est attendue."));
    QStringList strings;
    const QJsonArray array = value.toArray();
    for (int i = 0; i < array.size(); ++i) {
        auto text = string(array.at(i), join(path, i));
        if (!text)
            return text.error();
        strings.append(text.value());
    }
    return strings;
}

Result<QDate> JsonFile::date(const QJsonValue &value, const QString &path) const
{
    auto text = string(value, path);
    if (!text)
        return text.error();
    for (const QString &format : {QStringLiteral("yyyy-MM-dd"), QStringLiteral("dd/MM/yyyy")}) {
        const QDate parsed = QDate::fromString(text.value().trimmed(), format);
        if (parsed.isValid())
            return parsed;
    }
    return errorAt(path, QStringLiteral("date invalide « %1 » : écrire AAAA-MM-JJ, par exemple "
                                        "2026-12-22.")
                             .arg(text.value()));
}

Result<bool> JsonFile::boolean(const QJsonValue &value, const QString &path) const
{
    if (!value.isBool())
        return errorAt(path, QStringLiteral("true ou false est attendu."));
    return value.toBool();
}

Result<int> JsonFile::integer(const QJsonValue &value, const QString &path) const
{
    const double number = value.toDouble(-1.0);
    // Range first: converting a double outside int's range (1e300, NaN) is undefined behaviour.
    const bool whole =
        number >= 0 && number <= std::numeric_limits<int>::max() && number == std::trunc(number);
    if (!value.isDouble() || !whole)
        return errorAt(path, QStringLiteral("un nombre entier positif (au plus %1) est attendu.")
                                 .arg(std::numeric_limits<int>::max()));
    return static_cast<int>(number);
}

QString JsonFile::join(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

QString JsonFile::join(const QString &path, int index)
{
    return path + QStringLiteral("[%1]").arg(index);
}

} // namespace pointage
