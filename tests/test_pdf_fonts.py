"""PDF fonts: which installed face stands in for an absent official one (a pure decision
from fontconfig's list), said in one line, and applied by LibreOffice."""

from __future__ import annotations

import re
import shutil
import subprocess
import zlib
from pathlib import Path
from xml.etree import ElementTree

import pytest
from docx import Document
from docx.oxml.ns import qn

from unionxl.reports import fonts as F
from unionxl.reports import pdf

# `fc-list :lang=zh family` on a Debian machine with fonts-noto-cjk (escapes included).
NOTO_ONLY = """\
Noto Sans CJK JP,Noto Sans CJK JP Regular
Noto Sans CJK SC,Noto Sans CJK SC Regular
Noto Sans CJK KR,Noto Sans CJK KR Bold
Noto Serif CJK JP,Noto Serif CJK JP Bold
Noto Serif CJK SC,Noto Serif CJK SC Bold
Noto Serif CJK TC
Noto Sans Mono CJK JP
Droid Sans Fallback
"""
OFFICIAL = ["仿宋_GB2312", "方正小标宋简体", "黑体", "宋体", "Times New Roman"]


def test_fc_list_output_is_read_with_every_name_of_a_family():
    names = F.parse_fc_list("仿宋,FangSong:style=Regular\nSource Han Serif SC\\-Bold\n")
    assert names == {"仿宋", "FangSong", "Source Han Serif SC-Bold"}


def test_absent_official_faces_get_the_chinese_serif_or_sans_never_a_japanese_face():
    plan = F.plan_fonts(OFFICIAL, F.parse_fc_list(NOTO_ONLY))
    assert plan.substitutes == {
        "仿宋_GB2312": "Noto Serif CJK SC",
        "方正小标宋简体": "Noto Serif CJK SC",
        "宋体": "Noto Serif CJK SC",
        "黑体": "Noto Sans CJK SC",
    }
    assert plan.note() == (
        "未安装仿宋_GB2312、方正小标宋简体、宋体，PDF 中用 Noto Serif CJK SC 代替；"
        "未安装黑体，PDF 中用 Noto Sans CJK SC 代替"
    )


def test_an_installed_face_stays_and_the_closest_of_its_kind_stands_in():
    installed = F.parse_fc_list(NOTO_ONLY + "仿宋,FangSong\n方正小标宋简体\n")
    plan = F.plan_fonts(OFFICIAL, installed)
    assert plan.substitutes == {
        "仿宋_GB2312": "仿宋",  # a real 仿宋 before any 宋 face
        "宋体": "Noto Serif CJK SC",
        "黑体": "Noto Sans CJK SC",
    }
    everything = F.parse_fc_list("仿宋_GB2312\n方正小标宋简体\n黑体\n宋体\n")
    assert F.plan_fonts(OFFICIAL, everything).note() is None


def test_without_a_chinese_face_the_note_says_so_and_nothing_japanese_stands_in():
    plan = F.plan_fonts(["仿宋_GB2312"], F.parse_fc_list("Noto Serif CJK JP\nNoto Sans CJK KR\n"))
    assert plan.substitutes == {} and plan.unmatched == ("仿宋_GB2312",)
    assert "没有相近的中文字体" in plan.note()
    # only a sans SC face: it stands in for a serif rather than nothing
    sans_only = F.plan_fonts(["仿宋_GB2312"], F.parse_fc_list("WenQuanYi Zen Hei\n"))
    assert sans_only.substitutes == {"仿宋_GB2312": "WenQuanYi Zen Hei"}


def test_kinds_of_names_a_clerks_template_may_use():
    assert F.kind_of("华文仿宋") == F.FANGSONG
    assert F.kind_of("方正黑体简体") == F.SANS
    assert F.kind_of("华文楷体") == F.KAI
    assert F.kind_of("华文中宋") == F.SERIF
    assert F.kind_of("Calibri") is None


def office_document(path: Path, text: str) -> Path:
    """A .docx whose text is set in 仿宋_GB2312 (East-Asian slot), as the templates do."""
    doc = Document()
    run = doc.add_paragraph().add_run(text)
    fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), "仿宋_GB2312")
    lang = run._r.get_or_add_rPr().makeelement(qn("w:lang"), {qn("w:eastAsia"): "zh-CN"})
    run._r.get_or_add_rPr().append(lang)
    doc.save(path)
    return path


def test_fonts_used_reads_runs_styles_and_theme_not_languages(tmp_path):
    used = F.fonts_used(office_document(tmp_path / "a.docx", "工会"))
    assert "仿宋_GB2312" in used and "zh-CN" not in used


def test_the_profile_holds_a_replacement_table_libreoffice_reads():
    plan = F.FontPlan({"仿宋_GB2312": "Noto Serif CJK SC", "A&B": "C<D"})
    root = ElementTree.fromstring(pdf.registry(plan))
    values = [v.text for v in root.iter("value")]
    assert values.count("true") == 3  # Replacement on, Always for each pair
    assert ["仿宋_GB2312", "Noto Serif CJK SC", "A&B", "C<D"] == [
        v for v in values if v not in ("true", "false")
    ]


# --- with LibreOffice --------------------------------------------------------------------
# Chinese characters drawn differently in Japanese (骨 直 写 角 …): which of the face's
# glyphs the PDF embeds tells the Chinese form from the Japanese one.
SAMPLE = "骨直写角说误对决算报告"


def embedded_glyphs(document: Path) -> dict[str, set[str]]:
    """Font name -> glyph names ("cid45042") of each Type 1 font embedded in the PDF."""
    data = document.read_bytes()
    found: dict[str, set[str]] = {}
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            program = zlib.decompress(stream)
        except zlib.error:
            continue
        name = re.search(rb"/FontName /(\S+)", program)
        if name:
            found[name.group(1).decode()] = {g.decode() for g in re.findall(rb"/(cid\d+)", program)}
    return found


@pytest.mark.skipif(
    pdf.find_soffice() is None or shutil.which("fc-list") is None,
    reason="needs LibreOffice and fontconfig",
)
def test_libreoffice_sets_absent_fangsong_in_the_chinese_serif(tmp_path):
    installed = F.installed_chinese_fonts() or set()
    if "仿宋_GB2312" in installed or "Noto Serif CJK SC" not in installed:
        pytest.skip("needs Noto Serif CJK SC and no 仿宋_GB2312")
    source = office_document(tmp_path / "公示.docx", SAMPLE)
    notes: list[str] = []
    [made] = pdf.convert([source], tmp_path / "out", notes=notes)
    # python-docx's blank document also names 宋体 (its theme's Chinese face)
    assert notes == ["未安装仿宋_GB2312、宋体，PDF 中用 Noto Serif CJK SC 代替"]
    listing = subprocess.run(["pdffonts", str(made)], capture_output=True, text=True).stdout
    faces = [line.split()[0] for line in listing.splitlines()[2:]]
    cjk = [f for f in faces if "CJK" in f]
    assert cjk and all("SerifCJK" in f for f in cjk), listing  # the serif, not a sans
    # Noto's collection names its shared glyph program "…CJKjp…" in every region, so the
    # name cannot tell; the glyphs can: the SC face's, not the JP face's.
    ttlib = pytest.importorskip("fontTools.ttLib")
    path = subprocess.run(
        ["fc-match", "-f", "%{file}", "Noto Serif CJK SC"], capture_output=True, text=True
    ).stdout
    collection = ttlib.TTCollection(path, lazy=True)
    try:
        cmaps = {f["name"].getDebugName(6): f["cmap"].getBestCmap() for f in collection.fonts}
    finally:
        collection.close()
    sc = next(c for n, c in cmaps.items() if "CJKsc" in n)
    jp = next(c for n, c in cmaps.items() if "CJKjp" in n)
    used = set().union(*embedded_glyphs(made).values())
    differing = [ch for ch in SAMPLE if sc[ord(ch)] != jp[ord(ch)]]
    assert differing
    assert all(sc[ord(ch)] in used for ch in differing)
    assert not any(jp[ord(ch)] in used for ch in differing)


# --- the built-in templates' own metadata ----------------------------------------------
TEMPLATES = sorted((Path(__file__).resolve().parents[1] / "unionxl" / "templates").glob("*.docx"))


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.stem)
def test_templates_carry_no_python_docx_defaults_or_japanese_theme(template):
    import zipfile

    with zipfile.ZipFile(template) as z:
        names = set(z.namelist())
        app = z.read("docProps/app.xml").decode()
        core = z.read("docProps/core.xml").decode()
        theme = z.read("word/theme/theme1.xml").decode()
        settings = z.read("word/settings.xml").decode()
        font_table = z.read("word/fontTable.xml").decode()
    assert "<Application>unionxl</Application>" in app and "Macintosh" not in app
    assert "python-docx" not in core and f"<dc:title>{template.stem}</dc:title>" in core
    assert "docProps/thumbnail.jpeg" not in names  # python-docx's blank page picture
    assert 'w:eastAsia="ja-JP"' not in settings
    for slot, face in (("majorFont", "黑体"), ("minorFont", "仿宋_GB2312")):
        block = re.search(f"<a:{slot}>.*?</a:{slot}>", theme, re.S).group(0)
        assert f'<a:ea typeface="{face}"/>' in block
        assert 'script="Jpan"' not in block
    assert "ＭＳ" not in font_table


# --- how documents are shared out among soffice runs ------------------------------------
def rows_document(path: Path, rows: int) -> Path:
    """A stand-in .docx with `rows` table rows (all `batches` reads of it)."""
    import zipfile

    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", "<w:tbl>" + "<w:tr></w:tr>" * rows + "</w:tbl>")
    return path


def test_small_documents_share_one_run_and_a_long_one_gets_its_own(tmp_path):
    small = [rows_document(tmp_path / f"{n}.docx", 40) for n in ("决算", "公示", "工作报告")]
    [together] = pdf.batches(small, 4)  # one LibreOffice start-up for all
    assert set(together) == set(small)
    long = rows_document(tmp_path / "慰问发放表.docx", 14000)
    runs = pdf.batches([*small, long], 2)
    assert runs[0] == [long] and set(runs[1]) == set(small)
    assert pdf.batches([*small, long], 1) == [[long, *runs[1]]]
