"""Charts of the report (reportlab.graphics): concerns by month, horizontal bars by category, outcome pie.

Every chart labels its values in German number format, so the picture does not rely on colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm

from krm_desktop.documents.reports.numbers import de_int, de_pct

BAR = colors.HexColor("#2b6cb0")
BAR_PREVIOUS = colors.HexColor("#a0aec0")
PIE = (colors.HexColor("#c53030"), colors.HexColor("#2f855a"), colors.HexColor("#718096"))
TEXT = colors.HexColor("#1a202c")
FONT = "Helvetica"


def _axis_number(value: float) -> str:
    return de_int(round(value))


def _nice_max(top: int) -> tuple[int, int]:
    """An axis maximum a bit above the top value, and a round step (about 4–6 gridlines)."""
    top = max(top, 1)
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000, 20000, 50000):
        if top / step <= 5:
            return step * (int(top // step) + 1), step
    step = 10 ** len(str(top))
    return step, step // 5


def month_chart(
    labels: Sequence[str],
    values: Sequence[int],
    previous: Sequence[int] | None = None,
    *,
    width: float = 160 * mm,
    height: float = 62 * mm,
    legend: tuple[str, str] = ("", ""),
) -> Drawing:
    """Vertical bars per month; with `previous`, a lighter bar of the previous period beside each."""
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 14 * mm, 10 * mm
    chart.width, chart.height = width - 18 * mm, height - 18 * mm
    data = [list(values)] + ([list(previous)] if previous is not None else [])
    chart.data = data
    top, step = _nice_max(max(max(series) for series in data))
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, top, step
    chart.valueAxis.labelTextFormat = _axis_number
    chart.valueAxis.labels.fontName, chart.valueAxis.labels.fontSize = FONT, 7
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#e2e8f0")
    chart.categoryAxis.categoryNames = list(labels)
    chart.categoryAxis.labels.fontName, chart.categoryAxis.labels.fontSize = FONT, 7
    chart.categoryAxis.labels.dy = -2
    chart.groupSpacing = 4 if previous is None else 6
    chart.barSpacing = 1
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = None
    if previous is not None:
        chart.bars[1].fillColor = BAR_PREVIOUS
        chart.bars[1].strokeColor = None
    chart.barLabelFormat = _axis_number
    chart.barLabels.fontName, chart.barLabels.fontSize = FONT, 6 if len(labels) > 6 or previous else 7
    chart.barLabels.nudge = 5
    chart.barLabels.fillColor = TEXT
    if previous is not None:
        chart.barLabels.visible = False
        chart.bars[0].label.visible = True  # values of the current period only
    drawing.add(chart)
    if previous is not None and legend[0]:
        key = Legend()
        key.x, key.y = chart.x + chart.width - 60 * mm, height - 1 * mm
        key.alignment = "right"
        key.columnMaximum, key.deltax = 1, 32 * mm
        key.fontName, key.fontSize = FONT, 7
        key.boxAnchor = "nw"
        key.colorNamePairs = [(BAR, legend[0]), (BAR_PREVIOUS, legend[1])]
        drawing.add(key)
    return drawing


def bar_chart(labels: Sequence[str], values: Sequence[int], *, width: float = 160 * mm) -> Drawing:
    """Horizontal bars, one per category, largest values as given (top to bottom)."""
    rows = len(labels)
    bar_height = 5.2 * mm
    height = rows * bar_height + 12 * mm
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 52 * mm, 8 * mm
    chart.width, chart.height = width - 66 * mm, rows * bar_height
    chart.data = [list(reversed(values))]  # the chart draws from the bottom up
    chart.categoryAxis.categoryNames = list(reversed(labels))
    chart.categoryAxis.labels.fontName, chart.categoryAxis.labels.fontSize = FONT, 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -2
    chart.categoryAxis.strokeColor = colors.HexColor("#a0aec0")
    top, step = _nice_max(max(values) if values else 1)
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, top, step
    chart.valueAxis.labelTextFormat = _axis_number
    chart.valueAxis.labels.fontName, chart.valueAxis.labels.fontSize = FONT, 7
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#e2e8f0")
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = None
    chart.barWidth = bar_height * 0.7
    chart.barLabelFormat = _axis_number
    chart.barLabels.fontName, chart.barLabels.fontSize = FONT, 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.barLabels.fillColor = TEXT
    drawing.add(chart)
    return drawing


def outcome_pie(labels: Sequence[str], values: Sequence[int], shares: Sequence[float | None]) -> Drawing:
    """A pie of the complaint outcomes with a legend naming count and share of each slice."""
    width, height = 160 * mm, 52 * mm
    drawing = Drawing(width, height)
    pie = Pie()
    pie.x, pie.y = 8 * mm, 4 * mm
    pie.width = pie.height = 44 * mm
    shown = [(label, value, share) for label, value, share in zip(labels, values, shares, strict=True) if value]
    pie.data = [value for _, value, _ in shown]
    pie.labels = [de_pct(share) for _, _, share in shown]
    pie.simpleLabels = True
    pie.sideLabels = False
    pie.slices.fontName, pie.slices.fontSize = FONT, 8
    pie.slices.labelRadius = 0.62
    pie.slices.fontColor = colors.white
    pie.slices.strokeColor = colors.white
    pie.slices.strokeWidth = 1
    pie.startAngle, pie.direction = 90, "clockwise"
    for index, (label, _, _) in enumerate(shown):
        pie.slices[index].fillColor = PIE[[*labels].index(label) % len(PIE)]
    drawing.add(pie)
    key = Legend()
    key.x, key.y = 62 * mm, height - 12 * mm
    key.fontName, key.fontSize = FONT, 9
    key.boxAnchor = "nw"
    key.columnMaximum = len(shown)
    key.dy = 6
    key.deltay = 14
    key.colorNamePairs = [
        (PIE[[*labels].index(label) % len(PIE)], f"{label}: {de_int(value)} ({de_pct(share)})")
        for label, value, share in shown
    ]
    drawing.add(key)
    return drawing


def note(text: str, width: float = 160 * mm) -> Drawing:
    """A small drawing that says why there is no chart."""
    drawing = Drawing(width, 10 * mm)
    drawing.add(String(0, 3 * mm, text, fontName=FONT, fontSize=9, fillColor=colors.HexColor("#4a5568")))
    return drawing
