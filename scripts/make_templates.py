"""Build the four report templates with python-docx, reproducibly (same bytes every run).

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

import datetime as dt
import io
import sys
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

ROOT = Path(__file__).resolve().parents[1]
OUTPUTS = (ROOT / "unionxl" / "templates", ROOT / "templates")

FANGSONG, XIAOBIAOSONG, HEITI, SONGTI = "仿宋_GB2312", "方正小标宋简体", "黑体", "宋体"
LATIN = "Times New Roman"
# Word uses altName when a font is not installed (仿宋_GB2312 is absent from newer Windows).
FALLBACKS = {FANGSONG: "仿宋", XIAOBIAOSONG: "宋体", HEITI: "SimHei", SONGTI: "SimSun"}
BODY, TITLE, TABLE_SIZE, PAGE_NUMBER = Pt(16), Pt(22), Pt(12), Pt(14)
LINE = Pt(28)
NO_SPACE = Pt(0)
TYPE_AREA = 156  # mm wide
FIXED_TIME = dt.datetime(2024, 1, 1)

# Style names (Chinese, so a clerk recognises them in Word's style list).
S_TITLE, S_HEADING, S_TABLE, S_TABLE_HEAD, S_NUMBER, S_SIGN, S_PLAIN, S_FOOTER, S_CAPTION = (
    "公文标题",
    "一级标题",
    "表格文字",
    "表头",
    "表格数字",
    "落款",
    "无缩进",
    "页脚提示",
    "表题",
)


# --- fonts and styles ---------------------------------------------------------------
def set_fonts(rpr, east_asia: str, latin: str = LATIN) -> None:
    """Fonts in w:rFonts, East-Asian slot included; theme attributes removed."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:cs"), latin)


def indent_chars(
    pf_element, first_line_chars: int = 0, right_chars: int = 0, size: Pt = BODY
) -> None:
    """w:ind in characters (firstLineChars=200 is two characters), with a twip fallback."""
    ppr = pf_element.get_or_add_pPr()
    ind = ppr.find(qn("w:ind"))
    if ind is None:
        ind = OxmlElement("w:ind")
        ppr.append(ind)
    # Always explicit: a style based on Normal would otherwise inherit its 2-character indent.
    ind.set(qn("w:firstLineChars"), str(first_line_chars))
    ind.set(qn("w:firstLine"), str(int(size.pt * 20 * first_line_chars / 100)))
    if right_chars:
        ind.set(qn("w:rightChars"), str(right_chars))
        ind.set(qn("w:right"), str(int(size.pt * 20 * right_chars / 100)))


def paragraph_style(
    doc,
    name: str,
    *,
    font: str,
    size: Pt,
    align=None,
    line: Pt | None = LINE,
    first_line_chars: int = 0,
    right_chars: int = 0,
    bold: bool = False,
    space_after: Pt = NO_SPACE,
    keep_with_next: bool = False,
):
    style = doc.styles[name] if name == "Normal" else doc.styles.add_style(name, 1)
    if name != "Normal":
        style.base_style = doc.styles["Normal"]
        style.quick_style = True
    style.font.size = size
    style.font.bold = bold
    set_fonts(style.element.get_or_add_rPr(), font)
    pf = style.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = space_after
    if line is None:
        pf.line_spacing = 1.0
    else:
        pf.line_spacing = line  # exact
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.alignment = align
    pf.keep_with_next = keep_with_next or None
    indent_chars(style.element, first_line_chars, right_chars, size)
    return style


def setup_styles(doc) -> None:
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr, FANGSONG)
    lang = rpr.find(qn("w:lang"))
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    spacing = ppr.find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")

    paragraph_style(
        doc,
        "Normal",
        font=FANGSONG,
        size=BODY,
        align=WD_ALIGN_PARAGRAPH.JUSTIFY,
        first_line_chars=200,
    )
    paragraph_style(
        doc,
        S_TITLE,
        font=XIAOBIAOSONG,
        size=TITLE,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        line=Pt(36),
        space_after=Pt(28),
    )
    paragraph_style(
        doc, S_HEADING, font=HEITI, size=BODY, first_line_chars=200, keep_with_next=True
    )
    paragraph_style(doc, S_PLAIN, font=FANGSONG, size=BODY, align=WD_ALIGN_PARAGRAPH.LEFT)
    paragraph_style(
        doc, S_SIGN, font=FANGSONG, size=BODY, align=WD_ALIGN_PARAGRAPH.RIGHT, right_chars=400
    )
    paragraph_style(
        doc, S_TABLE, font=FANGSONG, size=TABLE_SIZE, align=WD_ALIGN_PARAGRAPH.CENTER, line=None
    )
    paragraph_style(
        doc, S_TABLE_HEAD, font=HEITI, size=TABLE_SIZE, align=WD_ALIGN_PARAGRAPH.CENTER, line=None
    )
    paragraph_style(
        doc, S_NUMBER, font=FANGSONG, size=TABLE_SIZE, align=WD_ALIGN_PARAGRAPH.RIGHT, line=None
    )
    paragraph_style(
        doc,
        S_CAPTION,
        font=HEITI,
        size=TABLE_SIZE,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        line=None,
        keep_with_next=True,
    )
    doc.styles[S_CAPTION].paragraph_format.space_before = Pt(6)
    doc.styles[S_CAPTION].paragraph_format.space_after = Pt(3)
    paragraph_style(
        doc, S_FOOTER, font=FANGSONG, size=Pt(10.5), align=WD_ALIGN_PARAGRAPH.CENTER, line=None
    )


def add_font_fallbacks(doc) -> None:
    part = next(p for p in doc.part.package.iter_parts() if p.partname == "/word/fontTable.xml")
    root = parse_xml(part.blob)
    for name, alt in FALLBACKS.items():
        font = parse_xml(
            f'<w:font {nsdecls("w")} w:name="{name}"><w:altName w:val="{alt}"/>'
            '<w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>'
        )
        root.append(font)
    from lxml import etree

    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# --- page, footer ----------------------------------------------------------------------
def setup_page(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.header_distance, section.footer_distance = Mm(15), Mm(20)
    doc.settings.odd_and_even_pages_header_footer = True
    footer(section.footer, WD_ALIGN_PARAGRAPH.RIGHT)
    footer(section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)
    assert section.start_type == WD_SECTION.NEW_PAGE


def footer(part, align) -> None:
    """{{ 校验提示 }} (only when set), then "— N —" one character in from the edge."""
    first = part.paragraphs[0]
    first.text = "{%p if 校验提示 %}"
    note = part.add_paragraph("{{ 校验提示 }}", style=S_FOOTER)
    note.runs[0].bold = True
    part.add_paragraph("{%p endif %}")
    number = part.add_paragraph(style=S_FOOTER)
    number.alignment = align
    pf = number.paragraph_format
    if align == WD_ALIGN_PARAGRAPH.RIGHT:
        pf.right_indent = PAGE_NUMBER
    else:
        pf.left_indent = PAGE_NUMBER
    run_with(number, "— ")
    field(number, "PAGE")
    run_with(number, " —")


def run_with(paragraph, text: str):
    run = paragraph.add_run(text)
    run.font.size = PAGE_NUMBER
    set_fonts(run._r.get_or_add_rPr(), SONGTI, SONGTI)
    return run


def field(paragraph, code: str) -> None:
    for kind, text in (
        ("begin", None),
        (None, f" {code} "),
        ("separate", None),
        (None, "1"),
        ("end", None),
    ):
        run = run_with(paragraph, "")
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
            run._r.append(el)
        elif text.strip() == code:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
            run._r.append(el)
        else:
            run.text = text


# --- building blocks -------------------------------------------------------------------
def title(doc, text: str) -> None:
    doc.add_paragraph(text, style=S_TITLE)


def heading(doc, text: str) -> None:
    doc.add_paragraph(text, style=S_HEADING)


def para(doc, text: str, style: str | None = None) -> None:
    doc.add_paragraph(text, style=style)


def tag(doc, text: str) -> None:
    """A paragraph holding only a {%p … %} tag (docxtpl removes the paragraph)."""
    doc.add_paragraph(text, style=S_PLAIN)


def page_break(doc) -> None:
    doc.add_paragraph(style=S_PLAIN).add_run().add_break(WD_BREAK.PAGE)


def signature(doc) -> None:
    para(doc, "")
    para(doc, "{{ 单位名称 }}", S_SIGN)
    para(doc, "{{ 成文日期 }}", S_SIGN)


def table(
    doc,
    widths: Sequence[int],
    header: Sequence[str],
    loop: str | None,
    cells: Sequence[str],
    footer_rows: Iterable[Sequence[str]] = (),
    numeric: Sequence[bool] = (),
    row_height: int | None = None,
) -> None:
    """Header row (repeated on every page), `{%tr for %}` rows, then total rows."""
    rows = [list(header)]
    if loop:
        rows += [
            [f"{{%tr for {loop} %}}"] + [""] * (len(widths) - 1),
            list(cells),
            ["{%tr endfor %}"] + [""] * (len(widths) - 1),
        ]
    rows += [list(r) for r in footer_rows]
    t = doc.add_table(rows=len(rows), cols=len(widths))
    t.style = doc.styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    fixed_layout(t)
    assert sum(widths) == TYPE_AREA, widths
    data_row = 2 if loop else None
    for r, values in enumerate(rows):
        row = t.rows[r]
        if r == 0:
            repeat_header(row)
        if row_height and r == data_row:
            row.height = Mm(row_height)
        for c, value in enumerate(values):
            cell = row.cells[c]
            cell.width = Mm(widths[c])
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            style = (
                S_TABLE_HEAD
                if r == 0
                else (S_NUMBER if c < len(numeric) and numeric[c] else S_TABLE)
            )
            p = cell.paragraphs[0]
            p.style = doc.styles[style]
            if value:
                p.add_run(value)
    grid = t._tbl.tblGrid
    for col, width in zip(grid.iter(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), str(int(Mm(width).twips)))


def fixed_layout(t) -> None:
    tblPr = t._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tblPr.append(layout)


def repeat_header(row) -> None:
    trPr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    trPr.append(el)


# --- the four templates ------------------------------------------------------------------
def budget_report(doc) -> None:
    title(doc, "{{ 单位名称 }}{{ 年度 }}年度工会经费收支决算报告")
    heading(doc, "一、经费收支总体情况")
    para(
        doc,
        "{{ 年度 }}年，{{ 单位名称 }}全年经费收入{{ 本年收入 }}元（人民币{{ 本年收入大写 }}），"
        "支出{{ 本年支出 }}元（人民币{{ 本年支出大写 }}）。上年结余{{ 上年结余 }}元，"
        "年末结余{{ 年末结余 }}元（人民币{{ 年末结余大写 }}）。",
    )
    para(
        doc,
        "上年结余{{ 上年结余 }}元 + 本年收入{{ 本年收入 }}元 − 本年支出{{ 本年支出 }}元 "
        "= 年末结余{{ 年末结余 }}元。",
    )
    widths = (46, 30, 30, 22, 28)
    header = ("科目", "预算数", "决算数", "执行率", "差额")
    numeric = (False, True, True, True, True)
    for number, (kind, rows, total) in enumerate(
        (("收入", "收入行", "收入合计"), ("支出", "支出行", "支出合计")), 2
    ):
        heading(doc, f"{'二三'[number - 2]}、{kind}决算情况")
        para(doc, f"表{number - 1}　{kind}决算表（单位：元）", S_CAPTION)
        table(
            doc,
            widths,
            header,
            f"行 in {rows}",
            (
                "{{ 行.科目 }}",
                "{{ 行.预算数 }}",
                "{{ 行.决算数 }}",
                "{{ 行.执行率 }}{{ 行.标记 }}",
                "{{ 行.差额 }}",
            ),
            [
                (
                    f"{kind}合计",
                    f"{{{{ {total}.预算数 }}}}",
                    f"{{{{ {total}.决算数 }}}}",
                    f"{{{{ {total}.执行率 }}}}",
                    f"{{{{ {total}.差额 }}}}",
                )
            ],
            numeric,
        )
    para(
        doc,
        "注：差额 = 决算数 − 预算数；标“※”的科目执行率偏离预算超过 ±{{ 偏差阈值 }}，说明见第四部分。",
        S_TABLE,
    )
    heading(doc, "四、预算执行差异说明")
    tag(doc, "{%p if 需说明 %}")
    para(doc, "以下科目决算数与预算数相差超过 {{ 偏差阈值 }}，请逐项说明原因：")
    tag(doc, "{%p for 项 in 需说明 %}")
    para(
        doc,
        "{{ loop.index }}. {{ 项.科目 }}（{{ 项.类别 }}）：预算{{ 项.预算数 }}元，决算{{ 项.决算数 }}元，"
        "执行率{{ 项.执行率 }}，{{ 项.情况 }}。原因：＿＿＿＿＿＿＿＿。",
    )
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p else %}")
    para(doc, "各科目决算数与预算数相差均在 {{ 偏差阈值 }} 以内。")
    tag(doc, "{%p endif %}")
    heading(doc, "五、预算与决算对比")
    chart = doc.add_paragraph("{{ 图表 }}", style=S_TABLE)
    chart.alignment = WD_ALIGN_PARAGRAPH.CENTER
    signature(doc)


def donation_notice(doc) -> None:
    tag(doc, "{%p for 活动 in 捐款活动 %}")
    title(doc, "关于{{ 年度 }}年“{{ 活动.名称 }}”捐款情况的公示")
    para(
        doc,
        "{% if 活动.期间 %}{{ 活动.期间 }}，{% endif %}{{ 单位名称 }}组织开展“{{ 活动.名称 }}”"
        "捐款活动，共有{{ 活动.人次 }}人次参加，捐款总额{{ 活动.金额 }}元（人民币{{ 活动.金额大写 }}）。"
        "现将各部门捐款情况公示如下：",
    )
    table(
        doc,
        (58, 26, 42, 30),
        ("部门", "人次", "金额（元）", "占比"),
        "行 in 活动.部门",
        ("{{ 行.部门 }}", "{{ 行.人次 }}", "{{ 行.金额 }}", "{{ 行.占比 }}"),
        [("总计", "{{ 活动.人次 }}", "{{ 活动.金额 }}", "100.00%")],
        (False, True, True, True),
    )
    tag(doc, "{%p if 公布名单 %}")
    para(doc, "个人捐款名单（按登记顺序，金额单位：元）：", S_PLAIN)
    table(
        doc,
        (30, 22, 30, 22, 30, 22),
        ("姓名", "金额") * 3,
        "行 in 活动.名单分栏",
        (
            "{{ 行.姓名1 }}",
            "{{ 行.金额1 }}",
            "{{ 行.姓名2 }}",
            "{{ 行.金额2 }}",
            "{{ 行.姓名3 }}",
            "{{ 行.金额3 }}",
        ),
        numeric=(False, True) * 3,
    )
    tag(doc, "{%p endif %}")
    para(
        doc,
        "公示期为{{ 公示天数 }}天（{{ 公示开始 }}至{{ 公示截止 }}）。如有异议，请在公示期内向"
        "{{ 单位名称 }}反映。联系人：{{ 联系人 }}，联系电话：{{ 联系电话 }}。",
    )
    para(doc, "特此公示。")
    signature(doc)
    tag(doc, "{%p if not loop.last %}")
    page_break(doc)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")


def work_report(doc) -> None:
    title(doc, "{{ 单位名称 }}{{ 年度 }}年度工作报告数据")
    para(doc, "以下文字和数字由台账自动生成，可直接摘入工会工作报告。")
    heading(doc, "一、组织建设")
    para(doc, "{{ 会员句 }}")
    table(
        doc,
        (56, 25, 25, 25, 25),
        ("部门", "在职", "退休", "离休", "合计"),
        "行 in 会员按部门",
        ("{{ 行.部门 }}", "{{ 行.在职 }}", "{{ 行.退休 }}", "{{ 行.离休 }}", "{{ 行.合计 }}"),
        [
            (
                "合计",
                "{{ 会员合计.在职 }}",
                "{{ 会员合计.退休 }}",
                "{{ 会员合计.离休 }}",
                "{{ 会员总数 }}",
            )
        ],
        (False, True, True, True, True),
    )
    heading(doc, "二、民主管理")
    para(doc, "{{ 提案句 }}")
    heading(doc, "三、捐款")
    tag(doc, "{%p for 句 in 捐款句 %}")
    para(doc, "{{ 句 }}")
    tag(doc, "{%p else %}")
    para(doc, "本年度没有捐款活动记录。")
    tag(doc, "{%p endfor %}")
    heading(doc, "四、慰问")
    para(doc, "{{ 慰问句 }}")
    table(
        doc,
        (56, 30, 30, 40),
        ("慰问类型", "人次", "人数", "金额（元）"),
        "行 in 慰问分类",
        ("{{ 行.类型 }}", "{{ 行.人次 }}", "{{ 行.人数 }}", "{{ 行.金额 }}"),
        (),
        (False, True, True, True),
    )
    heading(doc, "五、评先评优")
    para(doc, "{{ 获奖句 }}")
    heading(doc, "六、经费收支")
    para(doc, "{{ 经费句 }}")
    signature(doc)


def visit_sheets(doc) -> None:
    tag(doc, "{%p for 表 in 发放表 %}")
    title(doc, "{{ 表.标题 }}")
    line = doc.add_paragraph("发放单位：{{ 单位名称 }}\t金额单位：元", style=S_PLAIN)
    line.paragraph_format.tab_stops.add_tab_stop(Mm(TYPE_AREA), WD_TAB_ALIGNMENT.RIGHT)
    table(
        doc,
        (13, 20, 36, 41, 26, 20),
        ("序号", "姓名", "部门", "事由", "金额/物品", "签收"),
        "行 in 表.行",
        (
            "{{ 行.序号 }}",
            "{{ 行.姓名 }}",
            "{{ 行.部门 }}",
            "{{ 行.事由 }}",
            "{{ 行.金额物品 }}",
            "",
        ),
        [("合计", "{{ 表.人次 }}人次", "", "", "{{ 表.合计金额 }}", "")],
        (False, False, False, False, True, False),
        row_height=10,
    )
    para(doc, "合计金额（大写）：人民币{{ 表.合计大写 }}", S_PLAIN)
    para(doc, "")
    para(doc, "经办人：　　　　　　　审核人：　　　　　　　负责人：", S_PLAIN)
    tag(doc, "{%p if not loop.last %}")
    page_break(doc)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")


TEMPLATES = {
    "经费收支决算报告": budget_report,
    "捐款公示": donation_notice,
    "工作报告数据": work_report,
    "慰问发放表": visit_sheets,
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
    print(f"写入 {len(TEMPLATES)} 个模板：" + "、".join(str(o) for o in outputs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
