"""The passes render.Template skips give the document docxtpl itself would write."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from docxtpl import DocxTemplate

from unionxl.reports.jinja import make_env
from unionxl.reports.render import render


def template(path: Path, cells: list[str], rows: int = 2) -> Path:
    document = docx.Document()
    document.add_paragraph("{{ 单位名称 }}")
    table = document.add_table(rows=rows, cols=len(cells))
    for i, text in enumerate(cells):
        table.cell(0, i).text = text
    document.save(path)
    return path


def body(path: Path) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read("word/document.xml")


def docxtpl_alone(path: Path, context: dict, out: Path) -> Path:
    tpl = DocxTemplate(str(path))
    tpl.render(context, jinja_env=make_env(), autoescape=True)
    tpl.save(str(out))
    return out


def test_a_column_loop_gets_docxtpls_table_fix(tmp_path: Path) -> None:
    source = template(
        tmp_path / "列.docx", ["月份", "{%tc for m in 月份 %}", "{{ m }}", "{%tc endfor %}"]
    )
    context = {"单位名称": "测试工会", "月份": ["1月", "2月", "3月", "4月"]}
    ours = render(source, context, tmp_path / "ours.docx")
    theirs = docxtpl_alone(source, context, tmp_path / "theirs.docx")
    assert body(ours) == body(theirs)
    assert body(ours).count(b"<w:gridCol ") == 5  # 1 + 4 months: the grid was widened


def test_a_plain_table_is_written_as_docxtpl_writes_it(tmp_path: Path) -> None:
    source = template(tmp_path / "表.docx", ["单位", "{{ 单位名称 }}"], rows=3)
    context = {"单位名称": "测试工会"}
    ours = render(source, context, tmp_path / "ours.docx", variables={"单位名称"})
    theirs = docxtpl_alone(source, context, tmp_path / "theirs.docx")
    assert body(ours) == body(theirs)
    assert "测试工会" in body(ours).decode()
