#include "pointage/Result.h"

#include "pointage/Diagnostic.h"

namespace pointage {

namespace {
QString locate(const QString &file, int line, int page, const QString &message)
{
    QString where = file;
    if (line > 0)
        where += QStringLiteral(", ligne %1").arg(line);
    if (page > 0)
        where += QStringLiteral(", page %1").arg(page);
    if (where.isEmpty())
        return message;
    return where + QStringLiteral(" : ") + message;
}
} // namespace

QString Error::located() const
{
    return locate(file, line, page, message);
}

QString Diagnostic::located() const
{
    return locate(file, line, page, message);
}

} // namespace pointage
