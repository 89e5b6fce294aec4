"""Study time per day as a bar chart (QtCharts), with a plain painted chart where QtCharts is missing.

QtCharts lives in PySide6-Addons; the frozen bundle may leave it out, so the import is tried once and
``StudyChart`` falls back to drawing the same bars itself. Either way the colours are the widget's
palette's (the accent for the bars, text and mid tones for labels and lines), read again when the theme
changes.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QLocale, QMargins, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from smrtplayer.ui.common.i18n import day_month

try:  # pragma: no branch - which branch runs depends on the installation
    from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis

    HAVE_QTCHARTS = True
except ImportError:  # pragma: no cover - the frozen bundle without QtCharts
    HAVE_QTCHARTS = False


def minutes(ms: int) -> float:
    return round(ms / 60_000, 1)


#: below this many pixels per day the day numbers are left out (they would all be elided to "…");
#: the period is in the heading above the chart
MIN_PX_PER_LABEL = 18


def _labels(days: list[tuple[date, int]]) -> list[str]:
    """One label per day, all different (a category axis merges equal ones): the day of the month,
    with the month where the same number would come twice."""
    labels: list[str] = []
    for day, _ms in days:
        label = str(day.day)
        labels.append(label if label not in labels else day_month(day))
    return labels


class StudyChart(QWidget):
    """Minutes studied per day for the last days; ``set_days`` repaints."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("studyChart")
        self.setAccessibleName(self.tr("Study time per day"))
        self.setMinimumHeight(160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.days: list[tuple[date, int]] = []
        self._categories: QBarCategoryAxis | None = None
        self.uses_qtcharts = HAVE_QTCHARTS
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._view: QWidget | None = None
        if self.uses_qtcharts:
            self._chart = QChart()
            self._chart.legend().hide()
            self._chart.setMargins(QMargins(4, 4, 4, 4))
            self._chart.setBackgroundRoundness(0)
            self._chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
            view = QChartView(self._chart, self)
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            # Nothing to do in the picture itself: the keyboard passes it, a screen reader reads
            # the summary the chart carries.
            view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            view.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)
            view.setAccessibleName(self.accessibleName())
            layout.addWidget(view)
            self._view = view
            self._apply_palette()

    def sizeHint(self) -> QSize:
        return QSize(420, 180)

    def set_days(self, days: list[tuple[date, int]]) -> None:
        self.days = list(days)
        self.setAccessibleDescription(self.summary())
        if self._view is not None:
            self._view.setAccessibleDescription(self.summary())
        if self.uses_qtcharts:
            self._rebuild_chart()
        else:
            self.update()

    def bar_colour(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.Accent)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.uses_qtcharts:
            self._apply_palette()

    def _apply_palette(self) -> None:
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        self._chart.setBackgroundBrush(QBrush(base))
        self._chart.setBackgroundPen(Qt.PenStyle.NoPen)
        if isinstance(self._view, QChartView):
            self._view.setBackgroundBrush(QBrush(base))
        text = QBrush(palette.color(QPalette.ColorRole.Text))
        line = palette.color(QPalette.ColorRole.Mid)
        for axis in self._chart.axes():
            axis.setLabelsBrush(text)
            axis.setTitleBrush(text)
            axis.setLinePenColor(line)
            axis.setGridLineColor(line)
        for series in self._chart.series():
            if isinstance(series, QBarSeries):
                for bars in series.barSets():
                    bars.setColor(self.bar_colour())
                    bars.setBorderColor(self.bar_colour())

    def summary(self) -> str:
        """The chart in words, for screen readers: the total, the days studied and the busiest day."""
        if not self.days:
            return self.tr("No study time yet")
        total = sum(ms for _day, ms in self.days)
        studied = sum(1 for _day, ms in self.days if ms > 0)
        if not studied:
            return self.tr("No study time in the last %n day(s)", "", len(self.days))
        busiest, busiest_ms = max(self.days, key=lambda entry: entry[1])
        return self.tr(
            "{total} min over the last {days} days, on {studied} of them; most on {day}: {most} min"
        ).format(
            total=f"{minutes(total):g}",
            days=len(self.days),
            studied=studied,
            day=QLocale().toString(QDate(busiest), QLocale.FormatType.ShortFormat),
            most=f"{minutes(busiest_ms):g}",
        )

    def day_labels_fit(self) -> bool:
        return not self.days or (self.width() - 40) / len(self.days) >= MIN_PX_PER_LABEL

    def resizeEvent(self, event: object) -> None:
        if self.uses_qtcharts and self._categories is not None:
            self._categories.setLabelsVisible(self.day_labels_fit())

    def _rebuild_chart(self) -> None:
        chart = self._chart
        chart.removeAllSeries()
        for axis in list(chart.axes()):
            chart.removeAxis(axis)
        bars = QBarSet(self.tr("Minutes"))
        for _day, ms in self.days:
            bars.append(minutes(ms))
        series = QBarSeries()
        series.setBarWidth(0.7)
        series.append(bars)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append(_labels(self.days))
        categories.setGridLineVisible(False)
        small = QFont(self.font())
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.75))
        categories.setLabelsFont(small)
        categories.setLabelsVisible(self.day_labels_fit())
        self._categories = categories
        values = QValueAxis()
        top = max([minutes(ms) for _day, ms in self.days] + [10.0])
        values.setRange(0, _nice_ceiling(top))
        values.setLabelFormat("%d")
        values.setTitleText(self.tr("minutes"))
        values.setTickCount(5)
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(values)
        self._apply_palette()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.uses_qtcharts or not self.days:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect()).adjusted(30, 8, -8, -22)
        top = _nice_ceiling(max([minutes(ms) for _day, ms in self.days] + [10.0]))
        width = area.width() / len(self.days)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(QRectF(0, area.top() - 4, 28, 16), Qt.AlignmentFlag.AlignRight, f"{top:g}′")
        labels = _labels(self.days) if self.day_labels_fit() else [""] * len(self.days)
        for index, ((_day, ms), label) in enumerate(zip(self.days, labels, strict=True)):
            height = area.height() * minutes(ms) / top
            bar = QRectF(
                area.left() + index * width + width * 0.15, area.bottom() - height, width * 0.7, height
            )
            painter.fillRect(bar, self.bar_colour())
            painter.drawText(
                QRectF(area.left() + index * width, area.bottom() + 2, width, 18),
                Qt.AlignmentFlag.AlignHCenter,
                label,
            )
        painter.end()


def _nice_ceiling(value: float) -> float:
    for step in (10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 360, 480, 720, 1440):
        if value <= step:
            return float(step)
    return float(value)
