"""The 决算报告's budget chart: its size, bars as long as their values, round ticks."""

from __future__ import annotations

import io
from collections import Counter
from decimal import Decimal

import pytest
from PIL import Image

from unionxl.reports import chart
from unionxl.reports.options import Chart

D = Decimal

needs_font = pytest.mark.skipif(chart.cjk_font() is None, reason="no CJK font installed")


def png(lines_in, lines_out=()) -> Image.Image:
    data = chart.chart_png(Chart(list(lines_in), list(lines_out)))
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    return Image.open(io.BytesIO(data)).convert("RGB")


def rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def bars(image: Image.Image, colour: str) -> list[int]:
    """Lengths of the bars in `colour`: per pixel row, its longest run of that colour,
    kept where the run starts at the zero line (the legend's swatch starts elsewhere)."""
    want, (width, height) = rgb(colour), image.size
    runs = []
    for y in range(height):
        best, start = (0, 0), None
        for x in range(width + 1):
            if x < width and image.getpixel((x, y)) == want:
                start = x if start is None else start
            elif start is not None:
                best, start = max(best, (x - start, start)), None
        if best[0]:
            runs.append((best[1], best[0]))
    zero = Counter(start for start, _ in runs).most_common(1)[0][0]
    return sorted({length for start, length in runs if start == zero}, reverse=True)


@needs_font
def test_chart_is_150_mm_wide_at_200_dpi_and_as_tall_as_its_rows():
    one = png([("会费收入", D(100), D(90)), ("其他收入", D(0), D(5))])
    assert one.size == (round(150 / 25.4 * 200), round((0.8 + 2 * 0.26 + 0.45) * 200))
    two = png([("会费收入", D(1), D(1))], [("职工活动支出", D(1), D(1))] * 3)
    assert two.size[1] == round((0.8 + 4 * 0.26 + 2 * 0.45) * 200)
    many = png([(f"科目{i}", D(i), D(i)) for i in range(40)])
    assert many.size == (round(150 / 25.4 * 200), round(150 / 25.4 * 200))
    data = chart.chart_png(Chart([("会费收入", D(1), D(1))], []))
    assert Image.open(io.BytesIO(data)).info["dpi"] == pytest.approx((200, 200), abs=0.01)


@needs_font
def test_bar_lengths_are_proportional_to_the_values():
    image = png([("会费收入", D(800), D(1000)), ("拨缴经费收入", D(200), D("400.50"))])
    actual, budget = bars(image, chart.ACTUAL_COLOUR), bars(image, chart.BUDGET_COLOUR)
    assert len(actual) == len(budget) == 2, (actual, budget)
    unit = actual[0] / 1000  # pixels per yuan
    assert actual[1] == pytest.approx(400.5 * unit, abs=1.5)
    assert budget == [pytest.approx(800 * unit, abs=1.5), pytest.approx(200 * unit, abs=1.5)]
    # 1000 is the largest value: its bar nearly fills the width (5 % spare beyond it)
    assert 0.6 * image.size[0] < actual[0] < image.size[0]


@needs_font
def test_an_empty_chart_says_there_is_no_data():
    image = png([])
    assert image.size[1] == round((0.8 + 0.26) * 200)
    colours = {colour for _, colour in image.getcolors(1 << 24)}
    assert any(sum(c) < 200 for c in colours)  # the sentence, in black
    assert rgb(chart.ACTUAL_COLOUR) not in colours and rgb(chart.BUDGET_COLOUR) not in colours


def test_without_a_cjk_font_the_chart_is_unavailable_with_a_reason(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(chart, "FONT_FOLDERS", (tmp_path,))
    chart.cjk_font.cache_clear()
    try:
        assert chart.cjk_font_path() is None
        with pytest.raises(chart.ChartUnavailable, match="没有找到中文字体"):
            chart.chart_png(Chart([("会费收入", D(1), D(1))], []))
    finally:
        chart.cjk_font.cache_clear()


def test_ticks_are_round_steps_covering_the_values():
    assert chart.nice_ticks(D(0), D(651)) == [D(0), D(200), D(400), D(600), D(800)]
    assert chart.nice_ticks(D(0), D(421)) == [D(v) for v in (0, 100, 200, 300, 400, 500)]
    assert chart.nice_ticks(D(0), D(13)) == [
        D(v) for v in ("0", "2.5", "5", "7.5", "10", "12.5", "15")
    ]
    assert chart.nice_ticks(D(0), D(0)) == [D(v) for v in ("0", "0.2", "0.4", "0.6", "0.8", "1")]
    assert chart.nice_ticks(D(-30), D(100)) == [D(v) for v in range(-50, 101, 25)]
    for high in [D(n) / 7 for n in range(1, 3000, 37)] + [D(10) ** k for k in range(-2, 9)]:
        ticks = chart.nice_ticks(D(0), high)
        step = ticks[1] - ticks[0]
        digits = (step / D(10) ** step.adjusted()).normalize()
        assert digits in (1, 2, D("2.5"), 5), (high, step)
        assert ticks[0] == 0 and ticks[-2] < high <= ticks[-1] and len(ticks) <= 7
        assert all(b - a == step for a, b in zip(ticks, ticks[1:]))


def test_tick_labels_have_thousands_separators_and_the_decimals_the_step_needs():
    assert chart.tick_label(D(250000), D(50000)) == "250,000"
    assert chart.tick_label(D("12.5"), D("2.5")) == "12.5"
    assert chart.tick_label(D(10), D("2.5")) == "10.0"
    assert chart.tick_label(D("0.25"), D("0.05")) == "0.25"
