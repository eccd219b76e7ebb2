"""Fonts, styles, page set-up and building blocks shared by every template (GB/T 9704)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from docx.enum.section import WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

ROOT = Path(__file__).resolve().parents[2]
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
S_ATTACHMENT = "附件标识"


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
    paragraph_style(doc, S_ATTACHMENT, font=HEITI, size=BODY, align=WD_ALIGN_PARAGRAPH.LEFT)


def add_font_fallbacks(doc, fallbacks: dict[str, str] = FALLBACKS) -> None:
    part = next(p for p in doc.part.package.iter_parts() if p.partname == "/word/fontTable.xml")
    root = parse_xml(part.blob)
    for name, alt in fallbacks.items():
        font = parse_xml(
            f'<w:font {nsdecls("w")} w:name="{name}"><w:altName w:val="{alt}"/>'
            '<w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>'
        )
        root.append(font)
    from lxml import etree

    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# --- package metadata ------------------------------------------------------------------
# docProps/app.xml as unionxl writes it: no "Microsoft Macintosh Word", no page or word
# counts of python-docx's blank default document (Word recounts on save).
APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>unionxl</Application><DocSecurity>0</DocSecurity>"
    "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
)
THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
# Theme fonts (used by any style that names "+正文"/"+标题"): Chinese and Times New Roman
# instead of python-docx's Calibri/Cambria with Japanese faces (ＭＳ ゴシック, ＭＳ 明朝).
THEME_FONTS = {"majorFont": HEITI, "minorFont": FANGSONG}
OTHER_REGION_SCRIPTS = ("Jpan", "Hang", "Hant")
JAPANESE_FONTS = ("ＭＳ 明朝", "ＭＳ ゴシック")


def part_named(doc, name: str):
    return next(p for p in doc.part.package.iter_parts() if p.partname == name)


def clean_metadata(doc) -> None:
    """Package metadata of our own: app.xml, no stale blank thumbnail, Chinese theme fonts."""
    part_named(doc, "/docProps/app.xml")._blob = APP_XML.encode("utf-8")
    rels = doc.part.package.rels
    for rid in [rid for rid, rel in rels.items() if rel.reltype == THUMBNAIL]:
        rels.pop(rid)
    theme = part_named(doc, "/word/theme/theme1.xml")
    root = parse_xml(theme.blob)
    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    for slot, east_asia in THEME_FONTS.items():
        fonts = root.find(f".//{a}fontScheme/{a}{slot}")
        fonts.find(f"{a}latin").set("typeface", LATIN)
        fonts.find(f"{a}ea").set("typeface", east_asia)
        for script in fonts.findall(f"{a}font"):
            if script.get("script") in OTHER_REGION_SCRIPTS:
                fonts.remove(script)
            elif script.get("script") == "Hans":
                script.set("typeface", east_asia)
    from lxml import etree

    theme._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    # East-Asian text takes the theme's Hans fonts, not its Japanese ones.
    lang = doc.settings.element.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")
    table = part_named(doc, "/word/fontTable.xml")
    fonts = parse_xml(table.blob)
    for font in fonts.findall(qn("w:font")):
        if font.get(qn("w:name")) in JAPANESE_FONTS:
            fonts.remove(font)
    table._blob = etree.tostring(fonts, xml_declaration=True, encoding="UTF-8", standalone=True)


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
    """落款 (GB/T 9704 7.3.5.1): 成文日期 right-aligned four characters in from the right
    edge, the union's name centred over it (a centre tab over a typical date, "2023年6月30日"
    being 6.5 characters wide: at most a quarter character off for other dates), one line
    below the text so that the seal can press on both. A name too long to be centred there
    is set right-aligned like the date. The three lines never part."""
    blank = doc.add_paragraph(style=S_PLAIN)
    blank.paragraph_format.keep_with_next = True
    tag(doc, f"{{%p if 工会名称|length > {SIGN_MAX_CENTRED} %}}")
    long_name = doc.add_paragraph("{{ 工会名称 }}", style=S_SIGN)
    long_name.paragraph_format.keep_with_next = True
    tag(doc, "{%p else %}")
    name = doc.add_paragraph("\t{{ 工会名称 }}", style=S_PLAIN)
    name.paragraph_format.tab_stops.add_tab_stop(Mm(SIGN_CENTRE), WD_TAB_ALIGNMENT.CENTER)
    name.paragraph_format.keep_with_next = True
    tag(doc, "{%p endif %}")
    para(doc, "{{ 成文日期 }}", S_SIGN)


# The centre of the 落款 name, from the left edge of the type area: 4 characters of right
# indent plus half a date such as "2023年6月30日" in 3号 (16 pt): 6.5 characters, and about
# 0.9 more where Word and LibreOffice space Latin digits from Chinese (autospace).
SIGN_CENTRE = TYPE_AREA - (4 + 3.7) * BODY.mm
SIGN_MAX_CENTRED = 15  # characters: a longer name would reach past the right edge


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
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False  # w:tblLayout fixed
    grid_lines(t)
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


# The lines of Word's "Table Grid" style (½ pt, every side and inside), set on each table
# itself rather than through the style: LibreOffice's DOCX import applies a table style to
# each paragraph of the table in turn (reading back every property the paragraph has), so
# the 慰问发放表's 14,881 rows took ~23 s to open instead of ~12 s. Same lines in Word, WPS
# and the PDF (tests/test_pdf_tables.py); the style stays in the file for the office's use.
GRID_SIDES = ("top", "left", "bottom", "right", "insideH", "insideV")


def grid_lines(t) -> None:
    borders = OxmlElement("w:tblBorders")
    for side in GRID_SIDES:
        line = OxmlElement(f"w:{side}")
        for attr, value in (("val", "single"), ("sz", "4"), ("space", "0"), ("color", "auto")):
            line.set(qn(f"w:{attr}"), value)
        borders.append(line)
    # the schema's order: tblBorders after jc and tblInd, before shd, tblLayout …
    t._tbl.tblPr.insert_element_before(
        borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption"
    )


def repeat_header(row) -> None:
    trPr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    trPr.append(el)


# --- tables whose rows decide their own page breaks -----------------------------------
@dataclass(frozen=True)
class Row:
    """One row of `grid`: static, or a `{%tr for %}` loop when `loop` is given."""

    cells: Sequence[str]
    loop: str | None = None  # "行 in 收入行"
    keep: bool = False  # keep with the next row (or the paragraph after the table)
    head: bool = False  # 黑体, repeated at the top of every page the table runs onto
    merged: bool = False  # the first cell spans the whole row


def grid(
    doc,
    widths: Sequence[int],
    rows: Sequence[Row],
    numeric: Sequence[bool] = (),
    left: Sequence[bool] = (),
    size: Pt | None = None,
    margin: Mm | None = None,
):
    """A table of `rows`, none of which ever splits across pages. `numeric` columns are
    right-aligned, `left` ones left-aligned (outside head and merged rows), the rest
    centred; `size` sets a smaller type than the 表格文字 style's, `margin` narrower cell
    margins (left and right) than Word's 1.9 mm."""
    assert sum(widths) == TYPE_AREA, widths
    cols = len(widths)
    laid: list[tuple[Row | None, Sequence[str]]] = []
    for row in rows:
        if row.loop:
            laid.append((None, [f"{{%tr for {row.loop} %}}"] + [""] * (cols - 1)))
        laid.append((row, row.cells))
        if row.loop:
            laid.append((None, ["{%tr endfor %}"] + [""] * (cols - 1)))
    t = doc.add_table(rows=len(laid), cols=cols)
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False  # w:tblLayout fixed
    grid_lines(t)
    if margin is not None:
        cell_margins(t, margin)
    for r, (row, values) in enumerate(laid):
        tr = t.rows[r]
        tr._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        if row is not None and row.head:
            repeat_header(tr)
        if row is not None and row.merged:
            tr.cells[0].merge(tr.cells[cols - 1])
            values = [values[0]]
        for c, cell in enumerate(tr.cells[: len(values)] if row and row.merged else tr.cells):
            cell.width = Mm(sum(widths) if row is not None and row.merged else widths[c])
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            head = row is not None and row.head
            style = (
                S_TABLE_HEAD if head else S_NUMBER if c < len(numeric) and numeric[c] else S_TABLE
            )
            p = cell.paragraphs[0]
            p.style = doc.styles[style]
            if not head and not (row and row.merged) and c < len(left) and left[c]:
                p.alignment = WD_ALIGN_PARAGRAPH.LEFT
            if row is not None and row.keep:
                p.paragraph_format.keep_with_next = True
            value = values[c] if c < len(values) else ""
            if value:
                run = p.add_run(value)
                if size is not None:
                    run.font.size = size
    grid_cols = t._tbl.tblGrid
    for col, width in zip(grid_cols.iter(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), str(int(Mm(width).twips)))
    return t


def cell_margins(t, margin: Mm) -> None:
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(int(margin.twips)))
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    tblPr = t._tbl.tblPr
    look = tblPr.find(qn("w:tblLook"))
    if look is not None:  # the schema's order: tblCellMar comes before tblLook
        look.addprevious(margins)
    else:
        tblPr.append(margins)


def keep_with_next(paragraph) -> None:
    paragraph.paragraph_format.keep_with_next = True


def attachment(doc, title_text: str) -> None:
    """附件 on a page of its own (GB/T 9704 8.5): "附件" in 黑体 at the top left, its title
    centred on the third line."""
    label = doc.add_paragraph("附件", style=S_ATTACHMENT)
    # page-break-before, not a break run: LibreOffice sets a run's break as an empty page
    label.paragraph_format.page_break_before = True
    para(doc, "", S_PLAIN)
    title(doc, title_text)
