"""The built-in templates: reproducible, one copy, GB/T 9704 layout, documented variables."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt

from scripts import make_templates
from unionxl.reports import BUILTIN
from unionxl.reports.docs import README, readme_text
from unionxl.reports.doctor import examine
from unionxl.reports.examined import digest, examined, stored

ROOT = Path(__file__).resolve().parents[1]
NAMES = sorted(make_templates.TEMPLATES)


def test_readme_is_generated_from_the_code():
    assert README.read_text(encoding="utf-8") == readme_text(), (
        "templates/README.md is out of date: run python -m unionxl.reports.docs"
    )


def test_package_and_repository_copies_are_the_same_files():
    packaged = sorted(p.name for p in BUILTIN.glob("*.docx"))
    assert packaged == sorted(f"{n}.docx" for n in NAMES)
    for name in packaged:
        assert (ROOT / "templates" / name).read_bytes() == (BUILTIN / name).read_bytes(), name


@pytest.mark.parametrize("name", NAMES)
def test_templates_are_what_the_script_builds(name):
    assert make_templates.build(name) == (BUILTIN / f"{name}.docx").read_bytes(), (
        f"{name}.docx differs from scripts/make_templates.py: run python scripts/make_templates.py"
    )


@pytest.mark.parametrize("name", NAMES)
def test_stored_examination_is_a_fresh_one(name):
    """examined.json (what a report run uses instead of examining again) says what the
    doctor says now, of these very bytes."""
    path = BUILTIN / f"{name}.docx"
    entry = stored()[path.name]
    assert entry["sha256"] == digest(path), "run python scripts/make_templates.py"
    fresh = examine(path, trial=True)
    assert not fresh.problems
    assert entry["variables"] == sorted(fresh.variables), "run python scripts/make_templates.py"
    assert examined(path, trial=False).variables == fresh.variables


def test_a_changed_copy_is_examined_afresh(tmp_path):
    copy = tmp_path / "捐款公示.docx"
    copy.write_bytes((BUILTIN / "捐款公示.docx").read_bytes())
    doc = Document(str(copy))
    doc.add_paragraph("{{ 没有这个变量 }}")
    doc.save(str(copy))
    assert examined(copy, trial=False).problems  # not taken from the store


def east_asian_font(style) -> str | None:
    fonts = style.element.rPr.find(qn("w:rFonts"))
    return None if fonts is None else fonts.get(qn("w:eastAsia"))


@pytest.mark.parametrize("name", NAMES)
def test_gb_t_9704_layout(name):
    doc = Document(str(BUILTIN / f"{name}.docx"))
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(m.mm) for m in margins] == [37, 35, 28, 26]
    normal, title = doc.styles["Normal"], doc.styles["公文标题"]
    assert (east_asian_font(normal), normal.font.size) == ("仿宋_GB2312", Pt(16))
    assert (east_asian_font(title), title.font.size) == ("方正小标宋简体", Pt(22))
    assert (east_asian_font(doc.styles["表格文字"]), doc.styles["表格文字"].font.size) == (
        "仿宋_GB2312",
        Pt(12),
    )
    theme = normal.element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsiaTheme"))
    assert theme is None  # a theme font would override the East-Asian font
    for footer in (section.footer, section.even_page_footer):
        xml = footer._element.xml
        assert "PAGE" in xml and "— " in xml and " —" in xml
        assert "{{ 校验提示 }}" in xml
    assert doc.settings.odd_and_even_pages_header_footer


# tblPr children in the schema's order (ECMA-376 CT_TblPr), those the templates use
TBLPR_ORDER = ("tblStyle", "tblW", "jc", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar")
TBLPR_ORDER += ("tblLook",)


@pytest.mark.parametrize("name", NAMES)
def test_tables_set_their_own_grid_lines_and_name_no_table_style(name):
    """LibreOffice's DOCX import applies a table style to each paragraph of the table in
    turn: with "Table Grid" the 慰问发放表's PDF took ~10 s longer. Each table carries
    Table Grid's lines itself (½ pt, every side and inside), one fixed layout."""
    body = Document(str(BUILTIN / f"{name}.docx")).element.body
    tables = list(body.iter(qn("w:tbl")))
    assert tables
    for tbl in tables:
        properties = tbl.find(qn("w:tblPr"))
        tags = [child.tag.split("}")[1] for child in properties]
        assert "tblStyle" not in tags
        assert tags == sorted(tags, key=TBLPR_ORDER.index)  # an unknown tag fails here too
        assert tags.count("tblLayout") == 1
        assert properties.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        lines = [
            (line.tag.split("}")[1], line.get(qn("w:val")), line.get(qn("w:sz")))
            for line in properties.find(qn("w:tblBorders"))
        ]
        sides = ("top", "left", "bottom", "right", "insideH", "insideV")
        assert lines == [(side, "single", "4") for side in sides]
