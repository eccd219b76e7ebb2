"""The template doctor, on templates broken on purpose the way Word and clerks break them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from test_report import document_text

import unionxl
from unionxl.model.errors import UnionxlError
from unionxl.reports import TemplateProblems, check_templates
from unionxl.reports.doctor import examine
from unionxl.reports.render import render

W = nsdecls("w")


def run(text: str) -> str:
    return f'<w:r {W}><w:t xml:space="preserve">{text}</w:t></w:r>'


def template(path: Path, *paragraphs: str | list[str]) -> Path:
    """A docx whose paragraphs are plain text, or lists of raw run-level XML pieces."""
    doc = Document()
    for content in paragraphs:
        if isinstance(content, str):
            doc.add_paragraph(content)
        else:
            p = doc.add_paragraph()
            for piece in content:
                p._p.append(parse_xml(piece))
    doc.save(str(path))
    return path


def messages(path: Path) -> list[str]:
    return [str(p) for p in examine(path).problems]


def test_built_in_templates_are_healthy():
    infos = check_templates()
    assert [i.name for i in infos] and all(not i.problems for i in infos)
    assert {"捐款活动", "公布名单", "校验提示"} <= next(
        i for i in infos if i.name == "捐款公示"
    ).variables


def test_unknown_variable_is_named_with_its_paragraph_and_a_guess(tmp_path):
    path = template(tmp_path / "t.docx", "开头", "本单位：{{ 未知变量 }}。", "{{ 单位名 }}")
    assert messages(path) == [
        "t.docx（正文）“本单位：{{ 未知变量 }}。”：数据中没有变量“未知变量”（可用的变量见 templates/README.md）",
        "t.docx（正文）“{{ 单位名 }}”：数据中没有变量“单位名”（是不是“单位名称”？）（可用的变量见 templates/README.md）",
    ]


def test_for_without_endfor_is_named_at_the_for(tmp_path):
    path = template(
        tmp_path / "t.docx",
        "{%p for 活动 in 捐款活动 %}",
        "{{ 活动.名称 }}",
        "结尾",
        "{%p if 公布名单 %}",
        "名单",
        "{%p endif %}",
    )
    assert messages(path) == [
        "t.docx（正文）“{%p for 活动 in 捐款活动 %}”：这个 {% for … %} 没有对应的 {% endfor %}"
        "（段落标签写作 {%p endfor %}）"
    ]


def test_stray_end_tag(tmp_path):
    path = template(tmp_path / "t.docx", "{{ 单位名称 }}", "{%p endif %}")
    assert messages(path) == [
        "t.docx（正文）“{%p endif %}”：多余的 {% endif %}：前面没有与它对应的 {% if … %}"
    ]


def test_tag_split_by_proofing_markup_between_the_braces_still_works(tmp_path):
    """docxtpl 0.20's patch_xml removes markup between `{` and `{` (PR 10): no problem."""
    path = template(
        tmp_path / "t.docx",
        [
            run("单位：{"),
            f'<w:proofErr {W} w:type="spellStart"/>',
            run("{ 单位名称 }"),
            f'<w:proofErr {W} w:type="spellEnd"/>',
            run("}"),
        ],
    )
    assert messages(path) == []
    out = render(path, {"单位名称": "测试学院工会"}, tmp_path / "out.docx")
    assert "单位：测试学院工会" in document_text(out)


def test_tag_split_by_a_revision_between_the_braces_is_named(tmp_path):
    """A tracked deletion between the braces hides the tag from docxtpl: it would stay as text."""
    deleted = f'<w:del {W} w:id="1" w:author="clerk"><w:r><w:delText>x</w:delText></w:r></w:del>'
    path = template(tmp_path / "t.docx", "前文", [run("单位：{"), deleted, run("{ 单位名称 }}。")])
    assert messages(path) == [
        "t.docx（正文）“单位：{{ 单位名称 }}。”：有结尾的 }} 或 %}，却找不到开头：两个 { 之间可能有空格，"
        "或被 Word 的修订/拼写检查标记拆开了。请删掉整个标签，关闭修订后重新输入"
    ]


def test_every_problem_is_listed_not_only_the_first(tmp_path):
    path = template(
        tmp_path / "t.docx",
        "{ { 单位名称 }}",  # space between the braces
        "｛｛ 年度 ｝｝",  # full-width braces
        "{{ 行。科目 }}",  # full-width full stop
        "{{ 单位 名称 }}",  # space in a name
        "{% tr for 行 in 收入行 %}",  # space after {%
        "{{ 单位名称",  # no end
    )
    found = messages(path)
    assert len(found) == 6, found
    assert "“{ { 单位名称 }}”：有结尾的 }} 或 %}，却找不到开头" in found[0]
    assert "“｛｛ 年度 ｝｝”：标签用了全角括号" in found[1]
    assert "{{ 行。科目 }}：标签里有不能用的字符“。”" in found[2]
    assert "{{ 单位 名称 }}：{{ }} 里只能写一个变量" in found[3]
    assert "{% tr for 行 in 收入行 %}：p、tr、tc、r 要紧跟在 {% 后面" in found[4]
    assert "“{{ 单位名称”：标签只有开头的 {{ 或 {%" in found[5]
    assert not any("Traceback" in m or "jinja2" in m for m in found)


def test_unknown_filter_and_field(tmp_path):
    path = template(
        tmp_path / "t.docx",
        "{{ 单位名称|大小写 }}",
        "{%p for 活动 in 捐款活动 %}",
        "{{ 活动.总额 }}{{ 活动.金额|大写 }}",
        "{%p for 行 in 活动.部门 %}",
        "{{ 行.比例 }}",
        "{%p endfor %}",
        "{%p endfor %}",
        "{{ 收入合计.合计 }}",
    )
    found = messages(path)
    assert (
        "t.docx（正文）“{{ 单位名称|大小写 }}”：没有名为“大小写”的过滤器（是不是“大写”？）" in found
    )
    assert any("“捐款活动的每一项”没有“总额”这一项（是不是“金额”？）" in m for m in found)
    assert any("“部门的每一项”没有“比例”这一项（是不是“占比”？）" in m for m in found)
    assert any("“收入合计”没有“合计”这一项" in m for m in found)
    assert len(found) == 4


def test_paragraph_tag_must_have_its_paragraph_alone(tmp_path):
    path = template(tmp_path / "t.docx", "{%p if 公布名单 %}名单如下{%p endif %}")
    assert messages(path) == [
        "t.docx（正文）“{%p if 公布名单 %}名单如下{%p endif %}”：{%p … %} 要单独占一段："
        "这一段的其他文字和标签会被删掉，请把它们分到别的段落"
    ]


def test_not_a_word_document(tmp_path):
    path = tmp_path / "坏.docx"
    path.write_text("这不是 Word 文档", encoding="utf-8")
    [message] = messages(path)
    assert message.startswith("坏.docx（文件）：不是能读的 Word 文档")


def test_footer_is_checked_too(tmp_path):
    doc = Document()
    doc.add_paragraph("{{ 单位名称 }}")
    doc.sections[0].footer.paragraphs[0].text = "{{ 页码提示 }}"
    doc.save(str(tmp_path / "t.docx"))
    assert messages(tmp_path / "t.docx") == [
        "t.docx（页脚）“{{ 页码提示 }}”：数据中没有变量“页码提示”（是不是“校验提示”？）"
        "（可用的变量见 templates/README.md）"
    ]


def test_make_reports_refuses_broken_templates_before_writing(make_office, tmp_path):
    own = tmp_path / "own"
    own.mkdir()
    template(own / "简报.docx", "{{ 未知变量 }}", "{%p for 行 in 收入行 %}")
    office = unionxl.load(make_office())
    with pytest.raises(TemplateProblems) as caught:
        office.report(tmp_path / "out", templates=own, today=dt.date(2024, 1, 15))
    text = str(caught.value)
    assert text.startswith("模板有 2 处问题，请在 Word 中改正后重试：")
    assert "简报.docx（正文）“{{ 未知变量 }}”" in text and "没有对应的 {% endfor %}" in text
    assert not (tmp_path / "out").exists()


def test_runtime_errors_are_wrapped_with_template_and_paragraph(tmp_path):
    path = template(tmp_path / "t.docx", "第一段", "第一个活动：{{ 捐款活动[0].名称 }}", "末段")
    with pytest.raises(UnionxlError) as caught:
        render(path, {"捐款活动": []}, tmp_path / "out.docx")
    message = str(caught.value)
    assert message.startswith("模板 t.docx“第一个活动：{{ 捐款活动[0].名称 }}”：")
    assert "列表是空的" in message
    assert not (tmp_path / "out.docx").exists()


def test_sandbox_keeps_templates_away_from_python(tmp_path):
    path = template(tmp_path / "t.docx", "{{ 单位名称.__class__.__mro__ }}")
    with pytest.raises(UnionxlError):
        render(path, {"单位名称": "x"}, tmp_path / "out.docx")
