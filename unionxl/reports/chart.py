"""Bar chart of budget vs actual per 科目, as PNG bytes, with Chinese labels.

matplotlib is used through its object API (`Figure`, no pyplot, no rcParams), so the
library changes no global state. Chinese needs a CJK font: the first one installed
from CJK_FONTS (Windows, macOS and Debian's fonts-noto-cjk names), else None and the
caller says so.
"""

from __future__ import annotations

import io
import re
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
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
BUDGET_COLOUR, ACTUAL_COLOUR = "#9db4d3", "#2f5597"
MAX_HEIGHT_MM = 150  # with its heading, the chart fits on one page


class ChartUnavailable(Exception):
    """matplotlib or a CJK font is missing: the reason, in Chinese."""


@lru_cache(maxsize=1)
def cjk_font_path() -> str | None:
    """The first CJK font matplotlib knows; else the first on disk (a font cache made
    before the fonts were installed must not hide them)."""
    from matplotlib import font_manager

    installed = {f.name: f.fname for f in font_manager.fontManager.ttflist}
    for name in CJK_FONTS:
        if name in installed:
            return installed[name]
    return fonts_on_disk()


def fonts_on_disk() -> str | None:
    """Scan the system's font folders (matplotlib's cached list may be out of date)."""
    from matplotlib import font_manager

    found: dict[str, str] = {}
    for path in font_manager.findSystemFonts():
        try:
            family = font_manager.get_font(path).family_name
        except (OSError, RuntimeError, ValueError):
            continue
        # a .ttc's first face may be the JP/TC one: every face has the Chinese characters
        found.setdefault(re.sub(r" (JP|TC|KR|HK)$", " SC", family), path)
    return next((found[name] for name in CJK_FONTS if name in found), None)


def chart_png(chart: Chart, *, width_mm: float = 150) -> bytes:
    """Horizontal grouped bars (预算数, 决算数), one panel for 收入 and one for 支出."""
    try:
        from matplotlib.figure import Figure
        from matplotlib.font_manager import FontProperties
        from matplotlib.ticker import FuncFormatter
    except ImportError:
        raise ChartUnavailable(
            "未安装 matplotlib，决算报告中不含对比图（pip install matplotlib）"
        ) from None
    font_path = cjk_font_path()
    if font_path is None:
        raise ChartUnavailable(
            "没有找到中文字体（如 黑体、微软雅黑、Noto Sans CJK），决算报告中不含对比图"
        )
    font = FontProperties(fname=font_path, size=9)
    panels = [
        (title, lines)
        for title, lines in (("收入", chart.income), ("支出", chart.expense))
        if lines
    ]
    rows = sum(len(lines) for _, lines in panels) or 1
    height_in = min(0.8 + 0.26 * rows + 0.45 * len(panels), MAX_HEIGHT_MM / 25.4)
    largest = max((float(max(b, a)) for _, lines in panels for _, b, a in lines), default=0)
    scale, unit = (10_000, "万元") if largest >= 100_000 else (1, "元")
    fig = Figure(figsize=(width_mm / 25.4, height_in), dpi=200)
    if not panels:
        ax = fig.add_subplot()
        ax.text(0.5, 0.5, "没有预算和收支数据", ha="center", va="center", fontproperties=font)
        ax.set_axis_off()
    else:
        axes = fig.subplots(
            len(panels), 1, squeeze=False, height_ratios=[len(lines) for _, lines in panels]
        )
        for ax, (title, lines) in zip(axes[:, 0], panels, strict=True):
            draw(
                ax,
                f"{title}（{unit}）",
                lines,
                font,
                scale,
                FuncFormatter(lambda x, _: f"{x:,.0f}"),
            )
        handles, labels = axes[0, 0].get_legend_handles_labels()
        fig.legend(handles, labels, prop=font, loc="upper right", ncols=2, frameon=False)
    fig.tight_layout(rect=(0, 0, 1, 0.96))
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()


def draw(
    ax, title: str, lines: list[tuple[str, Decimal, Decimal]], font, scale: int, formatter
) -> None:
    from matplotlib.ticker import MaxNLocator

    names = [name for name, _, _ in lines][::-1]
    budgets = [float(b) / scale for _, b, _ in lines][::-1]
    actuals = [float(a) / scale for _, _, a in lines][::-1]
    positions = range(len(names))
    bar = 0.38
    ax.barh(
        [p + bar / 2 for p in positions], budgets, height=bar, color=BUDGET_COLOUR, label="预算数"
    )
    ax.barh(
        [p - bar / 2 for p in positions], actuals, height=bar, color=ACTUAL_COLOUR, label="决算数"
    )
    ax.set_yticks(list(positions), names, fontproperties=font)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 2.5, 5, 10]))
    ax.xaxis.set_major_formatter(formatter)
    for label in ax.get_xticklabels():
        label.set_fontproperties(font)
    ax.set_title(title, fontproperties=font, loc="left")
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
