"""The template doctor: every problem of a Word template, in Chinese, with its paragraph.

A clerk edits the templates in Word or WPS. Spell-check and revision marks can land
between the braces of a tag, a `{% for %}` can lose its `{% endfor %}`, a variable can be
misspelt. Jinja would stop at the first of these with an English traceback; the doctor
instead names each one with the text of the paragraph it sits in, so it can be found
with Word's search, and `unionxl report` runs it before rendering anything.

Checks, per part (正文, 页眉, 页脚) of the template as docxtpl sees it:

1. each tag alone: braces that do not pair up (a `{{` whose `}}` is missing, or a `}}`
   whose `{{` was split off by proofing or revision markup), full-width braces,
   characters Jinja cannot read, unknown tags (`{% tr for %}` with a space);
2. `{% for %}`/`{% if %}` blocks that are not closed, or closed twice;
3. filters and tests Jinja does not have, variables the data cannot supply (with a
   guess at what was meant), fields a list item does not have (`行.金 额`);
4. a trial render with a sample of every variable: what still goes wrong, and any tag
   left in the result as literal text because Word's markup hid it from docxtpl.
"""

from __future__ import annotations

import difflib
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docx.opc.exceptions import PackageNotFoundError
from docxtpl import DocxTemplate
from jinja2 import TemplateSyntaxError, meta, nodes
from lxml import etree

from unionxl.reports import variables as V
from unionxl.reports.jinja import make_env
from unionxl.reports.parts import (
    CLOSERS,
    OPENERS,
    TAG,
    Problem,
    as_jinja_source,
    normal,
    normal_text,
    paragraph_text,
    paragraphs,
    parts_of,
    shorten,
    visible,
)
from unionxl.reports.trial import SPECIAL, translate, trial_render

FULL_WIDTH = re.compile(r"｛\s*[｛{%％]|[%％}｝]\s*｝|\{\s*｛|｝\s*\}|\{％|％\}")
BLOCKS = {"for", "if", "with", "macro", "call", "filter", "autoescape", "set"}
MIDDLE = {"else", "elif"}
PARAGRAPH_TAG = re.compile(r"\{%-?p\s.*?%\}")


@dataclass
class TemplateInfo:
    """What the doctor learnt about one template."""

    path: Path
    variables: set[str] = field(default_factory=set)  # top-level variables it uses
    problems: list[Problem] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path.stem


def examine(path: Path, *, trial: bool = True) -> TemplateInfo:
    """Every problem of the template at `path`, and the variables it uses. `trial`: also
    render it once with sample data (what catches runtime errors)."""
    info = TemplateInfo(Path(path))
    try:
        template = DocxTemplate(str(path))
        template.init_docx()
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, etree.XMLSyntaxError) as e:
        info.problems.append(
            Problem(
                path.name,
                "文件",
                "",
                f"不是能读的 Word 文档（.docx）：请在 Word 中另存为 .docx（{type(e).__name__}）",
            )
        )
        return info
    for part_name, xml in parts_of(template):
        source = as_jinja_source(template.patch_xml(xml))
        Checker(info, part_name, source, paragraphs(xml)).run()
    if trial and not info.problems:
        trial_render(info)
    return info


class Checker:
    """Static checks of one part (steps 1–3 of the module docstring)."""

    def __init__(self, info: TemplateInfo, part: str, source: str, originals: list[str]) -> None:
        self.info, self.part, self.source = info, part, source
        self.lines = source.split("\n")
        self.originals = originals
        self.env = make_env()
        self.blocks: list[tuple[int, str, str]] = []  # (line, keyword, tag)
        self.strays: list[tuple[int, str]] = []  # end tags without an opening
        self.open: list[tuple[int, str, str]] = []  # blocks never closed

    def where(self, lineno: int | None, needle: str | None = None) -> str:
        """The paragraph, as the clerk sees it in Word, of a problem at `lineno`.

        docxtpl moves a paragraph tag ({%p …%}, {%tr …%}) to the end of the paragraph
        before it, so a tag (or the tag holding `needle`) is looked up among the original
        paragraphs first.
        """
        if not lineno or lineno > len(self.lines):
            return ""
        line = self.lines[lineno - 1]
        tags = [m.group(0) for m in TAG.finditer(line)]
        if needle is not None:
            tags = [t for t in tags if needle in t] or tags
            for tag in tags:
                wanted = normal(tag)
                for text in self.originals:
                    if wanted in normal_text(text):
                        return shorten(text)
        return paragraph_text(line)

    def problem(self, lineno: int | None, message: str, needle: str | None = None) -> None:
        found = Problem(self.info.path.name, self.part, self.where(lineno, needle), message)
        if found not in self.info.problems:
            self.info.problems.append(found)

    def run(self) -> None:
        before = len(self.info.problems)
        self.check_paragraph_tags()
        for lineno, line in enumerate(self.lines, 1):
            self.check_braces(lineno, line)
            for match in TAG.finditer(line):
                name = self.check_tag(lineno, match.group(0))
                if name:
                    self.blocks.append((lineno, name, match.group(0)))
        if len(self.info.problems) > before:
            return  # Jinja cannot read this part: the names wait for the next run
        self.check_blocks()
        try:
            ast = self.env.parse(self.repaired())
        except TemplateSyntaxError as e:
            self.problem(e.lineno, translate(e), "")
            return
        self.check_names(ast)

    def check_paragraph_tags(self) -> None:
        """`{%p … %}` replaces its whole paragraph: anything else in it would vanish."""
        for text in self.originals:
            tags = PARAGRAPH_TAG.findall(text)
            if tags and (len(tags) > 1 or text.strip() != tags[0].strip()):
                self.info.problems.append(
                    Problem(
                        self.info.path.name,
                        self.part,
                        shorten(text),
                        "{%p … %} 要单独占一段：这一段的其他文字和标签会被删掉，请把它们分到别的段落",
                    )
                )

    def repaired(self) -> str:
        """The source with stray end tags blanked and missing ones added at the end, so
        that the names can be checked in the same run as the blocks."""
        if not self.strays and not self.open:
            return self.source
        lines = list(self.lines)
        for lineno, tag in self.strays:
            lines[lineno - 1] = lines[lineno - 1].replace(tag, "", 1)
        closing = "".join(f"{{% end{word} %}}" for _, word, _ in reversed(self.open))
        return "\n".join(lines) + closing

    def check_braces(self, lineno: int, line: str) -> None:
        if FULL_WIDTH.search(visible(line)):
            self.problem(lineno, "标签用了全角括号或全角 ％：请改成半角的 {{ }} 或 {% %}")
        rest = TAG.sub(lambda m: " " * len(m.group(0)), line)
        if OPENERS.search(rest):
            self.problem(lineno, "标签只有开头的 {{ 或 {%，找不到结尾的 }} 或 %}（同一段内）")
        if CLOSERS.search(rest):
            self.problem(
                lineno,
                "有结尾的 }} 或 %}，却找不到开头：两个 { 之间可能有空格，或被 Word 的修订/拼写检查"
                "标记拆开了。请删掉整个标签，关闭修订后重新输入",
            )

    def check_tag(self, lineno: int, tag: str) -> str | None:
        """Check one tag by itself; return the block keyword of a {% %} tag."""
        if tag.startswith("{#"):
            return None
        if tag.startswith("{{"):
            try:
                self.env.parse(tag)
            except TemplateSyntaxError as e:
                self.problem(lineno, translate(e, tag), tag)
            return None
        try:
            tokens = [t for t in self.env.lex(tag) if t[1] not in ("whitespace",)]
        except TemplateSyntaxError as e:
            self.problem(lineno, translate(e, tag), tag)
            return None
        names = [value for _, kind, value in tokens if kind == "name"]
        keyword = names[0] if names else ""
        known = BLOCKS | MIDDLE | {f"end{b}" for b in BLOCKS}
        if keyword in SPECIAL:
            self.problem(
                lineno,
                f"{tag}：p、tr、tc、r 要紧跟在 {{% 后面，不能有空格，如 {{%tr for 行 in 列表 %}}",
                tag,
            )
        elif keyword not in known:
            self.problem(
                lineno,
                f"{tag}：不认识的标签“{keyword}”（可用 for、if、else、endfor、endif 等）",
                tag,
            )
        else:
            return keyword
        return None

    def check_blocks(self) -> None:
        stack: list[tuple[int, str, str]] = []
        for lineno, word, tag in self.blocks:
            if word == "set":
                continue  # {% set x = … %} has no end tag
            if word in BLOCKS:
                stack.append((lineno, word, tag))
            elif word.startswith("end"):
                opener = word[3:]
                if any(w == opener for _, w, _ in stack):
                    while stack[-1][1] != opener:
                        self.unclosed(*stack.pop())
                    stack.pop()
                else:
                    self.strays.append((lineno, tag))
                    self.problem(
                        lineno, f"多余的 {{% {word} %}}：前面没有与它对应的 {{% {opener} … %}}", tag
                    )
            elif not stack:
                self.strays.append((lineno, tag))
                self.problem(lineno, f"{{% {word} %}} 不在任何 {{% if %}} 或 {{% for %}} 之内", tag)
        for block in stack:
            self.unclosed(*block)

    def unclosed(self, lineno: int, word: str, tag: str) -> None:
        self.open.append((lineno, word, tag))
        self.problem(
            lineno,
            f"这个 {{% {word} … %}} 没有对应的 {{% end{word} %}}（段落标签写作 {{%p end{word} %}}）",
            tag,
        )

    def check_names(self, ast: nodes.Template) -> None:
        unknown = set()
        for node in ast.find_all((nodes.Filter, nodes.Test)):
            table = self.env.filters if isinstance(node, nodes.Filter) else self.env.tests
            if node.name not in table:
                what = "过滤器" if isinstance(node, nodes.Filter) else "判断"
                self.problem(
                    node.lineno,
                    f"没有名为“{node.name}”的{what}{guess(node.name, table)}",
                    node.name,
                )
                unknown.add(node.name)
        env = self.env
        if unknown:  # meta cannot analyse a template with unknown filters
            env = self.env.overlay()
            anything: Any = str  # unknown filters and tests: any callable will do
            env.filters.update(dict.fromkeys(unknown, anything))
            env.tests.update(dict.fromkeys(unknown, anything))
            ast = env.parse(self.repaired())
        used = meta.find_undeclared_variables(ast)
        self.info.variables |= used & set(V.VARIABLES)
        missing = used - set(V.VARIABLES)
        places = sorted({(n.lineno, n.name) for n in ast.find_all(nodes.Name) if n.name in missing})
        for lineno, name in places:
            self.problem(
                lineno,
                f"数据中没有变量“{name}”{guess(name, V.VARIABLES)}（可用的变量见 templates/README.md）",
                name,
            )
        FieldChecker(self).visit(ast, {})


class FieldChecker:
    """`行.金额` where 行 loops over a documented list: does the item have 金额?"""

    LOCAL = object()

    def __init__(self, checker: Checker) -> None:
        self.checker = checker

    def spec(self, node: nodes.Node, scope: dict[str, Any]) -> V.Var | None:
        if isinstance(node, nodes.Name):
            found = scope.get(node.name, V.VARIABLES.get(node.name))
            return None if found is self.LOCAL else found
        if isinstance(node, nodes.Getattr):
            return self.field(self.spec(node.node, scope), node.attr)
        if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
            parent = self.spec(node.node, scope)
            if isinstance(node.arg.value, str):
                return self.field(parent, node.arg.value)
            if parent is not None and parent.kind == V.LIST:
                return item_of(parent)
        return None

    @staticmethod
    def field(parent: V.Var | None, name: str) -> V.Var | None:
        if parent is None or parent.kind != V.RECORD:
            return None
        return next((f for f in parent.fields if f.name == name), None)

    def visit(self, node: nodes.Node, scope: dict[str, Any]) -> None:
        if isinstance(node, nodes.For):
            self.visit(node.iter, scope)
            inner = dict(scope)
            items = self.spec(node.iter, scope)
            for target in (
                node.target.find_all(nodes.Name)
                if not isinstance(node.target, nodes.Name)
                else [node.target]
            ):
                inner[target.name] = self.LOCAL
            if isinstance(node.target, nodes.Name) and items is not None and items.kind == V.LIST:
                inner[node.target.name] = item_of(items)
            inner["loop"] = self.LOCAL
            for child in [*node.body, *([node.test] if node.test else [])]:
                self.visit(child, inner)
            for child in node.else_:
                self.visit(child, scope)
            return
        if isinstance(node, nodes.Assign | nodes.AssignBlock):
            for target in (
                node.target.find_all(nodes.Name)
                if not isinstance(node.target, nodes.Name)
                else [node.target]
            ):
                scope[target.name] = self.LOCAL
        if isinstance(node, nodes.Getattr):
            parent = self.spec(node.node, scope)
            if (
                parent is not None
                and parent.kind == V.RECORD
                and self.field(parent, node.attr) is None
            ):
                have = "、".join(f.name for f in parent.fields)
                self.checker.problem(
                    node.lineno,
                    f"“{parent.name}”没有“{node.attr}”这一项{guess(node.attr, [f.name for f in parent.fields])}（有：{have}）",
                    node.attr,
                )
        for child in node.iter_child_nodes():
            self.visit(child, scope)


def item_of(items: V.Var) -> V.Var:
    """The record (or text) one item of a documented list is."""
    if items.fields:
        return V.Var(f"{items.name}的每一项", items.doc, kind=V.RECORD, fields=items.fields)
    return V.Var(f"{items.name}的每一项", items.doc)


def guess(name: str, choices: Any) -> str:
    close = difflib.get_close_matches(name, list(choices), n=1, cutoff=0.5)
    return f"（是不是“{close[0]}”？）" if close else ""
