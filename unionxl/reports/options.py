"""What a report run was asked for (`Options`) and the chart it draws (`Chart`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from unionxl.figures.model import Totals


@dataclass(frozen=True)
class Chart:
    """A bar chart of budget vs actual, turned into an image by render.py."""

    income: list[tuple[str, Decimal, Decimal]]  # (科目, 预算数, 决算数)
    expense: list[tuple[str, Decimal, Decimal]]


@dataclass
class Options:
    named: bool = False  # 捐款公示 with the per-person list
    date: dt.date | None = None  # 成文日期 asked for (--date), over 设置's
    today: dt.date | None = None  # the day the reports are made (default: the clock's)
    previous: Totals | None = None  # last year's office (--previous), for the 决算报告
    errors: int = 0  # check errors, when rendering anyway with --force
    notes: list[str] = field(default_factory=list)  # what the user should know (stderr)
