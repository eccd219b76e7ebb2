"""Table lines in the PDF: set on each table rather than by the "Table Grid" style (which
LibreOffice's DOCX import applies paragraph by paragraph, slowly), and drawn the same."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import clean_tables, write_office
from docx.oxml.ns import qn
from lxml import etree
from PIL import Image, ImageChops

import unionxl
from unionxl.reports import pdf

NAME = "慰问发放表"


def restyled(source: Path, target: Path, style: str | None) -> Path:
    """`source` with every table's own lines removed, and `style` named instead."""
    with zipfile.ZipFile(source) as z:
        parts = [(info, z.read(info.filename)) for info in z.infolist()]
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info, blob in parts:
            if info.filename == "word/document.xml":
                root = etree.fromstring(blob)
                for properties in root.iter(qn("w:tblPr")):
                    properties.remove(properties.find(qn("w:tblBorders")))
                    if style:
                        properties.insert(0, etree.Element(qn("w:tblStyle"), {qn("w:val"): style}))
                blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
            out.writestr(info, blob)
    return target


def pages(document: Path, folder: Path) -> list[Image.Image]:
    folder.mkdir()
    subprocess.run(["pdftoppm", "-r", "50", "-gray", str(document), str(folder / "p")], check=True)
    return [Image.open(p) for p in sorted(folder.glob("p*.pgm"))]


def same(a: Image.Image, b: Image.Image) -> bool:
    return a.size == b.size and ImageChops.difference(a, b).getbbox() is None


@pytest.mark.skipif(
    pdf.find_soffice() is None or shutil.which("pdftoppm") is None,
    reason="needs LibreOffice and poppler's pdftoppm",
)
def test_the_sheets_lines_look_as_table_grid_draws_them(tmp_path):
    folder = write_office(tmp_path / "office", clean_tables())
    [ours] = unionxl.load(folder).report(tmp_path / "docx", only=[NAME], force=True).written
    grid = restyled(ours, tmp_path / "表格网格.docx", "TableGrid")
    bare = restyled(ours, tmp_path / "无线.docx", None)
    made = pdf.convert([ours, grid, bare], tmp_path / "pdf")
    ours_pages, grid_pages, bare_pages = (pages(p, tmp_path / p.stem) for p in made)
    assert len(ours_pages) == len(grid_pages) >= 1
    assert all(same(a, b) for a, b in zip(ours_pages, grid_pages))
    assert not same(ours_pages[0], bare_pages[0])  # the comparison sees lines
