#include "ProgressChart.h"

#include "FrenchDates.h"

#include <algorithm>
#include <cmath>

namespace pointage {

namespace {

constexpr double chartWidth = 900, chartHeight = 330;
constexpr double plotLeft = 70, plotRight = 880, plotTop = 20, plotBottom = 270;

struct Axes
{
    QDate first;
    QDate last;
    double yMax = 1;

    double x(const QDate &day) const
    {
        const double span = qMax<qint64>(1, first.daysTo(last));
        return plotLeft + (plotRight - plotLeft) * double(first.daysTo(day)) / span;
    }
    double y(double value) const { return plotBottom - (plotBottom - plotTop) * value / yMax; }
};

// A round scale maximum at least `value`, whose quarters are readable gridline values.
double roundUp(double value)
{
    const double magnitude = std::pow(10.0, std::floor(std::log10(qMax(1.0, value))));
    for (const double step : {1.0, 1.2, 1.6, 2.0, 2.4, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0}) {
        if (step * magnitude >= value)
            return step * magnitude;
    }
    return 10 * magnitude;
}

QString number(double value)
{
    return QString::number(value, 'f', 1);
}

Axes axesFor(const AcademieStatus &status, const QList<QPair<QDate, int>> &days)
{
    const ReturnWindowInfo &w = status.window;
    QList<QDate> marks{w.opens, w.closes, w.asOf};
    if (!days.isEmpty())
        marks << days.first().first << days.last().first;
    marks.removeIf([](const QDate &d) { return !d.isValid(); });
    Axes axes;
    if (marks.isEmpty())
        marks << QDate::currentDate();
    axes.first = *std::min_element(marks.begin(), marks.end());
    axes.last = *std::max_element(marks.begin(), marks.end());
    if (axes.first == axes.last)
        axes.last = axes.first.addDays(1);
    int total = 0;
    for (const auto &day : days)
        total += day.second;
    axes.yMax = roundUp(qMax(1, qMax(status.candidates, total)));
    return axes;
}

QString gridAndLabels(const Axes &axes)
{
    QString svg;
    for (int i = 0; i <= 4; ++i) {
        const double value = axes.yMax * i / 4;
        const double y = axes.y(value);
        svg +=
            QStringLiteral("<line class=\"grid\" x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\"/>"
                           "<text class=\"tick\" x=\"%4\" y=\"%5\" text-anchor=\"end\">%6</text>")
                .arg(number(plotLeft), number(y), number(plotRight), number(plotLeft - 6),
                     number(y + 4), QString::number(qRound(value)));
    }
    const qint64 span = axes.first.daysTo(axes.last);
    const qint64 step = qMax<qint64>(1, (span + 9) / 10);
    for (qint64 d = 0; d <= span; d += step) {
        const QDate day = axes.first.addDays(d);
        svg += QStringLiteral(
                   "<text class=\"tick\" x=\"%1\" y=\"%2\" text-anchor=\"middle\">%3</text>")
                   .arg(number(axes.x(day)), number(plotBottom + 18),
                        day.toString(QStringLiteral("dd/MM")));
    }
    svg += QStringLiteral("<line class=\"axis\" x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\"/>")
               .arg(number(plotLeft), number(plotBottom), number(plotRight));
    return svg;
}

// A vertical line at `day` with its label on line `row` (0, 1…), so labels of close days do
// not overlap; labels near the right edge are set to the left of their line.
QString dayMarker(const Axes &axes, const QDate &day, const QString &label, const QString &cls,
                  int row)
{
    if (!day.isValid())
        return {};
    const double x = axes.x(day);
    const bool nearRightEdge = x > plotRight - 80;
    return QStringLiteral("<line class=\"%1\" x1=\"%2\" y1=\"%3\" x2=\"%2\" y2=\"%4\"/>"
                          "<text class=\"marker\" x=\"%5\" y=\"%6\" text-anchor=\"%7\">%8</text>")
        .arg(cls, number(x), number(plotTop), number(plotBottom),
             number(nearRightEdge ? x - 4 : x + 4), number(plotTop + 12 + 14 * row),
             nearRightEdge ? QStringLiteral("end") : QStringLiteral("start"),
             label.toHtmlEscaped());
}

QString cumulativeLine(const Axes &axes, const QList<QPair<QDate, int>> &days, const QDate &until)
{
    QStringList points{number(axes.x(axes.first)) + u',' + number(axes.y(0))};
    int total = 0;
    for (const auto &[day, count] : days) {
        points << number(axes.x(day)) + u',' + number(axes.y(total));
        total += count;
        points << number(axes.x(day)) + u',' + number(axes.y(total));
    }
    // The line runs flat up to the as-of day: no receipt since the last one is news too.
    QDate end = days.isEmpty() ? axes.first : days.last().first;
    if (until.isValid() && until > end)
        end = until;
    points << number(axes.x(end)) + u',' + number(axes.y(total));
    return QStringLiteral("<polyline class=\"received\" points=\"%1\"/>").arg(points.join(u' '));
}

} // namespace

QString progressChartSvg(const AcademieStatus &status)
{
    QList<QPair<QDate, int>> days = status.receiptsPerDay;
    days.removeIf([](const QPair<QDate, int> &d) { return !d.first.isValid(); });
    std::sort(days.begin(), days.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    const Axes axes = axesFor(status, days);
    const ReturnWindowInfo &w = status.window;

    QString svg = QStringLiteral("<svg viewBox=\"0 0 %1 %2\" "
                                 "role=\"img\" aria-label=\"Confirmations reçues par jour, "
                                 "cumulées\">")
                      .arg(chartWidth)
                      .arg(chartHeight);
    svg += gridAndLabels(axes);
    if (w.opens.isValid() && w.closes.isValid()) {
        svg += QStringLiteral("<line class=\"target\" x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%4\"/>")
                   .arg(number(axes.x(w.opens)), number(axes.y(0)), number(axes.x(w.closes)),
                        number(axes.y(status.candidates)));
    }
    svg += dayMarker(axes, w.opens, QStringLiteral("ouverture"), QStringLiteral("window"), 0);
    svg += dayMarker(axes, w.closes, QStringLiteral("clôture"), QStringLiteral("window"), 0);
    svg += dayMarker(axes, w.asOf, QStringLiteral("au ") + frenchShortDate(w.asOf),
                     QStringLiteral("today"), 1);
    svg += cumulativeLine(axes, days, w.asOf);
    const double legendY = chartHeight - 12;
    svg +=
        QStringLiteral("<line class=\"received\" x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\"/>"
                       "<text class=\"tick\" x=\"%4\" y=\"%5\">confirmations reçues (cumul)</text>"
                       "<line class=\"target\" x1=\"%6\" y1=\"%2\" x2=\"%7\" y2=\"%2\"/>"
                       "<text class=\"tick\" x=\"%8\" y=\"%5\">objectif : tous les candidats "
                       "à la clôture</text>")
            .arg(number(plotLeft), number(legendY), number(plotLeft + 30), number(plotLeft + 36),
                 number(legendY + 4), number(plotLeft + 260), number(plotLeft + 290),
                 number(plotLeft + 296));
    return svg + QStringLiteral("</svg>");
}

} // namespace pointage
