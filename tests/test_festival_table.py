"""The written-down festival table is lunar-python's answer, year by year."""

from __future__ import annotations

import datetime as dt

from unionxl.model.festival_table import DATES, FIRST_YEAR, LAST_YEAR
from unionxl.model.festivals import calendar_dates, festivals, moving_dates


def test_every_year_of_the_table_is_what_lunar_python_computes():
    assert sorted(DATES) == list(range(FIRST_YEAR, LAST_YEAR + 1))
    wrong = [year for year in DATES if moving_dates(year) != calendar_dates(year)]
    assert wrong == []


def test_known_dates_and_years_outside_the_table():
    assert festivals(2023)["春节"] == dt.date(2023, 1, 22)
    assert festivals(2023)["中秋"] == dt.date(2023, 9, 29)
    assert festivals(2023)["清明"] == dt.date(2023, 4, 5)
    assert festivals(2023)["端午"] == dt.date(2023, 6, 22)
    # Beyond the table the library is asked (and gives the same kind of answer).
    assert 1949 not in DATES and 2101 not in DATES
    assert festivals(1949)["春节"] == dt.date(1949, 1, 29)
    assert festivals(2101)["中秋"] == calendar_dates(2101)[3]
