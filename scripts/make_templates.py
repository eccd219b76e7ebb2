"""Build the five report templates with python-docx, reproducibly (same bytes every run).

    python scripts/make_templates.py          # writes unionxl/templates/ and templates/

`unionxl/templates/` is what the code reads (package data); `templates/` is the same
files at the top of the repository for the office to copy, edit in Word or WPS and use
with `unionxl report --templates DIR`. A test keeps the two copies identical.

Layout follows GB/T 9704-2012 where it applies: A4, margins 37/35/28/26 mm (top, bottom,
left, right), body 3号 (16 pt) 仿宋_GB2312 in the East-Asian font slot, fixed 28 pt line
spacing, title 2号 (22 pt) 方正小标宋简体, headings 黑体, tables 小四 (12 pt), page numbers
"— 1 —" in 4号 宋体 (odd pages right, even pages left). Fonts missing on a computer fall
back through the font table's altName (仿宋, 宋体). No colours, no theme fonts, no
content controls: plain enough for WPS.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as `python scripts/make_templates.py`
    sys.path.insert(0, str(ROOT))

from docx import Document  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402

from scripts.report_templates.budget import budget_report  # noqa: E402
from scripts.report_templates.donations import donation_notice  # noqa: E402
from scripts.report_templates.kit import (  # noqa: E402
    FIXED_TIME,
    OUTPUTS,
    add_font_fallbacks,
    clean_metadata,
    setup_page,
    setup_styles,
)
from scripts.report_templates.visit_sheets import visit_sheets  # noqa: E402
from scripts.report_templates.work_report import work_report  # noqa: E402
from scripts.report_templates.work_report_draft import work_report_draft  # noqa: E402

TEMPLATES = {
    "经费收支决算报告": budget_report,
    "捐款公示": donation_notice,
    "工作报告数据": work_report,
    "慰问发放表": visit_sheets,
    "工作报告（数据稿）": work_report_draft,
}


# --- reproducible output -----------------------------------------------------------------
def build(name: str) -> bytes:
    doc = Document()
    setup_styles(doc)
    add_font_fallbacks(doc)
    setup_page(doc)
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    TEMPLATES[name](doc)
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = name, "unionxl", "unionxl"
    props.created = props.modified = FIXED_TIME
    props.revision = 1
    props.comments = "unionxl 报告模板；变量说明见 templates/README.md"
    props.language = "zh-CN"
    clean_metadata(doc)
    buffer = io.BytesIO()
    doc.save(buffer)
    return reproducible_zip(buffer.getvalue())


def reproducible_zip(data: bytes) -> bytes:
    """Same bytes every run: fixed zip entry timestamps."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, src.read(item.filename))
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    outputs = [Path(a) for a in (argv if argv is not None else sys.argv[1:])] or list(OUTPUTS)
    for name in TEMPLATES:
        data = build(name)
        for folder in outputs:
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{name}.docx").write_bytes(data)
    from unionxl.reports.examined import BUILTIN, write_store

    if any(folder.resolve() == BUILTIN for folder in outputs):
        write_store()  # what the doctor finds in them, so a report run need not ask again
    print(f"写入 {len(TEMPLATES)} 个模板：" + "、".join(str(o) for o in outputs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
