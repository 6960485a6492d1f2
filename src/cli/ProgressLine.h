// A one-line progress display on the terminal (file, page n/N, pages/s, ETA), redrawn in
// place at most a few times a second; silent when stderr is not a terminal or in CI.
// Thread-safety: main thread only.
#pragma once

#include <QElapsedTimer>
#include <QString>
#include <QTextStream>

namespace pointage::cli {

class ProgressLine
{
public:
    // `unit` names what is counted: "page" (n/N, pages/s), "courriel"…
    explicit ProgressLine(QTextStream &stream, QString unit = QStringLiteral("page"));
    ~ProgressLine();

    void update(const QString &label, int done, int total);
    void clear();

private:
    QTextStream &m_stream;
    QString m_unit;
    QElapsedTimer m_clock;
    qint64 m_lastDraw = -1000;
    bool m_enabled;
    bool m_drawn = false;
};

} // namespace pointage::cli
