"""A docx template as docxtpl sees it: parts, one line per paragraph, visible text.

Shared by the doctor (`doctor.py`) and the trial/real render (`trial.py`, `render.py`),
so that a problem is always shown with the paragraph text the clerk sees in Word.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from docxtpl import DocxTemplate

PARTS = ((DocxTemplate.HEADER_URI, "页眉"), (DocxTemplate.FOOTER_URI, "页脚"))
TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")
OPENERS = re.compile(r"\{\{|\{%|\{#")
CLOSERS = re.compile(r"\}\}|%\}|#\}")
SNIPPET = 40
QUOTES = str.maketrans("“”‘’", "\"\"''")
HIDDEN = re.compile(r"<w:(delText|instrText)\b[^>]*>.*?</w:\1>")


@dataclass(frozen=True)
class Problem:
    template: str  # file name, e.g. 捐款公示.docx
    part: str  # 正文, 页眉, 页脚
    paragraph: str  # text of the paragraph (shortened), to find it in Word
    message: str

    def __str__(self) -> str:
        where = f"{self.template}（{self.part}）"
        if self.paragraph:
            where += f"“{self.paragraph}”"
        return f"{where}：{self.message}"


def parts_of(template: DocxTemplate) -> list[tuple[str, str]]:
    found = [("正文", template.get_xml())]
    for uri, name in PARTS:
        for _, part in template.get_headers_footers(uri):
            found.append((name, template.get_part_xml(part)))
    return found


def as_jinja_source(xml: str) -> str:
    """One line per paragraph, exactly as docxtpl hands the part to Jinja."""
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)


def visible(source_line: str) -> str:
    """The text Word shows: deleted revisions and field codes left out."""
    shown = HIDDEN.sub("", source_line)
    return html.unescape(re.sub(r"<[^>]+>", "", shown)).strip()


def shorten(text: str) -> str:
    return text if len(text) <= SNIPPET else text[: SNIPPET - 1] + "…"


def paragraph_text(source_line: str) -> str:
    return shorten(visible(source_line))


def paragraphs(xml: str) -> list[str]:
    """The visible text of each paragraph of a part, before docxtpl touches it."""
    return [visible(line) for line in as_jinja_source(xml).split("\n")[1:]]


def normal(tag: str) -> str:
    """`{%p endif %}` and `{% endif %}` alike: how a tag looks after docxtpl's patch."""
    tag = re.sub(r"^\{%-?\s*(?:p|tr|tc|r)\s", "{% ", tag)
    tag = tag.translate(QUOTES)
    return re.sub(r"\s+", " ", tag)


def normal_text(text: str) -> str:
    return TAG.sub(lambda m: normal(m.group(0)), text.translate(QUOTES))
