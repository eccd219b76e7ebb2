"""The doctor's trial render, and where a render error happened, in Chinese.

Jinja runtime errors carry no paragraph: docxtpl attaches `docx_context` only to
errors with a line number, so the line is taken from the traceback's template frame
and mapped back to the paragraph of the part being rendered.
"""

from __future__ import annotations

import html
import io
import re
from typing import TYPE_CHECKING, Any

from docx import Document
from docxtpl import DocxTemplate
from jinja2 import TemplateError, TemplateSyntaxError

from unionxl.reports import variables as V
from unionxl.reports.jinja import make_env
from unionxl.reports.parts import (
    CLOSERS,
    OPENERS,
    Problem,
    as_jinja_source,
    paragraph_text,
    shorten,
)

if TYPE_CHECKING:
    from unionxl.reports.doctor import TemplateInfo

SPECIAL = {"p", "tr", "tc", "r"}  # docxtpl's paragraph, row, cell and run tags


def trial_render(info: TemplateInfo) -> None:
    """Render with a sample of every variable; report errors and tags left as text."""
    template = DocxTemplate(str(info.path))
    name = info.path.name
    try:
        template.render(V.sample_context(), jinja_env=make_env(), autoescape=True)
    except TemplateError as e:
        info.problems.append(
            Problem(name, "正文", failing_paragraph(template, e), runtime_message(e))
        )
        return
    buffer = io.BytesIO()
    template.save(buffer)
    document: Any = Document(buffer)
    texts = [("正文", p.text) for p in iter_paragraphs(document)]
    for section in document.sections:
        for part, label in (
            (section.footer, "页脚"),
            (section.even_page_footer, "页脚"),
            (section.header, "页眉"),
        ):
            texts += [(label, p.text) for p in part.paragraphs]
    for label, text in texts:
        if OPENERS.search(text) or CLOSERS.search(text):
            found = Problem(
                name,
                label,
                shorten(text),
                "这个标签没有被识别（Word 的修订或拼写检查标记把它拆开了）：请删掉整个标签，关闭修订后重新输入",
            )
            if found not in info.problems:
                info.problems.append(found)


def iter_paragraphs(document: Any):
    yield from document.paragraphs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def context_text(error: BaseException) -> str:
    """The paragraph docxtpl attached to a Jinja error (`docx_context`), shortened."""
    lines = [line.strip() for line in getattr(error, "docx_context", None) or [] if line.strip()]
    if not lines:
        return ""
    return shorten(html.unescape(lines[min(3, len(lines) - 1)]))


def template_line(error: BaseException) -> int | None:
    """The template line a Jinja runtime error happened on (from its traceback)."""
    lineno = None
    tb = error.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            lineno = tb.tb_lineno
        tb = tb.tb_next
    return lineno


def failing_paragraph(template: DocxTemplate, error: BaseException) -> str:
    """The paragraph a render error comes from: docxtpl's docx_context, else the traceback."""
    text = context_text(error)
    lineno = template_line(error)
    part = getattr(template, "current_rendering_part", None)
    if text or lineno is None or part is None:
        return text
    xml = template.get_xml() if part is template.docx.part else template.get_part_xml(part)
    lines = as_jinja_source(template.patch_xml(xml)).split("\n")
    return paragraph_text(lines[lineno - 1]) if lineno <= len(lines) else ""


def runtime_message(error: TemplateError) -> str:
    text = error.message or str(error)
    if m := re.search(r"has no attribute '(.+?)'", text):
        return f"数据中没有“{m.group(1)}”这一项"
    if m := re.search(r"'(.+?)' is undefined", text):
        return f"数据中没有变量“{m.group(1)}”"
    if "has no element" in text:
        return "列表是空的，取不到其中的项"
    if isinstance(error, TemplateSyntaxError):
        return translate(error)
    return f"模板出错（{text}）"


def translate(error: TemplateSyntaxError, tag: str = "") -> str:
    """A Jinja syntax error in words a clerk can act on."""
    text = error.message or str(error)
    prefix = f"{tag}：" if tag else ""
    if m := re.search(r"unexpected char '(.+?)'", text):
        return f"{prefix}标签里有不能用的字符“{m.group(1)}”：标签里请用半角符号，变量与字段之间用半角点 ."
    if "end of print statement" in text:
        return f"{prefix}{{{{ }}}} 里只能写一个变量：变量名里不能有空格或标点"
    if m := re.search(r"unknown tag '(.+?)'", text):
        if m.group(1) in SPECIAL:
            return f"{prefix}p、tr、tc、r 要紧跟在 {{% 后面（不能有空格），标签里也不能有 % 或 }}"
        return f"{prefix}不认识的标签“{m.group(1)}”"
    if "Unexpected end of template" in text:
        return f"{prefix}有 {{% for %}} 或 {{% if %}} 没有结束标签"
    if "unexpected" in text and ("}" in text or "%" in text):
        return f"{prefix}标签的括号不成对"
    return f"{prefix}模板写法有误（{text}）"
