"""Write unionxl/model/festival_table.py: the lunar festivals and 清明 of 1950–2100.

    python scripts/make_festival_table.py

Every date comes from the lunar-python calendar library (festivals.calendar_dates), so
the table is that library's answer written down, not typed by hand: reading it costs a
check nothing, where asking lunar-python costs 0.03 s a run (its import and three
years' astronomy). tests/test_festivals.py compares every year with lunar-python.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
TARGET = ROOT / "unionxl" / "model" / "festival_table.py"
FIRST_YEAR, LAST_YEAR = 1950, 2100


def main() -> None:
    from unionxl.model.festivals import LUNAR_KINDS, calendar_dates

    lines = [
        '"""The lunar festivals and 清明 of each year, as lunar-python computes them.',
        "",
        "Written by scripts/make_festival_table.py; do not edit. (month, day) of each of",
        f"{', '.join(LUNAR_KINDS)}, by year.",
        '"""',
        "",
        f"FIRST_YEAR, LAST_YEAR = {FIRST_YEAR}, {LAST_YEAR}",
        "",
        "DATES: dict[int, tuple[tuple[int, int], ...]] = {",
    ]
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        dates = calendar_dates(year)
        assert all(d.year == year for d in dates), year  # never across the year's end
        pairs = ", ".join(f"({d.month}, {d.day})" for d in dates)
        lines.append(f"    {year}: ({pairs}),")
    lines.append("}")
    TARGET.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
