"""Render one docx template with docxtpl and write it whole or not at all.

Every docxtpl/Jinja exception becomes a UnionxlError naming the template and the
paragraph (docxtpl's `docx_context`); the output goes to a temp file beside the target
and is renamed over it (`atomic.write_atomically`), so a document open in Word gives a
clear message and the old file stays intact.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

from docx.opc.exceptions import PackageNotFoundError
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage
from jinja2 import TemplateError
from lxml import etree

from unionxl.model.errors import UnionxlError
from unionxl.outputs.atomic import write_atomically
from unionxl.reports import long_rows
from unionxl.reports.jinja import make_env
from unionxl.reports.options import Chart
from unionxl.reports.trial import failing_paragraph, runtime_message

CHART_WIDTH = Mm(150)


def render(
    template: Path,
    context: dict[str, Any],
    target: Path,
    notes: list[str] | None = None,
    *,
    variables: set[str] | None = None,
) -> Path:
    """Fill `template` with `context` and write `target` atomically. `variables`: the
    template's variables as the doctor found them (then it is not parsed once more only
    to learn them)."""
    name = template.name
    tpl = open_template(template)
    env = make_env()
    values = with_images(tpl, context, notes)
    try:
        if variables is None:
            missing = tpl.get_undeclared_template_variables(jinja_env=env, context=values)
        else:
            missing = variables - values.keys()
    except TemplateError as e:
        raise UnionxlError(
            f"模板 {name}：{runtime_message(e)}（运行 unionxl report --check-templates 查看详情）"
        ) from e
    if missing:
        raise UnionxlError(f"模板 {name} 用到了数据中没有的变量：{'、'.join(sorted(missing))}")
    try:
        planned = long_rows.render_fast(tpl, values, env)
        if planned is None:
            if tpl.is_rendered:  # the fast way was tried and refused: start again
                tpl = open_template(template)
                values = with_images(tpl, context, notes)
            tpl.render(values, jinja_env=env, autoescape=True)
    except TemplateError as e:
        where = failing_paragraph(tpl, e)
        raise UnionxlError(
            f"模板 {name}{f'“{where}”' if where else ''}：{runtime_message(e)}"
        ) from e
    except etree.XMLSyntaxError as e:
        raise UnionxlError(f"模板 {name} 填入数据后不是有效的 Word 文档（{e}）") from e
    buffer = io.BytesIO()
    tpl.save(buffer)
    data = buffer.getvalue()
    if planned is not None:
        data = long_rows.fill(data, planned)
    return write_atomically(target, lambda path: path.write_bytes(data))


# docxtpl turns a tab, a newline, \a or \f inside a text run into Word's own
# markup: three nested regex passes over every paragraph of the rendered XML.
LISTING_CHARS = re.compile("[\t\n\a\f]")


# Tags that change how many cells a table row has ({%tc for …%}, colspan, vm): only
# then can docxtpl's fix_tables have anything to fix (it walks every cell of every table).
CELL_TAGS = re.compile(r"\{%-?\s*(?:tc\b|colspan\b|vm\b)")
XML_TAG = re.compile(r"<[^>]+>")


class Template(DocxTemplate):
    """docxtpl's template, skipping two passes when they cannot change anything – same
    result: the listing pass when the XML holds none of those characters (the usual
    case: a 600-page 慰问发放表 has none), and the table fix when no tag changes a row's
    cells (it costs 0.05 s on the 慰问发放表's 435 tables)."""

    cell_tags = True

    def get_xml(self) -> str:
        xml = super().get_xml()
        self.cell_tags = CELL_TAGS.search(XML_TAG.sub("", xml)) is not None
        return xml

    def resolve_listing(self, xml: str) -> str:
        if LISTING_CHARS.search(xml) is None:
            return xml
        return super().resolve_listing(xml)

    def fix_tables(self, xml: str) -> Any:
        if self.cell_tags:
            return super().fix_tables(xml)
        return etree.fromstring(xml, parser=etree.XMLParser(recover=True))


def open_template(template: Path) -> DocxTemplate:
    try:
        tpl = Template(str(template))
        tpl.init_docx()
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, etree.XMLSyntaxError) as e:
        raise UnionxlError(
            f"模板 {template.name} 不是能读的 Word 文档（.docx），请在 Word 中另存为 .docx"
        ) from e
    return tpl


def with_images(
    tpl: DocxTemplate, context: dict[str, Any], notes: list[str] | None
) -> dict[str, Any]:
    return {
        key: image(tpl, value, notes) if isinstance(value, Chart) else value
        for key, value in context.items()
    }


def image(tpl: DocxTemplate, chart: Chart, notes: list[str] | None) -> Any:
    """The chart as an InlineImage, or a line of text saying why there is none."""
    from unionxl.reports.chart import ChartUnavailable, chart_png

    try:
        png = chart_png(chart, width_mm=CHART_WIDTH.mm)
    except ChartUnavailable as e:
        if notes is not None and str(e) not in notes:
            notes.append(str(e))
        return "（未生成对比图）"
    return InlineImage(tpl, io.BytesIO(png), width=CHART_WIDTH)
