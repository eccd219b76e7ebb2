"""人民币大写 (brief §4.5): the bank rules, checked against examples and a reverse parser."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unionxl.reports.rmb import rmb_upper

CASES = {
    # required by issue 4 / brief §4.5
    "1409.50": "壹仟肆佰零玖元伍角整",
    "6007.14": "陆仟零柒元壹角肆分",
    "16409.02": "壹万陆仟肆佰零玖元零贰分",
    "117228.00": "壹拾壹万柒仟贰佰贰拾捌元整",
    "0": "零元整",
    "0.05": "伍分",
    "100000": "壹拾万元整",
    "100100.01": "壹拾万零壹佰元零壹分",
    "1000000000": "壹拾亿元整",
    "10.50": "壹拾元伍角整",
    "105000": "壹拾万伍仟元整",
    "1005": "壹仟零伍元整",
    "100000010": "壹亿零壹拾元整",
    # more: short form at the 万/元 digit, 10–19 as 壹拾, runs of zeros, big units
    "1680.32": "壹仟陆佰捌拾元叁角贰分",
    "107000.53": "壹拾万柒仟元伍角叁分",
    "10.05": "壹拾元零伍分",
    "0.50": "伍角整",
    "0.15": "壹角伍分",
    "1": "壹元整",
    "15": "壹拾伍元整",
    "20": "贰拾元整",
    "101": "壹佰零壹元整",
    "110": "壹佰壹拾元整",
    "1010": "壹仟零壹拾元整",
    "10010": "壹万零壹拾元整",
    "30005000": "叁仟万伍仟元整",
    "30000500": "叁仟万零伍佰元整",
    "100010000": "壹亿零壹万元整",
    "1234567890.12": "壹拾贰亿叁仟肆佰伍拾陆万柒仟捌佰玖拾元壹角贰分",
    "1000000000000": "壹万亿元整",
    "6470360.55": "陆佰肆拾柒万零叁佰陆拾元伍角伍分",
    "-1409.50": "负壹仟肆佰零玖元伍角整",
    "-0.05": "负伍分",
}


@pytest.mark.parametrize(("amount", "expected"), CASES.items())
def test_examples(amount, expected):
    assert rmb_upper(Decimal(amount)) == expected


def test_int_and_text_are_accepted():
    assert rmb_upper(117228) == rmb_upper("117228.00") == "壹拾壹万柒仟贰佰贰拾捌元整"


@pytest.mark.parametrize("bad", [1.5, "1.005", "abc", "NaN", "Infinity", "1e16", True, None])
def test_refuses_what_is_not_an_amount(bad):
    with pytest.raises(ValueError):
        rmb_upper(bad)


# --- a reverse parser: every string must read back as the amount it came from ----------
DIGITS = "零壹贰叁肆伍陆柒捌玖"
ALLOWED = set(DIGITS + "拾佰仟万亿元角分整负")


def parse(text: str) -> Decimal:
    sign = -1 if text.startswith("负") else 1
    text = text.removeprefix("负").removesuffix("整")
    yuan_text, _, fraction = text.rpartition("元") if "元" in text else ("", "", text)
    fen = 0
    for digit, unit in zip(fraction[::1], fraction[1:], strict=False):
        if digit in DIGITS and unit in "角分":
            fen += DIGITS.index(digit) * (10 if unit == "角" else 1)
    return sign * (Decimal(whole(yuan_text)) + Decimal(fen) / 100)


def whole(text: str) -> int:
    total = section = number = 0
    i = 0
    while i < len(text):
        c = text[i]
        if c in DIGITS:
            number = DIGITS.index(c)
        elif c in "拾佰仟":
            section += number * {"拾": 10, "佰": 100, "仟": 1000}[c]
            number = 0
        elif c == "万" and text[i + 1 : i + 2] == "亿":
            total += (section + number) * 10**12
            section = number = 0
            i += 1
        elif c in "万亿":
            total += (section + number) * (10**4 if c == "万" else 10**8)
            section = number = 0
        i += 1
    return total + section + number


@pytest.mark.parametrize(("amount", "text"), CASES.items())
def test_parser_reads_the_examples(amount, text):
    assert parse(text) == Decimal(amount)


amounts = st.integers(min_value=-(10**15), max_value=10**16 - 1).map(lambda fen: Decimal(fen) / 100)


@given(amounts)
def test_round_trip(amount):
    text = rmb_upper(amount)
    assert parse(text) == amount
    assert set(text) <= ALLOWED
    assert text.endswith("整") == (amount * 100 % 10 == 0)  # 整 exactly when there are no 分
    assert "零零" not in text and not text.removeprefix("负").startswith("零" if amount else "x")


@given(st.lists(amounts, min_size=2, max_size=50, unique=True))
def test_distinct_amounts_give_distinct_strings(sample):
    assert len({rmb_upper(a) for a in sample}) == len(sample)
