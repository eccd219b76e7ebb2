"""`unionxl report`: the five documents, read back with python-docx, say what the data says."""

from __future__ import annotations

import datetime as dt
import os
import zipfile
from pathlib import Path

import pytest
from conftest import ID_FEMALE, ID_MALE, clean_tables, write_office
from docx import Document
from docx.oxml.ns import qn

import unionxl
from unionxl.model.errors import UnionxlError
from unionxl.reports import DataHasErrors
from unionxl.reports import variables as V
from unionxl.reports.context import Options, build_context, proposal_sentence

DAY = dt.date(2024, 1, 15)
EXAMPLE = Path(__file__).resolve().parents[1] / "workbooks"
NAMES = ("经费收支决算报告", "捐款公示", "工作报告数据", "慰问发放表", "工作报告（数据稿）")
PHONES = ("13812345678", "13912345678")


def document_text(path: Path) -> str:
    """Every piece of text Word would show: body, tables, headers and footers."""
    doc = Document(str(path))
    parts = [doc.element.body]
    for section in doc.sections:
        for hf in (
            section.footer,
            section.even_page_footer,
            section.header,
            section.first_page_footer,
        ):
            if not hf.is_linked_to_previous:
                parts.append(hf._element)
    return "\n".join(
        "".join(t.text or "" for t in p.iter(qn("w:t")))
        for part in parts
        for p in part.iter(qn("w:p"))
    )


def footer_text(path: Path) -> str:
    doc = Document(str(path))
    return "".join(t.text or "" for s in doc.sections for t in s.footer._element.iter(qn("w:t")))


def table_rows(path: Path) -> list[list[str]]:
    doc = Document(str(path))
    return [[c.text for c in row.cells] for t in doc.tables for row in t.rows]


def tables_with_ampersand() -> dict:
    """The clean office plus a member and a donation in a department named A&B<C>."""
    tables = clean_tables()
    tables["部门"][1].append(["A&B<C>", "学院"])
    tables["会员"][1].append(
        ["0103", "王五", "男", None, None, "A&B<C>", dt.date(2012, 1, 1), "在职", None]
    )
    tables["捐款明细"][1].append(["慈善一日捐", "0103", "王五", "A&B<C>", 50, dt.date(2023, 5, 12)])
    tables["捐款活动"][1][1][3] = 350
    return tables


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    """All five reports of the clean office (plus A&B<C>), with the named list."""
    folder = write_office(tmp_path_factory.mktemp("office"), tables_with_ampersand())
    result = unionxl.load(folder).report(folder.parent / "out", named=True, date=DAY)
    return {p.stem: p for p in result.written}


def test_writes_the_five_documents_and_no_tag_is_left(reports):
    assert sorted(reports) == sorted(NAMES)
    for path in reports.values():
        text = document_text(path)
        assert "{{" not in text and "{%" not in text and "}}" not in text and "%}" not in text
        assert "仅供核对" not in text  # the data is clean


def test_public_notice_never_shows_id_card_or_phone(make_office, tmp_path):
    office = unionxl.load(make_office(tables_with_ampersand()))
    for named in (False, True):
        result = office.report(tmp_path / f"out{named}", named=named, date=DAY)
        for path in result.written:
            text = document_text(path)
            for secret in (ID_MALE, ID_FEMALE, *PHONES, ID_MALE[-6:], "0101", "0102"):
                assert secret not in text, (path.name, secret)
        notice = document_text(tmp_path / f"out{named}" / "捐款公示.docx")
        assert ("张三" in notice) is named  # names only with --named


def test_work_report_sentences(reports):
    text = document_text(reports["工作报告数据"])
    assert "现有会员 3 人，其中在职 2 人、退休 1 人，女会员 1 人。" in text
    assert "征集提案 2 件，确定 2 件，正式立案 1 件，1 项立案提案得到提案人“满意”回复。" in text
    assert "组织“慈善一日捐”活动，3 人次参加，捐款 350.00 元。" in text
    assert (
        "全年开展慰问 2 人次，发放 800.00 元，其中节日慰问 1 人次 500.00 元、生日慰问 1 人次 300.00 元。"
        in text
    )
    assert "获省级荣誉 1 项：福建省模范职工之家（测试学院工会）。" in text
    assert "全年经费收入 400.00 元，支出 250.50 元，年末结余 1,149.50 元。" in text
    rows = table_rows(reports["工作报告数据"])
    assert ["数理学院", "1", "0", "0", "1"] in rows
    assert ["A&B<C>", "1", "0", "0", "1"] in rows
    assert ["合计", "2", "1", "0", "3"] in rows
    assert ["节日慰问", "1", "1", "500.00"] in rows


@pytest.mark.parametrize(
    ("figures", "grades", "expected"),
    [
        (
            (30, 28, 4, 4, 4),
            {"满意": 4},
            "征集提案 30 件，确定 28 件，正式立案 4 件，4 项立案提案均得到提案人“满意”回复。",
        ),
        (
            (30, 28, 4, 4, 3),
            {"满意": 3, "基本满意": 1},
            "征集提案 30 件，确定 28 件，正式立案 4 件，已答复 4 项，提案人评价“满意” 3 项、“基本满意” 1 项。",
        ),
        (
            (30, 28, 4, 3, 3),
            {"满意": 3},
            "征集提案 30 件，确定 28 件，正式立案 4 件，已答复 3 项，提案人评价“满意” 3 项，另有 1 项正在办理。",
        ),
        ((5, 2, 0, 0, 0), {}, "征集提案 5 件，确定 2 件，无正式立案提案。"),
        ((5, 2, 2, 0, 0), {}, "征集提案 5 件，确定 2 件，正式立案 2 件，立案提案正在办理中。"),
    ],
)
def test_proposal_sentence_says_均_only_when_all_are_satisfied(figures, grades, expected):
    from collections import Counter

    keys = ("征集", "确定", "立案", "立案已答复", "立案满意")
    assert proposal_sentence(dict(zip(keys, figures, strict=True)), Counter(grades)) == expected


def test_values_with_xml_characters_make_a_valid_document(make_office, tmp_path):
    tables = tables_with_ampersand()
    tables["设置"][1][1][1] = "测试&学院<工会> \"甲\" '乙'"
    office = unionxl.load(make_office(tables))
    result = office.report(tmp_path / "out", date=DAY)
    for path in result.written:
        text = document_text(path)  # python-docx parses it: the XML is valid
        assert "测试&学院<工会> \"甲\" '乙'" in text


def test_context_has_exactly_the_documented_variables(make_office):
    """Every variable in variables.py is supplied, with the documented fields, and no other."""
    office = unionxl.load(make_office(tables_with_ampersand()))
    context = build_context(
        office.totals(), office.policy, Options(named=True, date=DAY), data=office.data
    )
    assert set(context) == set(V.VARIABLES)
    absent = set(V.REGISTER_TABLE_NAMES) - set(office.data.tables)  # 台账 of tables not kept

    def same_shape(var: V.Var, value) -> None:
        if var.kind == V.LIST:
            assert isinstance(value, list), var.name
            assert value or var.name in absent, (
                f"{var.name}: the test office should fill every list"
            )
            for item in value:
                if var.fields:
                    assert set(item) == {f.name for f in var.fields}, var.name
                    for f in var.fields:
                        same_shape(f, item[f.name])
        elif var.kind == V.RECORD:
            assert set(value) == {f.name for f in var.fields}, var.name
            for f in var.fields:
                same_shape(f, value[f.name])
        elif var.kind == V.NUMBER:
            assert isinstance(value, int), var.name
        elif var.kind == V.FLAG:
            assert isinstance(value, bool), var.name
        elif var.kind == V.TEXT:
            assert isinstance(value, str), var.name

    for name, var in V.VARIABLES.items():
        if var.kind != V.IMAGE:
            same_shape(var, context[name])
    assert context["图表"].income and context["图表"].expense


def test_refuses_data_with_errors_unless_forced(make_office, tmp_path):
    tables = clean_tables()
    tables["捐款明细"][1][1][2] = "张三丰"  # 姓名 differs from the roster: an error
    office = unionxl.load(make_office(tables))
    errors = office.check().errors
    assert errors >= 1
    with pytest.raises(DataHasErrors) as caught:
        office.report(tmp_path / "out", date=DAY)
    assert f"数据校验发现 {errors} 个错误" in str(caught.value)
    assert "unionxl check" in str(caught.value) and "\n" not in str(caught.value)
    assert not (tmp_path / "out").exists()

    result = office.report(tmp_path / "out", force=True, date=DAY)
    assert len(result.written) == len(NAMES) and result.errors == errors
    for path in result.written:
        assert f"数据校验存在 {errors} 个错误，本报告仅供核对" in footer_text(path)


def test_skips_a_report_without_its_data(make_office, tmp_path):
    tables = clean_tables()
    for sheet in ("捐款活动", "捐款明细"):
        del tables[sheet]
    result = unionxl.load(make_office(tables)).report(tmp_path / "out", date=DAY)
    assert result.skipped == ["捐款公示：台账中没有捐款活动"]
    assert sorted(p.stem for p in result.written) == sorted(set(NAMES) - {"捐款公示"})


def test_only_one_and_unknown_name(make_office, tmp_path):
    office = unionxl.load(make_office())
    result = office.report(tmp_path / "out", only=["捐款公示.docx"], date=DAY)
    assert [p.name for p in result.written] == ["捐款公示.docx"]
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["捐款公示.docx"]
    with pytest.raises(UnionxlError, match="没有名为 捐款公告 的模板"):
        office.report(tmp_path / "out", only=["捐款公告"], date=DAY)


def test_output_that_is_a_folder_gives_one_clear_line(make_office, tmp_path):
    office = unionxl.load(make_office())
    (tmp_path / "out" / "捐款公示.docx").mkdir(parents=True)
    with pytest.raises(UnionxlError) as caught:
        office.report(tmp_path / "out", only=["捐款公示"], date=DAY)
    assert "捐款公示.docx" in str(caught.value) and "\n" not in str(caught.value)


def test_output_open_in_word_gives_one_clear_line_and_keeps_the_old_file(
    make_office, tmp_path, monkeypatch
):
    """Windows refuses to replace a file Word holds open: os.replace raises PermissionError."""
    office = unionxl.load(make_office())
    out = tmp_path / "out"
    out.mkdir()
    (out / "捐款公示.docx").write_bytes(b"old")

    def locked(src, dst):
        raise PermissionError(13, "The process cannot access the file", str(dst))

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(UnionxlError) as caught:
        office.report(out, only=["捐款公示"], date=DAY, force=True)
    message = str(caught.value)
    assert "捐款公示.docx" in message and "Word" in message and "\n" not in message
    assert (out / "捐款公示.docx").read_bytes() == b"old"
    assert [p.name for p in out.iterdir()] == ["捐款公示.docx"]  # no temp file left


def test_own_templates_replace_and_extend_the_built_in_ones(make_office, tmp_path):
    from unionxl.reports import BUILTIN

    own = tmp_path / "我的模板"
    own.mkdir()
    notice = Document(str(BUILTIN / "捐款公示.docx"))
    notice.add_paragraph("本公示由本单位自定义模板生成。")
    notice.save(str(own / "捐款公示.docx"))
    brief = Document()
    brief.add_paragraph("{{ 单位名称 }}：本年收入 {{ 本年收入 }} 元，即人民币{{ 本年收入|大写 }}。")
    brief.save(str(own / "简报.docx"))

    office = unionxl.load(make_office())
    result = office.report(tmp_path / "out", templates=own, date=DAY)
    assert sorted(p.stem for p in result.written) == sorted([*NAMES, "简报"])
    assert "本公示由本单位自定义模板生成。" in document_text(tmp_path / "out" / "捐款公示.docx")
    assert "测试学院工会：本年收入 400.00 元，即人民币肆佰元整。" in document_text(
        tmp_path / "out" / "简报.docx"
    )


def test_without_a_chart_font_the_report_still_comes_with_a_note(
    make_office, tmp_path, monkeypatch
):
    from unionxl.reports import chart

    # no fontconfig on the PATH and no font in the font folders (a bare Windows server)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(chart, "FONT_FOLDERS", (tmp_path,))
    chart.cjk_font.cache_clear()
    try:
        office = unionxl.load(make_office())
        result = office.report(tmp_path / "out", only=["经费收支决算报告"], date=DAY)
    finally:
        chart.cjk_font.cache_clear()
    assert result.notes == [
        "没有找到中文字体（如 黑体、微软雅黑、Noto Sans CJK），决算报告中不含对比图"
    ]
    assert "（未生成对比图）" in document_text(result.written[0])


def test_year_is_required(make_office, tmp_path):
    tables = clean_tables()
    tables["设置"] = (
        "经费.xlsx",
        [["项目", "值"], ["单位名称", "测试学院工会"], ["上年结余", 1000]],
    )
    office = unionxl.load(make_office(tables))
    with pytest.raises(UnionxlError, match="不知道报告年度"):
        office.report(tmp_path / "out", date=DAY)
    result = unionxl.load(make_office(tables, name="o2"), year=2023).report(
        tmp_path / "o", date=DAY
    )
    assert "2023年度经费收支决算报告" in document_text(tmp_path / "o" / "经费收支决算报告.docx")
    assert len(result.written) == len(NAMES)


def test_skipping_the_listing_pass_changes_nothing(tmp_path):
    """render.Template skips docxtpl's tab/newline pass only when it would do nothing."""
    from docxtpl import DocxTemplate

    from unionxl.reports.render import Template

    out = tmp_path / "out"
    unionxl.load(EXAMPLE).report(out, force=True, date=DAY)
    for path in sorted(out.glob("*.docx")):
        with zipfile.ZipFile(path) as docx:
            xml = docx.read("word/document.xml").decode("utf-8")
        plain, fast = DocxTemplate(str(path)), Template(str(path))
        assert fast.resolve_listing(xml) == plain.resolve_listing(xml), path.name
        tabbed = xml.replace("</w:t>", "\t甲\n乙</w:t>", 1)
        assert fast.resolve_listing(tabbed) == plain.resolve_listing(tabbed) != tabbed


def test_the_library_never_overwrites_a_clerks_docx_without_force(make_office, tmp_path):
    office = unionxl.load(make_office())
    out = tmp_path / "out"
    out.mkdir()
    (out / "捐款公示.docx").write_bytes(b"typed by a clerk")
    with pytest.raises(UnionxlError, match="捐款公示.docx：不会覆盖"):
        office.report(out, date=DAY)
    assert (out / "捐款公示.docx").read_bytes() == b"typed by a clerk"
    assert [p.name for p in out.iterdir()] == ["捐款公示.docx"]  # nothing else written
    office.report(out, only=["捐款公示"], date=DAY, force=True)
    assert (out / "捐款公示.docx").read_bytes() != b"typed by a clerk"
