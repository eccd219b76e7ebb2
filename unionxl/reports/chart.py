"""Bar chart of budget vs actual per 科目, as PNG bytes, with Chinese labels.

Drawn with Pillow (a few rectangles, lines and texts): importing a plotting library
cost more than the rest of a report run. Chinese needs a CJK font: the first one
installed from CJK_FONTS (Windows, macOS and Debian's fonts-noto-cjk names), found by
fontconfig where there is one, else in the usual font folders; else the caller says so.
"""

from __future__ import annotations

import io
import os
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image, ImageDraw, ImageFont

from unionxl.reports.fonts import fontconfig_faces

if TYPE_CHECKING:
    from collections.abc import Callable

    from unionxl.reports.options import Chart

CJK_FONTS = (
    "Microsoft YaHei",
    "SimHei",
    "SimSun",
    "FangSong",
    "PingFang SC",
    "Hiragino Sans GB",
    "Noto Sans CJK SC",
    "Noto Serif CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
)
FONT_FOLDERS = (
    Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts",
    Path(os.environ.get("LOCALAPPDATA", "~")) / "Microsoft" / "Windows" / "Fonts",
    Path("/System/Library/Fonts"),
    Path("/Library/Fonts"),
    Path("~/Library/Fonts"),
    Path("/usr/share/fonts"),
    Path("/usr/local/share/fonts"),
    Path("~/.fonts"),
    Path("~/.local/share/fonts"),
)
BUDGET_COLOUR, ACTUAL_COLOUR = "#9db4d3", "#2f5597"
GRID_COLOUR, AXIS_COLOUR, TEXT_COLOUR = "#dddddd", "#000000", "#000000"
MAX_HEIGHT_MM = 150  # with its heading, the chart fits on one page
DPI = 200
FONT_PT = 9
NO_FONT = "没有找到中文字体（如 黑体、微软雅黑、Noto Sans CJK），决算报告中不含对比图"

Font = tuple[str, int]  # a font file and the index of its Simplified Chinese face
Line = tuple[str, Decimal, Decimal]  # (科目, 预算数, 决算数)


class ChartUnavailable(Exception):
    """No CJK font is installed: the reason, in Chinese."""


# --- finding a Chinese font -----------------------------------------------------------


@lru_cache(maxsize=1)
def cjk_font() -> Font | None:
    """The first CJK_FONTS font fontconfig knows; else the first in the font folders
    (Windows and macOS have no fontconfig)."""
    return fontconfig_font() or folder_font()


def cjk_font_path() -> str | None:
    """The file of the CJK font the chart is drawn with (None: there is none)."""
    found = cjk_font()
    return found[0] if found else None


def fontconfig_font() -> Font | None:
    """The first CJK_FONTS face fontconfig knows; None when fontconfig is not installed."""
    faces = fontconfig_faces()
    if faces is None:
        return None
    found: dict[str, Font] = {}
    for face in sorted(faces, key=lambda f: (",".join(f.families), f.style, f.index, f.file)):
        for name in face.families:
            # the Regular face over Bold, Light ... (as in the font folders)
            if name not in found or "Regular" in face.style.split(","):
                found[name] = (face.file, face.index)
    return next((found[name] for name in CJK_FONTS if name in found), None)


def folder_font() -> Font | None:
    """Read the family name of every font file in FONT_FOLDERS."""
    found: dict[str, Font] = {}
    for folder in FONT_FOLDERS:
        try:
            files = sorted(p for p in folder.expanduser().rglob("*") if p.is_file())
        except OSError:
            continue
        for path in files:
            if path.suffix.lower() in (".ttf", ".ttc", ".otf", ".otc"):
                for name, style, index in faces(path):
                    if name not in found or style == "Regular":
                        found[name] = (str(path), index)
    return next((found[name] for name in CJK_FONTS if name in found), None)


def faces(path: Path) -> list[tuple[str, str, int]]:
    """(family, style, face index) of each face in a font file; a .ttc holds several,
    and Noto Sans CJK's begins with its Japanese face."""
    result: list[tuple[str, str, int]] = []
    for index in range(64):
        try:
            family, style = ImageFont.truetype(str(path), index=index).getname()
        except OSError:  # past the last face, or not a font
            break
        result.append((family or "", style or "", index))
        if path.suffix.lower() not in (".ttc", ".otc"):
            break
    return result


# --- ticks (pure) ---------------------------------------------------------------------


def nice_ticks(low: Decimal, high: Decimal, most: int = 6) -> list[Decimal]:
    """Ticks from at or below min(low, 0) to at or above max(high, 0), at most `most`
    steps of 1, 2, 2.5 or 5 × 10^n (the smallest such step that fits)."""
    low, high = min(low, Decimal(0)), max(high, Decimal(0))
    if high == low:
        high = low + 1
    power = Decimal(10) ** ((high - low) / most).adjusted()
    for multiple in (1, 2, Decimal("2.5"), 5, 10, 20, 25, 50):
        step = power * multiple
        first = int((low / step).to_integral_value(ROUND_FLOOR))
        last = int((high / step).to_integral_value(ROUND_CEILING))
        if last - first <= most:
            break
    return [step * i for i in range(first, last + 1)]


def tick_label(tick: Decimal, step: Decimal) -> str:
    """`12,500`; as many decimals as the step needs (`0.25`)."""
    places = max(0, -step.normalize().as_tuple().exponent)  # type: ignore[operator]
    return f"{tick:,.{places}f}"


# --- drawing --------------------------------------------------------------------------


def chart_png(chart: Chart, *, width_mm: float = 150) -> bytes:
    """Horizontal grouped bars (预算数, 决算数), one panel for 收入 and one for 支出."""
    found = cjk_font()
    if found is None:
        raise ChartUnavailable(NO_FONT)
    panels = [
        (title, lines)
        for title, lines in (("收入", chart.income), ("支出", chart.expense))
        if lines
    ]
    rows = sum(len(lines) for _, lines in panels) or 1
    height_in = min(0.8 + 0.26 * rows + 0.45 * len(panels), MAX_HEIGHT_MM / 25.4)
    size = (round(width_mm / 25.4 * DPI), round(height_in * DPI))
    image = Image.new("RGB", size, "white")
    pen = ImageDraw.Draw(image)
    font = ImageFont.truetype(found[0], size=round(FONT_PT / 72 * DPI), index=found[1])
    if not panels:
        pen.text((size[0] / 2, size[1] / 2), "没有预算和收支数据", TEXT_COLOUR, font, "mm")
    else:
        draw(pen, size, panels, font)
    buffer = io.BytesIO()
    # A few flat colours: zlib's fastest level is a third of the time for a few KB more.
    image.save(buffer, format="PNG", dpi=(DPI, DPI), optimize=False, compress_level=1)
    return buffer.getvalue()


def draw(
    pen: ImageDraw.ImageDraw,
    size: tuple[int, int],
    panels: list[tuple[str, list[Line]]],
    font: ImageFont.FreeTypeFont,
) -> None:
    """The legend at the top right, then the panels stacked, a row's height shared."""
    em = font.size
    width, height = size
    largest = max(max(b, a) for _, lines in panels for _, b, a in lines)
    scale, unit = (Decimal(10_000), "万元") if largest >= 100_000 else (Decimal(1), "元")
    names = [name for _, lines in panels for name, _, _ in lines]
    left = round(em * 0.6 + max(pen.textlength(n, font) for n in names) + em * 0.6)
    right = width - round(em * 1.2)  # room for half the last tick label
    top = legend(pen, right, round(em * 0.3), font) + round(em * 0.4)
    # per panel: its title above, tick labels below; the rows share what is left
    overhead = len(panels) * round(em * 3.4) + round(em * 1.2) * (len(panels) - 1)
    row_height = (height - top - overhead) / sum(len(lines) for _, lines in panels)
    for title, lines in panels:
        pen.text((left, top), f"{title}（{unit}）", TEXT_COLOUR, font, "lt")
        top += round(em * 1.5)
        bottom = top + round(row_height * len(lines))
        view = view_range([v / scale for _, b, a in lines for v in (b, a)])
        ticks = [t for t in nice_ticks(*view) if view[0] <= t <= view[1]]

        def x(value: Decimal, view: tuple[Decimal, Decimal] = view) -> float:
            return left + float((value - view[0]) / (view[1] - view[0])) * (right - left)

        axis(pen, (left, top, right, bottom), ticks, x, font)
        bar = row_height * 0.38
        zero = round(x(Decimal(0)))
        for i, (name, budget, actual) in enumerate(lines):
            middle = top + row_height * (i + 0.5)
            for value, colour, y0 in (
                (budget / scale, BUDGET_COLOUR, middle - bar),
                (actual / scale, ACTUAL_COLOUR, middle),
            ):
                start, end = sorted((zero, round(x(value))))
                if end > start:
                    box = (start, round(y0), end - 1, round(y0 + bar) - 1)
                    pen.rectangle(box, fill=colour)
            pen.text((left - em * 0.6, middle), name, TEXT_COLOUR, font, "rm")
        top = bottom + round(em * 1.9) + round(em * 1.2)


def view_range(values: list[Decimal]) -> tuple[Decimal, Decimal]:
    """From 0 (or the lowest value) to the highest value, 5 % to spare beyond the data."""
    low, high = min(*values, Decimal(0)), max(*values, Decimal(0))
    if high == low:
        high = low + 1
    spare = (high - low) / 20
    return (low - spare if low < 0 else low), (high + spare if high > 0 else high)


def axis(
    pen: ImageDraw.ImageDraw,
    box: tuple[int, int, int, int],
    ticks: list[Decimal],
    x: Callable[[Decimal], float],
    font: ImageFont.FreeTypeFont,
) -> None:
    """Light grid lines at the ticks, the left and bottom axis lines, the tick labels."""
    left, top, right, bottom = box
    line = max(1, round(font.size / 16))
    step = ticks[1] - ticks[0]
    for tick in ticks:
        at = round(x(tick))
        if tick != ticks[0]:
            pen.line((at, top, at, bottom), GRID_COLOUR, line)
        pen.line((at, bottom, at, bottom + font.size * 0.25), AXIS_COLOUR, line)
        label = tick_label(tick, step)
        pen.text((at, bottom + font.size * 0.4), label, TEXT_COLOUR, font, "ma")
    pen.line((left, top, left, bottom), AXIS_COLOUR, line)
    pen.line((left, bottom, right, bottom), AXIS_COLOUR, line)


def legend(pen: ImageDraw.ImageDraw, right: int, top: int, font: ImageFont.FreeTypeFont) -> int:
    """预算数 and 决算数 swatches ending at `right`; returns the bottom of the legend."""
    em = font.size
    swatch = round(em * 1.4), round(em * 0.7)
    x = right
    for label, colour in (("决算数", ACTUAL_COLOUR), ("预算数", BUDGET_COLOUR)):
        x -= round(pen.textlength(label, font))
        pen.text((x, top + em / 2), label, TEXT_COLOUR, font, "lm")
        x -= round(em * 0.4) + swatch[0]
        y = top + (em - swatch[1]) // 2
        pen.rectangle((x, y, x + swatch[0] - 1, y + swatch[1] - 1), fill=colour)
        x -= round(em * 1.5)
    return top + round(em)
