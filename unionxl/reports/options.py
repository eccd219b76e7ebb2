"""What a report run was asked for (`Options`) and the chart it draws (`Chart`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Chart:
    """A bar chart of budget vs actual, turned into an image by render.py."""

    income: list[tuple[str, Decimal, Decimal]]  # (科目, 预算数, 决算数)
    expense: list[tuple[str, Decimal, Decimal]]


@dataclass
class Options:
    named: bool = False  # 捐款公示 with the per-person list
    today: dt.date | None = None  # 成文日期 (default: today)
    errors: int = 0  # check errors, when rendering anyway with --force
    notes: list[str] = field(default_factory=list)  # what the user should know (stderr)
