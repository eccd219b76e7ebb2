"""身份证号 (GB 11643-1999): structure, province code, check digit, birth date, sex."""

from __future__ import annotations

import datetime as dt
import re
from operator import mul

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"  # index = weighted sum mod 11
# First two digits: province-level codes of GB/T 2260 (83: 台湾居民居住证).
PROVINCES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 "
    "50 51 52 53 54 61 62 63 64 65 71 81 82 83".split()
)
SHAPE_18 = re.compile(r"^\d{17}[\dX]$")
SHAPE_15 = re.compile(r"^\d{15}$")


def check_digit(first17: str) -> str:
    """The 18th character GB 11643 requires for the first 17 digits."""
    # On the ASCII codes: each digit carries +48, and the weights add up to 100.
    total = sum(map(mul, first17.encode("ascii"), WEIGHTS)) - 48 * 100
    return CHECK_CHARS[total % 11]


def birth_date(number: str) -> dt.date | None:
    """Birth date encoded in an 18- or 15-digit number (None if not a real date)."""
    try:
        if len(number) == 18:
            return dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
        if len(number) == 15:
            return dt.date(1900 + int(number[6:8]), int(number[8:10]), int(number[10:12]))
    except ValueError:
        return None
    return None


def sex(number: str) -> str:
    """男 when the sequence digit (17th of 18, 15th of 15) is odd, else 女."""
    digit = number[16] if len(number) == 18 else number[14]
    return "男" if int(digit) % 2 else "女"


def is_consistent(number: str, born: dt.date | None, sex_text: str | None) -> bool:
    """True when an 18-digit number passes every check against its row (the common
    case, decided without building findings)."""
    return (
        len(number) == 18
        and number[:17].isdigit()
        and number[:2] in PROVINCES
        and check_digit(number[:17]) == number[17]
        and (born is None or born == birth_date(number))
        and (not sex_text or sex(number) == sex_text)
    )
