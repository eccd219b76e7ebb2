"""Turn raw cell values (as calamine reads them) into typed values, exactly.

Each parser returns the typed value, or raises `BadValue` with a Chinese reason that a
clerk understands. Empty cells are `None` before any parser sees them.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
import re
from collections.abc import Callable, Sequence
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from operator import methodcaller
from typing import Any

from unionxl.model.schema import Column, Kind

FULLWIDTH = str.maketrans("０１２３４５６７８９．，－＋", "0123456789.,-+")
SPACES = " \u3000\t\r\n\xa0"
EXCEL_EPOCH = dt.date(1899, 12, 30)


class BadValue(ValueError):
    """A cell whose value cannot be read as its column's kind."""

    def __init__(self, message: str, rule: str = "value.type") -> None:
        super().__init__(message)
        self.rule = rule


# What offices write for "nothing here" (台账格式 §1b): read as a blank cell.
BLANK_TOKENS = frozenset(("--", "-", "/", "无", "—", "——", "－", "／"))


class Month(dt.date):
    """A year-month written without a day (`1977.06`, `2002-06`, `1977年6月`).

    Kept as a month, not a made-up day: it says so (`is_month`), prints as `1977-06`,
    and equals any date in that month (so a 身份证号's birth date agrees with it).
    Stored as the month's first day for ordering.
    """

    is_month = True

    def __new__(cls, year: int, month: int) -> Month:  # noqa: D102
        return super().__new__(cls, year, month, 1)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, dt.date) and not isinstance(other, dt.datetime):
            return (self.year, self.month) == (other.year, other.month)
        return NotImplemented

    def __ne__(self, other: object) -> bool:
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    __hash__ = dt.date.__hash__

    def last_day(self) -> dt.date:
        following = dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)

    def isoformat(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    __str__ = isoformat

    def __repr__(self) -> str:
        return f"Month({self.year}, {self.month})"


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.strip(SPACES) == "")


def clean_text(value: Any) -> str:
    """Cell -> text; numbers that are whole become '123', not '123.0'."""
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return format(value, ".15g")
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    return str(value)


def float_to_decimal(value: float) -> Decimal:
    """Excel keeps 15 significant digits: 274.65999999999997 -> 274.66."""
    return Decimal(format(value, ".15g"))


MAX_MONEY = Decimal(10) ** 12  # 一万亿元
CENT = Decimal("0.01")


def shorten_number(amount: Decimal) -> str:
    text = f"{amount:f}"
    return text if len(text) <= 20 else f"{amount:.3e}"


def parse_money(value: Any, scale: Decimal | None = None) -> Decimal:
    """`scale`: the header's unit in yuan (万元: 10000), applied before the fen check."""
    if isinstance(value, bool):
        raise BadValue("应为金额（数字），不是 TRUE/FALSE")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise BadValue("不是金额（单元格里是无穷大或非数字），请填写数字，如 1234.50")
        amount = float_to_decimal(value)
    elif isinstance(value, dt.date):
        raise BadValue("应为金额，这里却是日期（检查单元格格式）")
    else:
        text = str(value).strip(SPACES).translate(FULLWIDTH).replace(",", "").replace(" ", "")
        text = text.lstrip("¥￥").removesuffix("元")
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise BadValue(f"“{value}”不是金额，请填写数字，如 1234.50") from None
        if not amount.is_finite():
            raise BadValue(f"“{value}”不是金额，请填写数字，如 1234.50")
    if scale is not None:
        amount = amount * scale
    if abs(amount) >= MAX_MONEY:  # beyond any real ledger (and Decimal's 28 digits)
        raise BadValue(f"金额 {shorten_number(amount)} 过大，请检查是否录错")
    exponent = amount.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2 and amount != amount.quantize(CENT):
        raise BadValue(f"金额 {amount} 超过两位小数，金额只能精确到分")
    return amount


DATE_TEXT = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
MONTH_TEXT = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$|^(\d{4})(\d{2})$")


def parse_year_month(value: Any) -> Month | None:
    """`1977.06`, `1977.6`, `2002-06`, `2002/6`, `1977年6月`, `197706` -> Month, else None.

    A number 1977.06 is read from its digits as Excel shows them (1977.1 is January:
    Excel stores 1977.10 as 1977.1, so October must be typed as text or 1977年10月).
    """
    if isinstance(value, bool) or isinstance(value, dt.date):
        return None
    if isinstance(value, float | int):
        text = format(value, ".15g")
        if not re.fullmatch(r"\d{4}\.\d{1,2}", text):
            return None
    else:
        text = str(value).strip(SPACES).translate(FULLWIDTH)
    m = MONTH_TEXT.match(text)
    if not m:
        return None
    year, month = (int(m[1]), int(m[2])) if m[1] else (int(m[3]), int(m[4]))
    if 1900 <= year <= 2100 and 1 <= month <= 12:
        return Month(year, month)
    return None


def parse_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise BadValue("应为日期，不是 TRUE/FALSE")
    if isinstance(value, int | float):
        # An Excel serial number in a cell without date format.
        if 1 <= value < 2958466:
            return EXCEL_EPOCH + dt.timedelta(days=int(value))
        raise BadValue(f"“{clean_text(value)}”不是日期，请写成 2023-07-11")
    text = str(value).strip(SPACES).translate(FULLWIDTH)
    m = DATE_TEXT.match(text)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            raise BadValue(f"“{value}”不是有效日期（没有这一天）") from None
    if text.isdigit() and 20000 <= int(text) < 80000:  # a serial typed as text
        return EXCEL_EPOCH + dt.timedelta(days=int(text))
    raise BadValue(f"“{value}”不是日期，请写成 2023-07-11 或 2023年7月11日")


MONTH_TEXT = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$")


def parse_month(value: Any) -> dt.date:
    """会费's 月份 (台账格式 §2b): `2023-01`, `2023年1月`, `2023/1`, `202301`, or any date in
    that month (a real date, a serial, a date typed as text). Returns the month's 1st day."""
    if isinstance(value, bool):
        raise BadValue("应为月份，不是 TRUE/FALSE")
    if isinstance(value, int | float) and 190001 <= value <= 210012 and float(value).is_integer():
        number = int(value)
        if 1 <= number % 100 <= 12:
            return dt.date(number // 100, number % 100, 1)
    if isinstance(value, str):
        text = value.strip(SPACES).translate(FULLWIDTH)
        m = MONTH_TEXT.match(text)
        if m:
            if not 1 <= int(m[2]) <= 12:
                raise BadValue(f"“{value}”不是有效月份（月份应为 1 到 12）")
            return dt.date(int(m[1]), int(m[2]), 1)
        if re.fullmatch(r"\d{6}", text) and 1 <= int(text[4:]) <= 12:
            return dt.date(int(text[:4]), int(text[4:]), 1)
    try:
        return parse_date(value).replace(day=1)
    except BadValue:
        raise BadValue(f"“{clean_text(value)}”不是月份，请写成 2023-01 或 2023年1月") from None


NAME_SEPARATORS = re.compile(r"[、，,;；\s\u3000]+")


def split_names(text: str | None) -> list[str]:
    """附议人 (台账格式 §2): names or 工号 separated by 、，, ; or spaces."""
    if not text:
        return []
    return [part for part in NAME_SEPARATORS.split(text.translate(FULLWIDTH)) if part]


def parse_int(value: Any) -> int:
    if isinstance(value, bool):
        raise BadValue("应为整数，不是 TRUE/FALSE")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise BadValue(f"“{clean_text(value)}”应为整数")
    text = str(value).strip(SPACES).translate(FULLWIDTH).removesuffix("人").removesuffix("年")
    if re.fullmatch(r"[+-]?\d+", text):
        return int(text)
    raise BadValue(f"“{value}”应为整数")


def parse_code(value: Any) -> str:
    """工号/编号: text as written; a number stored by Excel becomes its digits."""
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return format(value, ".15g")
    return clean_text(value).strip(SPACES)


def parse_choice(value: Any, column: Column) -> str:
    text = clean_text(value).strip(SPACES)
    text = column.synonyms.get(text, text)
    if text not in column.choices:
        allowed = "、".join(column.choices)
        raise BadValue(f"“{value}”不在可选值中，应为：{allowed}")
    return text


def parse_phone(value: Any) -> str:
    return parse_code(value).replace("-", "").replace(" ", "")


def parse_idcard(value: Any) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise BadValue(
            "身份证号被存成了数字，Excel 只保留 15 位有效数字，后几位已丢失：请把单元格设为文本并重新录入",
            rule="member.idcard.number",
        )
    return clean_text(value).strip(SPACES).upper()


def parse_text(value: Any) -> str:
    return clean_text(value)


def parse(value: Any, column: Column) -> Any:
    """Typed value of a cell for `column`; None when it holds only spaces or a blank
    token (`--`, `-`, `/`, `无`; raises BadValue)."""
    if type(value) is str:
        text = value.strip(SPACES)
        if not text or text in BLANK_TOKENS:
            return None
    kind = column.kind
    if kind is Kind.MONEY:
        return parse_money(value)
    if kind is Kind.DATE:
        if column.month_ok and not isinstance(value, dt.date):
            month = parse_year_month(value)
            if month is not None:
                return month
        return parse_date(value)
    if kind is Kind.INT:
        return parse_int(value)
    if kind is Kind.CODE:
        return parse_code(value)
    if kind is Kind.CHOICE:
        return parse_choice(value, column)
    if kind is Kind.IDCARD:
        return parse_idcard(value)
    if kind is Kind.PHONE:
        return parse_phone(value)
    if kind is Kind.MONTH:
        return parse_month(value)
    if kind is Kind.KEY:
        return clean_text(value).strip(SPACES)
    return parse_text(value).strip(SPACES)


TEXT_KINDS = (Kind.TEXT, Kind.KEY, Kind.CODE)
# `x is None` in C, for map(): `None in column` asks every Decimal `== None`, which
# costs an isinstance check against an abstract class per cell.
is_none = functools.partial(operator.is_, None)
_strip_spaces = methodcaller("strip", SPACES)


def text_column(cells: Sequence[Any]) -> list[str | None] | None:
    """A whole text column in C (map + methodcaller); None if a cell is not text
    (a number in a 工号 column, say), and the caller then goes cell by cell."""
    try:
        typed = [v or None for v in map(_strip_spaces, cells)]
    except (AttributeError, TypeError):
        return None
    if not BLANK_TOKENS.isdisjoint(typed):
        typed = [None if v in BLANK_TOKENS else v for v in typed]
    return typed


def scaled_money_parser(scale: Decimal) -> Callable[[Any], Decimal | None]:
    """Amounts in a column whose header says 万元: exact, ×`scale`."""

    def money(v: Any) -> Decimal | None:
        if type(v) is str and blank_token(v.strip(SPACES)) is None:
            return None
        return parse_money(v, scale)

    return money


def blank_token(text: str) -> str | None:
    return None if not text or text in BLANK_TOKENS else text


def parser_for(column: Column) -> Callable[[Any], Any]:
    """A parser for one column, specialised once so the per-cell path stays short.

    Same results as `parse(value, column)`: None for a cell of only spaces, else the
    typed value (or BadValue). Text cells take a fast path; amounts are cached, as a
    ledger repeats the same few amounts thousands of times.
    """
    kind = column.kind
    if kind in (Kind.TEXT, Kind.KEY):
        return lambda v: (
            blank_token(v.strip(SPACES)) if type(v) is str else clean_text(v).strip(SPACES)
        )
    if kind is Kind.CODE:
        return lambda v: blank_token(v.strip(SPACES)) if type(v) is str else parse_code(v)
    if kind is Kind.IDCARD:
        return lambda v: blank_token(v.strip(SPACES).upper()) if type(v) is str else parse_idcard(v)
    if kind is Kind.DATE:
        return lambda v: v if type(v) is dt.date else parse(v, column)
    if kind is Kind.CHOICE:
        choices, synonyms = frozenset(column.choices), column.synonyms

        def choice(v: Any) -> str | None:
            if type(v) is str:
                text = v.strip(SPACES)
                text = synonyms.get(text, text)
                if text in choices:
                    return text
            return parse(v, column)

        return choice
    if kind is Kind.MONTH:
        months: dict[Any, dt.date] = {}

        def month(v: Any) -> dt.date | None:
            found = months.get(v) if type(v) in (str, float, int) else None
            if found is None:
                found = parse(v, column)
                if type(v) in (str, float, int) and found is not None:
                    months[v] = found
            return found

        return month
    if kind is Kind.MONEY:
        amounts: dict[Any, Decimal] = {}

        def money(v: Any) -> Decimal | None:
            amount = amounts.get(v) if type(v) is float else None
            if amount is None:
                amount = parse(v, column)
                if type(v) is float:
                    amounts[v] = amount
            return amount

        return money
    return lambda v: parse(v, column)


def money_text(amount: Decimal | None) -> str | None:
    """Decimal -> '117228.00' (台账格式 §5)."""
    if amount is None:
        return None
    return f"{amount.quantize(Decimal('0.01'))}"


def dues_for(wage: Decimal, ratio: Fraction) -> Decimal:
    """应缴 = floor(工资基数 ÷ 10) × 10 × 会费比例, rounded half up to the fen, exactly
    (the part of the wage below 10 元 is not counted). Integers only: no float, no
    Decimal context; cached, as an office has a few thousand distinct wages."""
    return _dues_for(wage, ratio.numerator, ratio.denominator)


@functools.lru_cache(maxsize=65536)
def _dues_for(wage: Decimal, numerator: int, denominator: int) -> Decimal:
    base = int(wage // 10) * 10 if wage > 0 else 0
    fen, rest = divmod(base * 100 * numerator, denominator)
    if 2 * rest >= denominator:
        fen += 1
    return Decimal(fen).scaleb(-2)
