"""How a figure is written in the running text of a report (GB/T 15835-2011, 出版物上数字用法).

- A count or an amount is an Arabic number with its measure word and no space:
  "30件", "2955人", "117228元", "134193.93元" (in running text no thousands separator;
  tables keep theirs). Whole yuan drop ".00".
- With the 设置 key `金额写法` = 万元, an amount of 10,000 yuan or more is written in 万元,
  rounded half up to two places with trailing zeros dropped: "11.72万元", "6万元"; smaller
  amounts stay in 元. The appendix 附：数据来源 always gives the exact amount.
- The one place Chinese numerals are used: a count below 10 of batches or sessions (期,
  批, 届, 轮), as work reports write "开展六期疗休养活动" — the usage GB/T 15835 §4.1.2
  leaves to custom. Every other count, however small, is Arabic ("3次", "4项", "1个集体").
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

CHINESE_DIGITS = "〇一二三四五六七八九"
BATCH_WORDS = ("期", "批", "届", "轮")
YUAN, WAN_YUAN = "元", "万元"
TEN_THOUSAND = Decimal(10000)
CENT = Decimal("0.01")


def count(n: int, unit: str) -> str:
    """30, "件" → "30件"; 6, "期" → "六期" (batches below 10 in Chinese numerals)."""
    if unit in BATCH_WORDS and 0 < n < 10:
        return f"{CHINESE_DIGITS[n]}{unit}"
    return f"{n}{unit}"


def amount(value: Decimal, style: str = YUAN) -> str:
    """Decimal("117228.00") → "117228元" (or "11.72万元" with style 万元)."""
    if style == WAN_YUAN and abs(value) >= TEN_THOUSAND:
        wan = (value / TEN_THOUSAND).quantize(CENT, ROUND_HALF_UP)
        return f"{plain(wan)}{WAN_YUAN}"
    fen = value.quantize(CENT, ROUND_HALF_UP)
    return f"{fen:.0f}{YUAN}" if fen == fen.to_integral_value() else f"{fen:.2f}{YUAN}"


def exact(value: Decimal) -> str:
    """The amount to the fen, for the appendix: "117228.00元"."""
    return f"{value.quantize(CENT, ROUND_HALF_UP):.2f}{YUAN}"


def plain(value: Decimal) -> str:
    """A two-decimal figure without the zeros that say nothing: 11.70 → "11.7", 6.00 → "6"."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def chinese_ordinal(n: int) -> str:
    """1 → "一" … 10 → "十", for heading numbers （一）（二）… (a report has few themes)."""
    if n <= 10:
        return "十" if n == 10 else CHINESE_DIGITS[n]
    tens, units = divmod(n, 10)
    return f"{'' if tens == 1 else CHINESE_DIGITS[tens]}十{CHINESE_DIGITS[units] if units else ''}"
