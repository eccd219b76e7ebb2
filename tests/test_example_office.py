"""The example office (scripts/make_office.py and the committed workbooks/) is what it claims.

Every test runs twice: on a fresh 300-member office generated into a temporary folder,
and on the committed 3,000-member `workbooks/` folder. The workbooks are read directly
with python-calamine (not through unionxl), so these tests check the data itself.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from lunar_python import Lunar
from python_calamine import CalamineWorkbook

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `scripts` is not an installed package
    sys.path.insert(0, str(ROOT))

from scripts.make_office import FILES, make_office  # noqa: E402
from unionxl.model.schema import (  # noqa: E402
    BY_NAME,
    MEMBER_STATUSES,
    REVIEW_RESULTS,
    SATISFACTION,
)
from unionxl.policy.packs import BUILTIN_ACCOUNTS  # noqa: E402

COMMITTED = ROOT / "workbooks"
YEAR = 2023
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
PROVINCES = set(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65".split()
)
CENT = Decimal("0.01")
SHEETS = {
    "会员名册.xlsx": ("会员", "部门"),
    "经费.xlsx": ("设置", "预算", "收支明细"),
    "捐款.xlsx": ("捐款活动", "捐款明细"),
    "慰问.xlsx": ("慰问标准", "慰问登记"),
    "提案.xlsx": ("提案",),
    "获奖.xlsx": ("获奖",),
}


@dataclass
class Table:
    file: str
    header: int  # 1-based Excel row of the header
    columns: list[str]
    rows: list[dict[str, Any]]  # column -> value (None when blank), plus "_row"


def read_office(folder: Path) -> dict[str, Table]:
    tables: dict[str, Table] = {}
    for path in sorted(folder.glob("*.xlsx")):
        book = CalamineWorkbook.from_path(str(path))
        try:
            for name in book.sheet_names:
                spec = BY_NAME[name]
                cells = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
                required = {c.name for c in spec.required}
                header = next(r for r, row in enumerate(cells[:10]) if required <= set(row))
                columns = [c for c in cells[header] if c != ""]
                rows = []
                for r in range(header + 1, len(cells)):
                    row = cells[r]
                    if all(v == "" for v in row):
                        continue
                    record = {
                        c: (None if v == "" else v)
                        for c, v in zip(cells[header], row, strict=False)
                        if c
                    }
                    record["_row"] = r + 1
                    rows.append(record)
                assert name not in tables, f"{name} twice"
                tables[name] = Table(path.name, header + 1, columns, rows)
        finally:
            book.close()
    return tables


@pytest.fixture(scope="module")
def fresh_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("office300")
    make_office(folder, 300)
    return folder


@pytest.fixture(scope="module", params=["fresh-300", "committed"])
def office(request: pytest.FixtureRequest, fresh_folder: Path) -> dict[str, Table]:
    if request.param == "committed":
        if not (COMMITTED / FILES[0]).exists():
            pytest.fail("workbooks/ is empty: run `python scripts/make_office.py workbooks`")
        return read_office(COMMITTED)
    return read_office(fresh_folder)


def money(value: Any) -> Decimal:
    assert isinstance(value, float | int), f"amount {value!r} is not a number"
    amount = Decimal(repr(value))
    assert amount == amount.quantize(CENT), f"amount {value!r} has more than 2 decimals"
    return amount.quantize(CENT)


def check_digit(first17: str) -> str:
    return "10X98765432"[sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True)) % 11]


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def statutory_festivals(year: int) -> list[dt.date]:
    def lunar(m: int, d: int) -> dt.date:
        s = Lunar.fromYmd(year, m, d).getSolar()
        return dt.date(s.getYear(), s.getMonth(), s.getDay())

    qingming = Lunar.fromYmd(year, 3, 1).getJieQiTable()["清明"]
    return [
        dt.date(year, 1, 1),
        lunar(1, 1),
        dt.date(qingming.getYear(), qingming.getMonth(), qingming.getDay()),
        dt.date(year, 5, 1),
        lunar(5, 5),
        lunar(8, 15),
        dt.date(year, 10, 1),
        dt.date(year + 1, 1, 1),
    ]


def in_year(day: Any) -> bool:
    return isinstance(day, dt.date) and day.year == YEAR


# --------------------------------------------------------------------------------------


def test_files_sheets_and_headers(office: dict[str, Table]) -> None:
    assert {t.file for t in office.values()} == set(FILES)
    for file, sheets in SHEETS.items():
        for sheet in sheets:
            table = office[sheet]
            assert table.file == file
            names = [c.name for c in BY_NAME[sheet].columns]
            assert table.columns[: len(names)] == names, f"{sheet}: canonical column names in order"
            assert len(set(table.columns)) == len(table.columns)
    assert office["会员"].header == 2  # merged title row above
    assert office["慰问登记"].header == 2
    assert office["收支明细"].header == 3  # title, 单位：元, header


def test_members(office: dict[str, Table]) -> None:
    members = office["会员"].rows
    departments = {r["部门"] for r in office["部门"].rows}
    numbers = Counter(r["工号"] for r in members)
    assert all(isinstance(n, str) and n.startswith("0") and n.isdigit() for n in numbers)
    assert max(numbers.values()) == 1, "工号 unique"
    ids = Counter(r["身份证号"] for r in members)
    assert max(ids.values()) == 1, "身份证号 unique"
    for r in members:
        idcard, born = r["身份证号"], r["出生日期"]
        assert isinstance(idcard, str) and re.fullmatch(r"\d{17}[\dX]", idcard), r
        assert idcard[:2] in PROVINCES
        assert idcard[17] == check_digit(idcard[:17]), r
        assert isinstance(born, dt.date) and idcard[6:14] == f"{born:%Y%m%d}", r
        assert ("男" if int(idcard[16]) % 2 else "女") == r["性别"], r
        assert r["部门"] in departments
        assert r["状态"] in MEMBER_STATUSES
        assert isinstance(r["手机"], str) and re.fullmatch(r"1\d{10}", r["手机"]), r
        joined = r["入会日期"]
        assert isinstance(joined, dt.date) and add_years(born, 16) <= joined <= dt.date(
            YEAR, 12, 31
        ), r
    statuses = Counter(r["状态"] for r in members)
    assert statuses["在职"] > 0.75 * len(members) and statuses["退休"] > 0.08 * len(members)


def test_ledger_and_budget(office: dict[str, Table]) -> None:
    chart = {name: kind for name, kind, _parent in BUILTIN_ACCOUNTS}
    parents = {parent for _name, _kind, parent in BUILTIN_ACCOUNTS if parent}
    settings = {r["项目"]: r["值"] for r in office["设置"].rows}
    assert settings["年度"] == YEAR and settings["提案附议最少人数"] == 2 and settings["单位名称"]
    assert money(settings["上年结余"]) > 0
    if len(office["会员"].rows) == 3000:
        assert money(settings["上年结余"]) == Decimal("1286543.21")

    actual: Counter[str] = Counter()
    vouchers = Counter()
    for r in office["收支明细"].rows:
        assert in_year(r["日期"]), r
        vouchers[r["凭证号"]] += 1
        assert r["摘要"] and r["经手人"]
        assert not re.search("慈善|一日捐|母亲健康|医疗互助|捐", r["摘要"]), r
        account = r["科目"]
        assert account in chart and account not in parents, r
        sides = [c for c in ("收入", "支出") if r[c] is not None]
        assert sides == [chart[account]], f"exactly one of 收入/支出, on the 科目's side: {r}"
        amount = money(r[sides[0]])
        assert amount > 0
        actual[account] += amount
    assert max(vouchers.values()) == 1

    budget = office["预算"].rows
    lines = Counter(r["科目"] for r in budget)
    assert max(lines.values()) == 1
    planned = {r["科目"]: money(r["预算数"]) for r in budget}
    for r in budget:
        assert chart.get(r["科目"]) == r["类别"], r
        if r["科目"] in parents:  # the group's budget: its children's, rolled up
            children = [n for n, _k, p in BUILTIN_ACCOUNTS if p == r["科目"]]
            assert planned[r["科目"]] == sum(planned.get(c, 0) for c in children), r
            assert [x["科目"] for x in budget].index(r["科目"]) < min(
                [x["科目"] for x in budget].index(c) for c in children if c in planned
            ), "parent line stands above its children"
        elif r["类别"] == "支出":
            assert actual[r["科目"]] <= money(r["预算数"]), f"{r['科目']} over budget"
    assert set(actual) <= set(lines), "every 科目 in use has a budget line"
    income = sum(v for k, v in actual.items() if chart[k] == "收入")
    expense = sum(v for k, v in actual.items() if chart[k] == "支出")
    assert money(settings["上年结余"]) + income - expense > 0


def test_donations_reconcile_exactly(office: dict[str, Table]) -> None:
    roster = {r["工号"]: r for r in office["会员"].rows}
    campaigns = {r["活动"]: r for r in office["捐款活动"].rows}
    assert {k: money(v["到账金额"]) for k, v in campaigns.items()} == {
        "慈善一日捐": Decimal("117228.00"),
        "母亲健康1+1": Decimal("41215.00"),
    }
    totals: Counter[str] = Counter()
    donors: dict[str, Counter[str]] = defaultdict(Counter)
    women: Counter[str] = Counter()
    for r in office["捐款明细"].rows:
        campaign = campaigns[r["活动"]]
        amount = money(r["金额"])
        assert amount > 0 and amount == amount.to_integral_value(), r
        totals[r["活动"]] += amount
        assert campaign["开始日期"] <= r["日期"] <= campaign["结束日期"], r
        assert r["姓名"] and r["部门"]
        if r["工号"] is None:
            donors[r["活动"]]["name:" + r["姓名"]] += 1
            continue
        member = roster[r["工号"]]
        assert (member["姓名"], member["部门"], member["状态"]) == (r["姓名"], r["部门"], "在职"), r
        donors[r["活动"]][r["工号"]] += 1
        women[r["活动"]] += member["性别"] == "女"
    assert totals == {"慈善一日捐": Decimal("117228"), "母亲健康1+1": Decimal("41215")}
    for campaign, seen in donors.items():
        assert max(seen.values()) == 1, f"{campaign}: a donor twice"
        outsiders = sum(1 for k in seen if k.startswith("name:"))
        assert 1 <= outsiders <= max(1, len(seen) // 50)
    size = len(roster)
    assert sum(donors["慈善一日捐"].values()) == round(800 * size / 3000)
    assert sum(donors["母亲健康1+1"].values()) == round(400 * size / 3000)
    assert women["母亲健康1+1"] > 0.75 * sum(donors["母亲健康1+1"].values())


def test_visits_respect_the_standards(office: dict[str, Table]) -> None:
    roster = {r["工号"]: r for r in office["会员"].rows}
    standards = {r["类型"]: r for r in office["慰问标准"].rows}
    assert money(standards["节日慰问"]["每人每年上限"]) == 1300
    assert (
        money(standards["生日慰问"]["每次上限"]) == 300 and standards["生日慰问"]["对象"] == "在职"
    )
    assert money(standards["会员去世慰问"]["每次上限"]) == 2000
    assert money(standards["住院慰问（手术）"]["每次上限"]) == 1000
    festivals = statutory_festivals(YEAR)
    yearly: Counter[tuple[str, str]] = Counter()
    kinds: Counter[str] = Counter()
    for r in office["慰问登记"].rows:
        day, kind, amount = r["日期"], r["类型"], money(r["金额"])
        assert in_year(day), r
        member = roster[r["工号"]]
        assert member["姓名"] == r["姓名"], r
        assert member["状态"] not in ("调离",), r
        assert r["经办人"] and r["事由"] and r["形式"]
        standard = standards[kind]
        if standard["每次上限"] is not None:
            assert 0 < amount <= money(standard["每次上限"]), r
        yearly[r["工号"], kind] += amount
        if standard["每人每年上限"] is not None:
            assert yearly[r["工号"], kind] <= money(standard["每人每年上限"]), r
        if standard["对象"] in ("在职", "退休"):
            assert member["状态"] == standard["对象"], r
        if member["入会日期"] > day:
            raise AssertionError(f"a gift before joining: {r}")
        kinds[kind] += 1
        if kind == "节日慰问":
            assert r["形式"] == "慰问品", r
            assert any(0 < (f - day).days <= 30 for f in festivals), (
                f"not within 30 days before a festival: {r}"
            )
        if kind == "生日慰问":
            assert day.month == member["出生日期"].month, r
    birthdays = Counter(no for (no, kind) in yearly if kind == "生日慰问")
    assert max(birthdays.values()) == 1
    in_service = sum(1 for r in roster.values() if r["状态"] == "在职")
    assert len(birthdays) > 0.9 * in_service
    festival_totals = [v for (no, kind), v in yearly.items() if kind == "节日慰问"]
    assert max(festival_totals) <= 1300
    assert set(kinds) == set(standards), "every kind of visit occurs"


def test_proposals(office: dict[str, Table]) -> None:
    rows = office["提案"].rows
    assert len(rows) == 30
    numbers = [r["编号"] for r in rows]
    assert len(set(numbers)) == 30 and all(
        isinstance(n, str) and n.startswith("2023-") for n in numbers
    )
    results = Counter(r["审查结果"] for r in rows)
    assert set(results) <= set(REVIEW_RESULTS)
    assert results == {"立案": 4, "转意见建议": 24, "不予立案": 2}
    accepted = results["立案"] + results["转意见建议"]
    answered = [r for r in rows if r["答复日期"] is not None]
    satisfied = [r for r in rows if r["满意度"] == "满意"]
    assert (accepted, len(answered), len(satisfied)) == (28, 4, 4)
    for r in rows:
        assert r["案由"] and r["提案人"]
        assert r["满意度"] is None or r["满意度"] in SATISFACTION
        if r["审查结果"] == "立案":
            assert r["承办部门"] and in_year(r["答复日期"]) and r["满意度"] == "满意", r
            assert r["附议人数"] >= 2, r
        if r["答复日期"] is not None:
            assert r["满意度"] is not None


def test_awards(office: dict[str, Table]) -> None:
    rows = office["获奖"].rows
    have = {(r["荣誉"], r["级别"], r["对象类型"]) for r in rows}
    assert {
        ("全国巾帼文明岗", "国家级", "集体"),
        ("福建省巾帼文明岗", "省级", "集体"),
        ("福建省模范职工之家", "省级", "集体"),
        ("福建省三八红旗手", "省级", "个人"),
        ("福建省五一劳动奖章", "省级", "个人"),
    } <= have
    levels = Counter(r["级别"] for r in rows)
    assert (
        levels["国家级"] == 1
        and levels["省级"] == 6
        and levels["市级"] == 11
        and levels["校级"] >= 1
    )
    assert all(r["年度"] == YEAR and r["获奖对象"] for r in rows)


def test_generation_is_reproducible(fresh_folder: Path, tmp_path: Path) -> None:
    paths = make_office(tmp_path, 300)
    assert [p.name for p in paths] == list(FILES)
    for path in paths:
        assert path.read_bytes() == (fresh_folder / path.name).read_bytes(), path.name


def test_committed_workbooks_are_current(tmp_path: Path) -> None:
    """workbooks/ holds what the generator makes today (compared cell by cell)."""
    make_office(tmp_path, 3000)
    for file in FILES:
        new, old = (
            CalamineWorkbook.from_path(str(tmp_path / file)),
            CalamineWorkbook.from_path(str(COMMITTED / file)),
        )
        try:
            assert new.sheet_names == old.sheet_names
            for name in new.sheet_names:
                assert (
                    new.get_sheet_by_name(name).to_python()
                    == old.get_sheet_by_name(name).to_python()
                ), f"{file}/{name} differs: run `python scripts/make_office.py workbooks`"
        finally:
            new.close()
            old.close()
