#include "cli/ProgressLine.h"

#include "cli/CliContext.h"

#include <QFileInfo>

namespace pointage::cli {

ProgressLine::ProgressLine(QTextStream &stream, QString unit)
    : m_stream(stream), m_unit(std::move(unit)), m_enabled(interactiveTerminal())
{
    m_clock.start();
}

ProgressLine::~ProgressLine()
{
    clear();
}

void ProgressLine::update(const QString &label, int done, int total)
{
    if (!m_enabled)
        return;
    const qint64 now = m_clock.elapsed();
    if (now - m_lastDraw < 200 && done < total)
        return;
    m_lastDraw = now;
    const double seconds = now / 1000.0;
    const double rate = seconds > 0 ? done / seconds : 0;
    QString eta = QStringLiteral("--:--");
    if (rate > 0 && total >= done) {
        const int left = int((total - done) / rate + 0.5);
        eta = QStringLiteral("%1:%2")
                  .arg(left / 60, 2, 10, QLatin1Char('0'))
                  .arg(left % 60, 2, 10, QLatin1Char('0'));
    }
    QString name = QFileInfo(label).fileName();
    if (name.size() > 32)
        name = name.left(14) + QStringLiteral("…") + name.right(17);
    m_stream << "\r\033[K" << name << "  " << m_unit << " " << done << "/" << total << "  "
             << QString::number(rate, 'f', 1) << " " << m_unit << "s/s  reste " << eta;
    m_stream.flush();
    m_drawn = true;
}

void ProgressLine::clear()
{
    if (m_drawn) {
        m_stream << "\r\033[K";
        m_stream.flush();
        m_drawn = false;
    }
}

} // namespace pointage::cli
