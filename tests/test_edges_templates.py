"""Issue 10: a user template that is a resource bomb ends in one line naming the template
and the paragraph with the tag, fast and within bounded memory."""

from __future__ import annotations

import time

import pytest
from test_report_doctor import template

from unionxl.model.errors import UnionxlError
from unionxl.reports.render import render

BOMBS = {
    "repeat": ("{{ 单位名称 * 1000000000 }}", "超过了模板允许的"),
    "repeat_reversed": ("{{ 1000000000 * 单位名称 }}", "超过了模板允许的"),
    "range": ("{% for i in range(10**9) %}{{ i }}{% endfor %}", "range 有 1,000,000,000 项"),
    "power": ("{{ 9 ** 999999999 }}", "太大"),
    "center": ("{{ 单位名称|center(1000000000) }}", "超过了模板允许的"),
    "format": ('{{ "%1000000000s" % 单位名称 }}', "超过了模板允许的"),
    "recursive_macro": (
        "{% macro m(n) %}{{ m(n + 1) }}{% endmacro %}{{ m(0) }}",
        "嵌套超过",
    ),
    "list_growth": ("{{ ([单位名称] * 1000) * 1000000 }}", "超过了模板允许的"),
}


@pytest.mark.parametrize("name", sorted(BOMBS))
def test_bomb_is_one_line_naming_template_and_tag(tmp_path, name):
    tag, said = BOMBS[name]
    path = template(tmp_path / "炸弹.docx", "第一段", tag)
    started = time.monotonic()
    with pytest.raises(UnionxlError) as caught:
        render(path, {"单位名称": "某某学院工会"}, tmp_path / "out.docx")
    message = str(caught.value)
    assert time.monotonic() - started < 10
    assert message.startswith("模板 炸弹.docx“"), message
    assert tag[:12] in message and said in message, message
    assert "\n" not in message
    assert not (tmp_path / "out.docx").exists()


def test_nested_loops_stop_at_the_time_limit(tmp_path, monkeypatch):
    from unionxl.reports import jinja

    monkeypatch.setattr(jinja, "MAX_SECONDS", 0.5)
    tag = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    path = template(tmp_path / "慢.docx", tag)
    started = time.monotonic()
    with pytest.raises(UnionxlError, match="模板运行超过 0 秒|模板运行超过 1 秒"):
        render(path, {}, tmp_path / "out.docx")
    assert time.monotonic() - started < 10


def test_ordinary_templates_still_render(tmp_path):
    tag = "{% for i in range(3) %}{{ 单位名称 * 2 }}{{ 2 ** 10 }}{% endfor %}"
    path = template(tmp_path / "好.docx", tag)
    out = render(path, {"单位名称": "工会"}, tmp_path / "out.docx")
    from docx import Document

    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert text.count("工会工会1024") == 3
