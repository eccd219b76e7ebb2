"""人民币大写: an amount in Chinese capitals, as bank and accounting forms want it.

One canonical style, following 《正确填写票据和结算凭证的基本规定》 (brief §4.5):

- only 零壹贰叁肆伍陆柒捌玖 拾佰仟 万亿 元角分 整; 10–19 written 壹拾…;
- an internal 0, or a run of 0s, is one 零 (1,005 → 壹仟零伍元整);
- a 0 at the 万 or 元 digit followed by a non-zero 千 or 角 digit is not written
  (105,000 → 壹拾万伍仟元整; 10.50 → 壹拾元伍角整), the short form the rules allow;
- 角 is 0 and 分 is not → 零 after 元 (16,409.02 → 壹万陆仟肆佰零玖元零贰分);
- ending at 元 or 角 → 整; ending at 分 → no 整; below one yuan no 元 (0.05 → 伍分);
- negative amounts (internal reports only) get 负 in front.

The prefix 人民币 is the template's job ("人民币{{ 收入合计大写 }}"), so a form that
already prints it is not doubled.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

DIGITS = "零壹贰叁肆伍陆柒捌玖"
PLACES = ("仟", "佰", "拾", "")  # within a group of four digits
GROUPS = ("", "万", "亿", "万亿")  # group units, lowest first
LIMIT = Decimal(10) ** 16  # 壹万亿 groups: up to 9,999,999,999,999,999.99


def rmb_upper(amount: Decimal | int | str) -> str:
    """1409.50 → 壹仟肆佰零玖元伍角整 (no 人民币 prefix). Raises ValueError on bad input."""
    value = _to_decimal(amount)
    if value < 0:
        return "负" + rmb_upper(-value)
    fen_total = int(value * 100)
    yuan, fen_part = divmod(fen_total, 100)
    jiao, fen = divmod(fen_part, 10)
    text = _integer(yuan) + "元" if yuan else ""
    if jiao:
        text += DIGITS[jiao] + "角"
    elif fen and yuan:
        text += "零"
    if fen:
        return text + DIGITS[fen] + "分"
    return (text or "零元") + "整"


def _to_decimal(amount: Decimal | int | str) -> Decimal:
    if isinstance(amount, bool) or isinstance(amount, float):
        raise ValueError("金额应为 Decimal、整数或文本，不能是浮点数")
    try:
        value = Decimal(amount) if not isinstance(amount, Decimal) else amount
    except (InvalidOperation, TypeError, ValueError):
        raise ValueError(f"“{amount}”不是金额") from None
    if not value.is_finite():
        raise ValueError(f"“{amount}”不是金额")
    if value != value.quantize(Decimal("0.01")):
        raise ValueError(f"金额 {amount} 超过两位小数，无法写成大写")
    if abs(value) >= LIMIT:
        raise ValueError(f"金额 {amount} 太大，无法写成大写")
    return value


def _integer(number: int) -> str:
    """A positive whole number of yuan in capitals, without 元."""
    groups = []
    while number:
        number, group = divmod(number, 10_000)
        groups.append(group)
    text = ""
    zero_pending = False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            zero_pending = bool(text)
            continue
        if text and (zero_pending or group < 1000):
            text += "零"
        text += _group(group) + GROUPS[index]
        zero_pending = False
    return text


def _group(group: int) -> str:
    """1..9999 in capitals: internal zeros as one 零, trailing zeros dropped."""
    text = ""
    zero = False
    started = False
    for place, digit in zip(PLACES, f"{group:04d}", strict=True):
        d = int(digit)
        if d == 0:
            zero = started
            continue
        if zero:
            text += "零"
        text += DIGITS[d] + place
        zero = False
        started = True
    return text
