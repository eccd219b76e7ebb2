"""The house: data apart from the service, one figures model, policy as data, the
office-folder format page in step with the code, nothing pointing outside the repo."""

from __future__ import annotations

import re
import subprocess
from fractions import Fraction
from pathlib import Path

import pytest
from conftest import CLEAN

import unionxl
from unionxl.checks.catalog import BY_CODE, RULES
from unionxl.checks.run import check_office
from unionxl.figures.compute import compute_totals
from unionxl.loading import office_from_rows
from unionxl.model.errors import UnionxlError
from unionxl.outputs import format_page
from unionxl.policy.keys import KEYS
from unionxl.reports.context import Options, build_context

ROOT = Path(__file__).resolve().parents[1]


def in_memory(**changes: list[list]) -> dict[str, list[list]]:
    """The clean test office as rows (header first), with some tables replaced."""
    tables = {name: [list(r) for r in rows] for name, (_file, rows) in CLEAN.items()}
    tables.update(changes)
    return tables


# --- data apart from the service ----------------------------------------------------------


def test_rules_and_totals_run_on_an_office_built_in_memory(make_office):
    clean = office_from_rows(in_memory())
    assert check_office(clean).findings == []
    tables = {k: (f, [list(r) for r in rows]) for k, (f, rows) in CLEAN.items()}
    assert compute_totals(clean).to_dict() == unionxl.totals(make_office(tables)).to_dict()


def test_in_memory_office_finds_what_a_workbook_would(make_office):
    members = [list(r) for r in CLEAN["会员"][1]]
    members.append(list(members[1]))  # 工号 0102 again, at sheet row 4
    memory = check_office(office_from_rows(in_memory(会员=members)))
    tables = {k: (f, [list(r) for r in rows]) for k, (f, rows) in CLEAN.items()}
    tables["会员"] = (tables["会员"][0], members)
    disk = unionxl.check(make_office(tables))
    assert [(f.rule, f.sheet, f.cell) for f in memory.findings] == [
        (f.rule, f.sheet, f.cell) for f in disk.findings
    ]
    assert ("member.id.duplicate", "会员", "A4") in [
        (f.rule, f.sheet, f.cell) for f in memory.findings
    ]


def test_unknown_table_name_in_memory_is_one_clear_line():
    with pytest.raises(UnionxlError, match="没有名为“花名册”的表"):
        office_from_rows({"花名册": [{"姓名": "张三"}]})


def test_no_module_below_the_facade_imports_it():
    for path in (ROOT / "unionxl").rglob("*.py"):
        if path.name in ("office.py", "__init__.py") and path.parent.name == "unionxl":
            continue
        if path.parent.name in ("cli", "excel", "many") or path.parent.parent.name in (
            "cli",
            "excel",
        ):
            continue
        text = path.read_text(encoding="utf-8")
        assert "from unionxl.office import" not in text, path
        assert "import unionxl.office" not in text, path


def test_layering_contract_holds():
    done = (
        subprocess.run(
            [str(ROOT / ".venv" / "bin" / "lint-imports")], cwd=ROOT, capture_output=True, text=True
        )
        if (ROOT / ".venv" / "bin" / "lint-imports").exists()
        else None
    )
    if done is None:
        pytest.skip("import-linter not installed in .venv")
    assert done.returncode == 0, done.stdout[-2000:]


# --- one figures model --------------------------------------------------------------------


def test_report_and_totals_agree_on_proposals_answered():
    proposals = [
        ["编号", "案由", "提案人", "附议人数", "审查结果", "承办部门", "答复日期", "满意度"],
        ["1", "食堂", "张三", 3, "立案", "后勤处", None, "满意"],  # satisfied, but no reply date
    ]
    office = office_from_rows(in_memory(提案=proposals))
    totals = compute_totals(office)
    context = build_context(totals, office.policy, Options())
    assert totals.proposals is not None and totals.proposals.answered == 0
    assert context["提案"]["立案已答复"] == totals.proposals.filed_answered == 0


def test_report_and_totals_agree_on_awards_with_blank_honour():
    awards = [
        ["年度", "荣誉", "级别", "获奖对象", "对象类型"],
        [2023, None, "省级", "数理学院", "集体"],
        [2023, "五一劳动奖章", "省级", "张三", "个人"],
    ]
    office = office_from_rows(in_memory(获奖=awards))
    totals = compute_totals(office)
    context = build_context(totals, office.policy, Options())
    provincial = next(a for a in totals.awards.by_level if a.level == "省级")  # type: ignore[union-attr]
    assert provincial.count == 2
    assert [x["项数"] for x in context["获奖分级"] if x["级别"] == "省级"] == [2]


def test_difference_runs_one_way_in_every_output(make_office, tmp_path):
    office = unionxl.load(
        make_office({k: (f, [list(r) for r in rows]) for k, (f, rows) in CLEAN.items()})
    )
    totals = office.totals()
    line = totals.budget.line("会费收入")  # type: ignore[union-attr]
    assert line.to_dict()["remaining"] == "100.00"  # 500 budget − 400 actual
    context = build_context(totals, office.policy, Options())
    assert next(r for r in context["收入行"] if r["科目"] == "会费收入")["差额"] == "100.00"


# --- policy as data -----------------------------------------------------------------------


def settings_rows(*rows: tuple) -> list[list]:
    """A 设置 sheet: 年度 2023 in row 2, then (项目, 值[, 依据]) from row 3 on."""
    return [["项目", "值", "依据"], ["年度", 2023, None], *[[*r, None][:3] for r in rows]]


def test_bad_setting_is_a_finding_at_its_cell_and_the_default_stands():
    office = office_from_rows(in_memory(设置=settings_rows(("会费比例", "abc"))))
    found = [f for f in check_office(office).findings if f.rule == "settings.value"]
    assert [(f.cell, f.severity) for f in found] == [("B3", "error")]
    assert "会费比例" in found[0].message and "abc" in found[0].message
    assert office.policy.value("会费比例") == Fraction(5, 1000)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("1/3", Fraction(1, 3)), ("66.7%", Fraction(667, 1000)), ("0.667", Fraction(667, 1000))],
)
def test_ratio_settings_in_every_form(typed, expected):
    office = office_from_rows(in_memory(设置=settings_rows(("获奖比例上限", typed))))
    assert office.policy.value("获奖比例上限") == expected
    assert office.policy.is_set("获奖比例上限")


def test_missing_keys_take_their_documented_defaults():
    policy = office_from_rows(in_memory()).policy
    for key in KEYS.values():
        assert policy.value(key.key) == key.default or key.default is None
    assert policy.report_period is not None
    assert [d.isoformat() for d in policy.report_period] == ["2023-01-01", "2023-12-31"]


def test_setting_carries_its_basis():
    office = office_from_rows(
        in_memory(设置=settings_rows(("纪念品上限", 80, "本校工会〔2023〕5号")))
    )
    assert office.policy.value("纪念品上限") == 80
    assert office.policy.basis("纪念品上限") == "本校工会〔2023〕5号"
    assert office.policy.basis("获奖比例上限")  # a built-in default names its source too


def test_word_list_sheet_replaces_the_builtin_list():
    visits = [
        ["日期", "工号", "姓名", "类型", "金额", "形式"],
        ["2023-01-10", "0101", "张三", "春节慰问", 200, "电子券"],
        ["2023-01-11", "0102", "李四", "春节慰问", 200, "购物卡"],
    ]
    words = [["类别", "词"], ["节日禁止形式", "电子券"]]
    office = office_from_rows(in_memory(慰问登记=visits, 词表=words))
    forms = [f.cell for f in check_office(office).findings if f.rule == "visit.festival.form"]
    assert forms == ["F2"]  # 电子券 forbidden by the office's list; 购物卡 no longer listed


# --- the catalog and the format page ------------------------------------------------------

CODE = re.compile(
    r'"((?:value|table|file|folder|sheet|row|member|ledger|budget|donation|visit|proposal|settings|award|activity|participant|retiree|mutual|dues|delegate|department)\.[a-z_.]+)"'
)


def test_catalog_lists_exactly_the_rules_the_code_emits():
    emitted = set()
    for path in (ROOT / "unionxl").rglob("*.py"):
        if path.name == "catalog.py":
            continue
        emitted |= set(CODE.findall(path.read_text(encoding="utf-8")))
    assert emitted == set(BY_CODE)
    assert len(RULES) == len(BY_CODE)  # no code listed twice


def test_format_page_is_in_step_with_the_code():
    text = format_page.PAGE.read_text(encoding="utf-8")
    assert format_page.render(text) == text, "run `make docs`"
    for rule in RULES:
        assert f"`{rule.code}`" in text
    for key in KEYS:
        assert f"`{key}`" in text


def test_nothing_points_outside_the_repo():
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    for name in tracked:
        if not name.endswith((".py", ".md", ".toml", ".cfg")) or name.startswith("tests/"):
            continue
        text = (ROOT / name).read_text(encoding="utf-8")
        assert "../shared" not in text and "/work/shared" not in text, name
