"""工作报告（数据稿）: its sentences hold the figures of `totals`, in 公文 number style, and
its appendix traces each figure to its rows. Read back with python-docx."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from conftest import clean_tables, write_office
from docx import Document
from docx.oxml.ns import qn

import unionxl
from tests.part_two_office import tables as part_two_tables
from unionxl.figures.model import MAX_RUNS, Rows, merge_rows
from unionxl.reports.sections.number_style import amount, count

NAME = "工作报告（数据稿）"
EXAMPLE = Path(__file__).resolve().parents[1] / "workbooks"
CHINESE = "〇一二三四五六七八九"
ZWSP = "\u200b"  # the break opportunity after 、 in row lists


def yuan(value: Decimal) -> str:
    """An amount as GB/T 15835 running text writes it, worked out by hand."""
    return f"{value:.0f}元" if value == value.to_integral_value() else f"{value:.2f}元"


def draft(folder: Path, out: Path) -> Path:
    return unionxl.load(folder).report(out, only=[NAME], force=True).written[0]


def body_and_sources(path: Path) -> tuple[str, list[list[str]]]:
    """The text before 附：数据来源, and the appendix table's rows (without its header)."""
    doc = Document(str(path))
    paragraphs = [p.text.replace(ZWSP, "") for p in doc.paragraphs]
    body = "\n".join(paragraphs[: paragraphs.index("附：数据来源")])
    (table,) = doc.tables
    rows = [[c.text.replace(ZWSP, "") for c in row.cells] for row in table.rows[1:]]
    return body, rows


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    office = unionxl.load(EXAMPLE)
    path = office.report(tmp_path_factory.mktemp("out"), only=[NAME], force=True).written[0]
    return office.totals(), path


def test_sentences_hold_the_figures_of_the_example_office(example):
    t, path = example
    body, _ = body_and_sources(path)
    p = t.proposals
    assert (
        f"征集提案{p.collected}件，其中立案{p.filed}件、转为意见建议{p.accepted - p.filed}件"
        in body
    )
    assert p.filed_grade("满意") == p.filed
    assert f"{p.filed}项立案提案均得到提案人的“满意”回复" in body
    assert f"{t.organisation.elected}个二级单位完成基层工会换届" in body
    term = t.delegates.current
    assert f"{term.term}教代会现有代表{term.count}名" in body
    by_type = {a.type: a for a in t.activities.by_type}
    retreats = by_type["疗休养"]
    assert f"开展{CHINESE[retreats.events]}期疗休养活动，{retreats.participants}人次参加" in body
    training = by_type["培训"]
    assert f"{training.events}次，参训{training.participants}人次" in body
    series = next(s for s in t.activities.series if s.series == "第三届文体活动月")
    assert (
        f"第三届文体活动月开展拔河、扑克牌80分、气排球、8×100米接力等{series.events}项比赛，"
        f"{series.participants}人次参赛"
    ) in body
    for v in t.retiree_visits.by_type:
        if v.type != "其他":
            assert f"{v.type}{v.count}人次" in body
    five = sum(v.count for v in t.retiree_visits.by_type if v.type != "其他")
    assert f"“五必访”走访{five}人次" in body
    m = t.members
    assert f"现有会员{m.current}人，其中在职{m.of('在职')}人" in body
    assert f"女会员{m.women}人；{t.year}年新入会{m.joined}人" in body
    assert f"全年收缴会费{yuan(t.dues.paid)}" in body
    visits = t.visits
    assert f"全年开展会员慰问{visits.count}人次，金额合计{yuan(visits.amount)}" in body
    aid = t.mutual_aid
    assert f"{aid.enrolled}名会员参加职工医疗互助，工会补贴{yuan(aid.subsidy)}" in body
    assert f"办理医疗互助给付{aid.claims}人次，核定给付{yuan(aid.approved)}" in body
    b = t.budget
    assert (
        f"全年经费收入{yuan(b.income_total)}，支出{yuan(b.expense_total)}，"
        f"年末结余{yuan(b.closing_balance)}"
    ) in body
    for c in t.donations.campaigns:
        assert f"组织“{c.campaign}”活动，{c.donors}人参与，捐款{yuan(c.amount)}" in body


def test_awards_are_counted_by_subject_type(example):
    t, path = example
    body, _ = body_and_sources(path)
    words = {"集体": ("个", "集体"), "个人": ("人", ""), "家庭": ("户", "家庭")}
    for s in t.awards.by_subject:
        unit, noun = words[s.subject]
        names = {
            h.honour for h in t.awards.honours if h.level == s.level and h.subject_type == s.subject
        }
        if len(names) == 1:
            assert f"{s.count}{unit}{noun}荣获“{names.pop()}”" in body
        else:
            assert f"{s.count}{unit}{noun}" in body
    levels = "、".join(f"{a.level}{a.count}项" for a in t.awards.by_level if a.count)
    assert f"获得各级荣誉{t.awards.count}项，其中{levels}" in body


def test_every_figure_has_its_source_and_the_proposals_are_traced_to_their_rows(example):
    t, path = example
    body, sources = body_and_sources(path)
    entries = [r for r in sources if r[0].isdigit()]
    assert [int(r[0]) for r in entries] == list(range(1, len(entries) + 1))
    for _, figure, meaning, source in entries:
        assert figure in body, figure
        assert meaning and ".xlsx“" in source, (figure, source)
    book = openpyxl.load_workbook(EXAMPLE / "提案.xlsx", read_only=True)
    values = list(book["提案"].iter_rows(values_only=True))
    book.close()
    header = next(i for i, row in enumerate(values) if "编号" in row)
    numbers = [i + 1 for i, row in enumerate(values) if i > header and any(row)]
    assert len(numbers) == t.proposals.collected
    collected = next(r for r in entries if r[2] == "征集的提案")
    assert collected[1] == f"{t.proposals.collected}件"
    assert collected[3] == f"提案.xlsx“提案”表第{numbers[0]}–{numbers[-1]}行"
    result = values[header].index("审查结果")
    filed = [i + 1 for i, row in enumerate(values) if i > header and row[result] == "立案"]
    trace = next(r for r in entries if r[2] == "审查结果为立案的提案")[3]
    assert trace.endswith("第" + "、".join(map(str, filed)) + "行")
    # the 部分 is named once, in a row of its own, before its first figure
    parts = [r[0] for r in sources if not r[0].isdigit()]
    assert parts == ["民主管理", "建功立业", "服务会员", "离退休工作", "自身建设", "经费管理"]


def part_two_office(tmp_path: Path, style: str | None = None) -> Path:
    t = part_two_tables()
    t["收支明细"][1][4] = 117228  # the income row: 10,000 yuan and more
    if style:
        t["设置"].append(["金额写法", style, None])
    return write_office(tmp_path / "office", {s: ("台账.xlsx", rows) for s, rows in t.items()})


def test_trace_of_a_small_office_names_its_rows(tmp_path):
    body, sources = body_and_sources(draft(part_two_office(tmp_path), tmp_path / "out"))
    trace = {r[2]: (r[1], r[3]) for r in sources if r[0].isdigit()}
    # rows worked out by hand on tests/part_two_office.py (header in row 1)
    assert trace["征集的提案"] == ("2件", "台账.xlsx“提案”表第2–3行")
    assert trace["审查结果为立案的提案"] == ("1件", "台账.xlsx“提案”表中审查结果为“立案”的第2行")
    assert trace["二届教代会代表"] == ("3名", "台账.xlsx“代表”表中届次为“二届”的第2–4行")
    assert trace["疗休养参加人次"] == ("2人次", "台账.xlsx“活动参与”表中角色为参加或参赛的第2–3行")
    assert trace["培训参训人次"] == ("200人次", "台账.xlsx“活动”表中按“参与人数”计的第5行")
    assert trace["生病住院走访人次"] == ("2人次", "台账.xlsx“走访”表中类型为“生病住院”的第3–4行")
    assert trace["各级荣誉"] == ("3项", "台账.xlsx“获奖”表第2–4行")
    assert "开展一期疗休养活动，2人次参加" in body
    assert "组织离退休秋游，1人参加" in body
    assert "全年经费收入117228元" in body


def test_amounts_in_wan_yuan_when_the_office_says_so(tmp_path):
    body, sources = body_and_sources(draft(part_two_office(tmp_path, "万元"), tmp_path / "out"))
    assert "全年经费收入11.72万元" in body
    income = next(r for r in sources if r[2] == "经费收入")
    assert income[1] == "11.72万元（117228.00元）"
    assert "全年收缴会费112.15元" in body  # below 10,000 yuan: still 元


def test_absent_registers_leave_their_sentences_out(tmp_path):
    """The part-one office keeps no 活动, 走访, 医疗互助, 会费, 代表 or 部门 换届."""
    folder = write_office(tmp_path / "office", clean_tables())
    path = draft(folder, tmp_path / "out")
    doc = Document(str(path))
    headings = [p.text for p in doc.paragraphs if p.style.name == "二级标题"]
    assert headings == ["（一）民主管理", "（二）服务会员", "（三）自身建设", "（四）经费管理"]
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "台账中没有" not in text and "代表" not in text.split("附：数据来源")[0]


def test_no_blank_no_instruction_and_the_note_once_as_a_comment(example):
    _, path = example
    doc = Document(str(path))
    text = "\n".join(
        "".join(t.text or "" for t in p.iter(qn("w:t"))) for p in doc.element.body.iter(qn("w:p"))
    )
    assert "__" not in text and "＿" not in text and "请" not in text and "{{" not in text
    notes = list(doc.comments)
    assert len(notes) == 1 and "工会办公室补写" in notes[0].text


def test_number_style():
    assert count(30, "件") == "30件" and count(6, "期") == "六期" and count(12, "期") == "12期"
    assert count(3, "次") == "3次"  # Chinese numerals only for batches (期, 批, 届, 轮)
    assert amount(Decimal("117228.00")) == "117228元"
    assert amount(Decimal("134193.90")) == "134193.90元"
    assert amount(Decimal("117228.00"), "万元") == "11.72万元"
    assert amount(Decimal("60000"), "万元") == "6万元"
    assert amount(Decimal("9999.50"), "万元") == "9999.50元"


def test_rows_as_runs_then_only_a_count_when_scattered():
    assert Rows.of("a.xlsx", "表", [2, 3, 4, 5]).runs == ((2, 5),)
    assert Rows.of("a.xlsx", "表", [2, 3, 7, 9, 10]).runs == ((2, 3), (7, 7), (9, 10))
    scattered = Rows.of("a.xlsx", "表", list(range(2, 2 + 2 * (MAX_RUNS + 1), 2)))
    assert scattered.runs is None and scattered.count == MAX_RUNS + 1 and scattered.first == 2
    (merged,) = merge_rows([Rows.of("a.xlsx", "表", [2, 3]), Rows.of("a.xlsx", "表", [4, 8])])
    assert merged.runs == ((2, 4), (8, 8)) and merged.count == 4
    parts = [Rows.of("a.xlsx", "表", list(range(s, 30, 2))) for s in (2, 3)]
    assert parts[0].runs is None
    (whole,) = merge_rows(parts)  # two scattered halves that fill one block
    assert whole.runs == ((2, 29),) and whole.count == 28


def test_the_report_period_is_stated_once_above_the_sources(example):
    t, path = example
    doc = Document(str(path))
    start, end = t.report_period
    note = next(p.text for p in doc.paragraphs if p.text.startswith("活动、获奖、换届按报告期"))
    assert (
        f"{start.year}年{start.month}月{start.day}日至{end.year}年{end.month}月{end.day}日" in note
    )
    assert isinstance(start, dt.date)


def test_an_office_without_any_of_its_figures_gets_no_draft(tmp_path):
    tables = {k: v for k, v in clean_tables().items() if k in ("设置", "部门")}
    folder = write_office(tmp_path / "office", tables)
    result = unionxl.load(folder).report(tmp_path / "out", only=[NAME], force=True)
    assert result.written == [] and result.skipped == [f"{NAME}：台账中没有工作报告用到的数字"]
