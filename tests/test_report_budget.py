"""经费收支决算报告 read back with python-docx: a finished document, its figures `totals`'.

The office: 会费收入 400 of 500 budgeted; 职工活动支出 (900, the group's budget) with
文体活动支出 200 of 400 and 会员活动支出 500 of 500 below it; 职工服务支出 250.50 of 300.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import clean_tables
from docx import Document
from test_report import document_text

import unionxl
from unionxl.cli import main
from unionxl.figures.model import BudgetLine
from unionxl.reports import rmb_upper
from unionxl.reports.sections.budget import flagged

INDENT = "\u3000\u3000"
DATED = dt.date(2024, 1, 20)
REPORT = "经费收支决算报告"


def budget_tables(**settings) -> dict:
    tables = clean_tables()
    tables["预算"][1][:] = [
        ["科目", "类别", "预算数", "说明"],
        ["会费收入", "收入", 500, None],
        ["职工活动支出", "支出", 900, "活动经费统筹使用"],
        ["文体活动支出", "支出", 400, "部分活动因天气推迟到次年"],
        ["会员活动支出", "支出", 500, None],
        ["职工服务支出", "支出", 300, None],
    ]
    tables["收支明细"][1][:] = [
        ["日期", "凭证号", "科目", "摘要", "收入", "支出", "经手人"],
        [dt.date(2023, 3, 1), "001", "会费收入", "3月会费", 400, None, "王五"],
        [dt.date(2023, 4, 1), "002", "文体活动支出", "拔河比赛", None, 200, "王五"],
        [dt.date(2023, 5, 1), "003", "会员活动支出", "春游", None, 500, "王五"],
        [dt.date(2023, 6, 1), "004", "职工服务支出", "职工之家水费", None, 250.5, "王五"],
    ]
    for key, value in settings.items():
        tables["设置"][1].append([key, value])
    return tables


def last_year_tables() -> dict:
    """2022: 会费收入 420 and 其他收入 30 (a 科目 this year does not have); 文体 250, 会员 450;
    上年结余 1250, so that its 年末结余 is this year's 上年结余 (1000)."""
    tables = clean_tables()
    tables["设置"][1][2] = ["年度", 2022]
    tables["设置"][1][3] = ["上年结余", 1250]
    tables["预算"][1][:] = [
        ["科目", "类别", "预算数"],
        ["会费收入", "收入", 450],
        ["其他收入", "收入", 50],
        ["职工活动支出", "支出", 800],
        ["文体活动支出", "支出", 300],
        ["会员活动支出", "支出", 500],
    ]
    tables["收支明细"][1][:] = [
        ["日期", "凭证号", "科目", "摘要", "收入", "支出", "经手人"],
        [dt.date(2022, 3, 1), "001", "会费收入", "会费", 420, None, "王五"],
        [dt.date(2022, 4, 1), "002", "其他收入", "利息", 30, None, "王五"],
        [dt.date(2022, 5, 1), "003", "文体活动支出", "比赛", None, 250, "王五"],
        [dt.date(2022, 6, 1), "004", "会员活动支出", "春游", None, 450, "王五"],
    ]
    return tables


def money(value: Decimal) -> str:
    return f"{value:,.2f}"


def rate(actual: Decimal, budget: Decimal) -> str:
    if not budget:
        return "—"
    return f"{(actual * 100 / budget).quantize(Decimal('0.01'), 'ROUND_HALF_UP'):.2f}%"


def rows_of(path: Path) -> list[list[str]]:
    doc = Document(str(path))
    return [[c.text for c in row.cells] for t in doc.tables for row in t.rows]


def paragraphs(path: Path) -> list:
    return Document(str(path)).paragraphs


def make(make_office, tmp_path, tables=None, name="out", **options):
    office = unionxl.load(make_office(tables or budget_tables(), name=f"office-{name}"))
    assert office.check().errors == 0
    result = office.report(tmp_path / name, only=[REPORT], **options)
    return office, result, tmp_path / name / f"{REPORT}.docx"


@pytest.fixture
def made(make_office, tmp_path):
    return make(make_office, tmp_path, budget_tables(成文日期=DATED))


def test_no_placeholder_no_instruction_and_a_title_that_keeps_its_words(made):
    _, _, path = made
    text = document_text(path)
    assert "____" not in text and "＿" not in text and "原因：" not in text
    assert not re.search(r"请[^。]*说明", text)
    assert "工会工会" not in text and "{{" not in text
    title = [p.text for p in paragraphs(path) if p.style.name == "公文标题"]
    assert title[:2] == ["测试学院工会", "2023年度经费收支决算报告"]  # 决算 never broken
    assert "测试学院工会委员会：" in [p.text for p in paragraphs(path)]


def test_成文日期_from_设置_in_the_落款(made):
    _, result, path = made
    sign = [p.text for p in paragraphs(path) if p.style.name == "落款"]
    assert sign[-1] == "2024年1月20日"
    assert not any("成文日期" in n for n in result.notes)
    name_line = [p for p in paragraphs(path) if p.text == "\t测试学院工会"]
    assert name_line, "the 落款 name sits on a centre tab over the date"


def test_every_figure_is_the_totals_figure(made):
    office, _, path = made
    budget = office.totals().budget
    rows = rows_of(path)
    numbered = {"会费收入": "1", "文体活动支出": "2", "职工服务支出": "3"}
    for line in budget.lines:
        expected = [
            INDENT * line.depth + line.account,
            money(line.budget),
            money(line.actual),
            rate(line.actual, line.budget),
            money(line.budget - line.actual),
            numbered.get(line.account, ""),
        ]
        assert expected in rows, line.account
    for kind in ("收入", "支出"):
        sub = budget.subtotal(kind)
        total = budget.income_total if kind == "收入" else budget.expense_total
        assert [
            f"{kind}合计",
            money(sub.budget),
            money(total),
            rate(total, sub.budget),
            money(sub.budget - total),
            "",
        ] in rows
    opening = budget.opening_balance
    closing = budget.closing_balance
    for name, value in (
        ("上年结余", opening),
        ("本年收入", budget.income_total),
        ("本年支出", budget.expense_total),
        ("年末结余", closing),
    ):
        assert [name, money(value), rmb_upper(value)] in rows
    # and the hand-made figures of this office
    assert ["职工活动支出", "900.00", "700.00", "77.78%", "200.00", ""] in rows
    assert ["支出合计", "1,200.00", "950.50", "79.21%", "249.50", ""] in rows
    assert ["年末结余", "449.50", "肆佰肆拾玖元伍角整"] in rows


def test_paragraphs_written_from_the_figures(made):
    _, _, path = made
    text = document_text(path)
    assert (
        "全年经费收入400.00元，为预算500.00元的80.00%，比预算少收100.00元。"
        "其中会费收入400.00元，占100.00%。"
    ) in text
    assert (
        "全年经费支出950.50元，为预算1,200.00元的79.21%，比预算少支出249.50元。"
        "其中：职工活动支出700.00元，占73.65%（主要是会员活动支出500.00元、文体活动支出200.00元）；"
        "职工服务支出250.50元，占26.35%。"
    ) in text
    assert (
        "上年结余1,000.00元，加本年收入400.00元，减本年支出950.50元，年末结余449.50元，"
        "比年初减少550.50元。"
    ) in text


def test_one_flag_per_shortfall_and_the_说明_with_its_line(made):
    """职工活动支出 is 200 short, all of it 文体活动支出's: one flag, on 文体活动支出."""
    _, result, path = made
    rows = rows_of(path)
    flags = [r[0].strip() for r in rows if len(r) == 6 and r[5] not in ("", "注")]
    assert flags == ["会费收入", "文体活动支出", "职工服务支出"]
    assert all("※" not in cell for r in rows for cell in r)  # the 注 column, not a glued mark
    items = [p.text for p in paragraphs(path) if re.match(r"^\d\.", p.text)]
    assert items == [
        "1.会费收入：预算500.00元，决算400.00元，执行率80.00%，比预算少收100.00元。",
        "2.文体活动支出：预算400.00元，决算200.00元，执行率50.00%，比预算少支出200.00元。"
        "部分活动因天气推迟到次年。",
        "3.职工服务支出：预算300.00元，决算250.50元，执行率83.50%，比预算少支出49.50元。",
    ]
    assert "决算数与预算数相差超过10%的科目有3个：" in document_text(path)
    # the parent's 说明 is not printed (its shortfall is its child's): the clerk is told
    assert any("职工活动支出" in n and "说明未印入" in n for n in result.notes)


def test_signature_lines_from_设置_or_room_to_sign(make_office, tmp_path):
    _, _, path = make(make_office, tmp_path, budget_tables(负责人="张主席", 制表人="李会计"))
    assert "单位负责人：张主席\t制表人：李会计" in [p.text for p in paragraphs(path)]
    _, _, path = make(make_office, tmp_path, name="bare")
    assert "单位负责人：\t制表人：" in [p.text for p in paragraphs(path)]


def test_date_option_over_设置_and_a_note_when_a_past_year_defaults_to_today(make_office, tmp_path):
    tables = budget_tables(成文日期=DATED)
    _, result, path = make(make_office, tmp_path, tables, "given", date=dt.date(2024, 2, 1))
    assert [p.text for p in paragraphs(path) if p.style.name == "落款"][-1] == "2024年2月1日"

    _, result, path = make(make_office, tmp_path, name="today", today=dt.date(2024, 3, 5))
    assert [p.text for p in paragraphs(path) if p.style.name == "落款"][-1] == "2024年3月5日"
    note = [n for n in result.notes if "成文日期" in n]
    assert len(note) == 1 and "--date" in note[0] and "2023 年度" in note[0]

    _, result, _ = make(make_office, tmp_path, name="same-year", today=dt.date(2023, 12, 30))
    assert not any("成文日期" in n for n in result.notes)


def test_previous_year_beside_this_year(make_office, tmp_path):
    last = make_office(last_year_tables(), name="last-year")
    office, result, path = make(make_office, tmp_path, previous=last, date=DATED)
    before = unionxl.load(last).totals().budget
    rows = rows_of(path)
    assert ["会费收入", "420.00", "500.00", "400.00", "80.00%", "-20.00", "1"] in rows
    assert ["其他收入", "30.00", "0.00", "0.00", "—", "-30.00", ""] in rows  # last year only
    assert ["收入合计", "450.00", "500.00", "400.00", "80.00%", "-50.00", ""] in rows
    assert [INDENT + "文体活动支出", "250.00", "400.00", "200.00", "50.00%", "-50.00", "2"] in rows
    assert ["职工服务支出", "0.00", "300.00", "250.50", "83.50%", "250.50", "3"] in rows
    assert ["支出合计", "700.00", "1,200.00", "950.50", "79.21%", "250.50", ""] in rows
    for line in before.lines:  # every figure of last year is last year's totals
        assert any(r[0].strip() == line.account and r[1] == money(line.actual) for r in rows)
    assert [
        "年末结余",
        money(before.closing_balance),
        money(office.totals().budget.closing_balance),
        rmb_upper(office.totals().budget.closing_balance),
    ] in rows
    text = document_text(path)
    assert "比上年（450.00元）减少50.00元，下降11.11%" in text
    assert "比上年（700.00元）增加250.50元，增长35.79%" in text
    assert not any("不一致" in n for n in result.notes)  # 2022's closing is 2023's opening


def test_previous_from_the_command_line(make_office, tmp_path, capsys):
    last = make_office(last_year_tables(), name="last-year")
    folder = make_office(budget_tables(), name="this-year")
    out = tmp_path / "out"
    code = main(
        ["report", str(folder), "--out", str(out), "--only", REPORT]
        + ["--previous", str(last), "--date", "2024-01-20"]
    )
    _, err = capsys.readouterr()
    assert code == 0, err
    assert ["会费收入", "420.00", "500.00", "400.00", "80.00%", "-20.00", "1"] in rows_of(
        out / f"{REPORT}.docx"
    )
    assert "2024年1月20日" in document_text(out / f"{REPORT}.docx")
    code = main(["report", str(folder), "--out", str(out), "--previous", str(folder), "--force"])
    _, err = capsys.readouterr()
    assert code == 2 and "上一年度" in err and "Traceback" not in err


def line(account, budget, actual, parent=None, depth=0, budgeted=True) -> BudgetLine:
    return BudgetLine(
        account, "支出", Decimal(budget), Decimal(actual), Decimal(0), budgeted, parent, depth
    )


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # the parent's shortfall is all its child's: one flag, on the child
        (
            [line("P", 900, 700), line("A", 400, 200, "P", 1), line("B", 500, 500, "P", 1)],
            ["A"],
        ),
        # 200 of the parent's budget was given to no child and is unused: the parent too
        (
            [line("P", 1000, 580), line("A", 400, 200, "P", 1), line("B", 400, 380, "P", 1)],
            ["P", "A"],
        ),
        # two children off in opposite directions, the parent within 10 %: both children
        (
            [line("P", 1000, 1000), line("A", 500, 300, "P", 1), line("B", 500, 700, "P", 1)],
            ["A", "B"],
        ),
        # a child without its own budget under a budgeted parent is the parent's business
        (
            [line("P", 1000, 950), line("A", 0, 950, "P", 1, budgeted=False)],
            [],
        ),
        # three levels: the grandchild explains both levels above it
        (
            [
                line("P", 1000, 800),
                line("C", 600, 400, "P", 1),
                line("G", 300, 100, "C", 2),
                line("H", 300, 300, "C", 2),
                line("D", 400, 400, "P", 1),
            ],
            ["G"],
        ),
        # a top-level line with actuals and no budget, and a budget never used
        ([line("X", 0, 50, budgeted=False), line("Y", 300, 0)], ["X", "Y"]),
    ],
)
def test_flag_rule(lines, expected):
    assert list(flagged(tuple(lines))) == expected
