"""Which installed font stands in for each Chinese font a document names, for its PDF.

The templates ask for the official faces (仿宋_GB2312 body, 方正小标宋简体 title, 黑体
headings, 宋体 page numbers). A computer without them leaves LibreOffice to pick a face
on its own, and it takes a sans face for everything. Here the choice is made on purpose:
each face the document names that is not installed is given the closest installed one
of its kind (a 仿宋 or 宋 face: a Chinese serif such as Noto Serif CJK SC; 黑体: a Chinese
sans such as Noto Sans CJK SC), and the user is told in one line.

What is installed comes from fontconfig (`fc-list :lang=zh`), which LibreOffice
uses on Linux and macOS. Without fontconfig (Windows) nothing is substituted: LibreOffice
on Windows has the system's SimSun, SimHei and FangSong.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

FANGSONG, TITLE, SERIF, SANS, KAI = "仿宋", "小标宋", "宋体", "黑体", "楷体"

# Chinese serif and sans faces that are often installed (open-source first after the
# Windows ones), in order of preference; Simplified Chinese forms only.
CJK_SERIF = (
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "Source Han Serif CN",
    "思源宋体",
    "Noto Serif SC",
    "AR PL UMing CN",
    "AR PL SungtiL GB",
)
CJK_SANS = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "思源黑体",
    "Noto Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "文泉驿正黑",
    "文泉驿微米黑",
    "Droid Sans Fallback",
)
# Kind -> the faces that may stand in for one of that kind, closest first.
CANDIDATES: dict[str, tuple[str, ...]] = {
    FANGSONG: ("仿宋", "FangSong", "仿宋_GB2312", "方正仿宋_GBK", "华文仿宋", "STFangsong")
    + CJK_SERIF
    + ("宋体", "SimSun"),
    TITLE: ("方正小标宋简体", "方正小标宋_GBK", "华文中宋", "STZhongsong")
    + CJK_SERIF
    + ("宋体", "SimSun"),
    SERIF: ("宋体", "SimSun", "新宋体", "NSimSun", "华文宋体", "STSong") + CJK_SERIF,
    SANS: ("黑体", "SimHei", "方正黑体_GBK", "微软雅黑", "Microsoft YaHei", "华文黑体", "STHeiti")
    + CJK_SANS,
    KAI: ("楷体", "KaiTi", "楷体_GB2312", "方正楷体_GBK", "华文楷体", "STKaiti", "AR PL UKai CN")
    + CJK_SERIF,
}
# Font names documents use -> kind. Names not listed are classed by their characters.
KNOWN: dict[str, str] = {
    "仿宋_GB2312": FANGSONG,
    "仿宋": FANGSONG,
    "FangSong": FANGSONG,
    "FangSong_GB2312": FANGSONG,
    "方正仿宋_GBK": FANGSONG,
    "方正小标宋简体": TITLE,
    "方正小标宋_GBK": TITLE,
    "宋体": SERIF,
    "SimSun": SERIF,
    "新宋体": SERIF,
    "NSimSun": SERIF,
    "黑体": SANS,
    "SimHei": SANS,
    "方正黑体_GBK": SANS,
    "微软雅黑": SANS,
    "Microsoft YaHei": SANS,
    "等线": SANS,
    "DengXian": SANS,
    "楷体_GB2312": KAI,
    "楷体": KAI,
    "KaiTi": KAI,
    "KaiTi_GB2312": KAI,
    "方正楷体_GBK": KAI,
}
# Markers of a face drawn for another region (Japanese, Korean, traditional forms).
OTHER_REGION = re.compile(r"\b(JP|KR|TC|HK|Japanese|Korean)\b|ゴシック|明朝|細明體|新細明體", re.I)
CJK = re.compile(r"[\u3400-\u9fff]")
RUN_FONTS = re.compile(rb"<w:rFonts\b[^>]*>")
FONT_ATTRIBUTES = re.compile(rb'w:(?:eastAsia|ascii|hAnsi)="([^"]+)"')
THEME_FONTS = re.compile(rb'<a:(?:ea|font script="Hans") typeface="([^"]+)"')
FONT_PARTS = re.compile(r"word/(document|styles|header\d*|footer\d*|theme/theme\d*)\.xml")


@dataclass(frozen=True)
class FontPlan:
    """Document face -> installed face that stands in; faces with nothing close."""

    substitutes: dict[str, str] = field(default_factory=dict)
    unmatched: tuple[str, ...] = ()

    def note(self) -> str | None:
        """One line for the user: which installed face stands in for which."""
        if not self.substitutes and not self.unmatched:
            return None
        by_face: dict[str, list[str]] = {}
        for wanted, face in self.substitutes.items():
            by_face.setdefault(face, []).append(wanted)
        parts = [f"未安装{'、'.join(w)}，PDF 中用 {face} 代替" for face, w in by_face.items()]
        if self.unmatched:
            parts.append(
                f"未安装{'、'.join(self.unmatched)}，也没有相近的中文字体，PDF 中的汉字可能缺失"
            )
        return "；".join(parts)


def kind_of(name: str) -> str | None:
    """The kind of a font name (仿宋, 小标宋, 宋体, 黑体, 楷体), None when not a Chinese face."""
    if name in KNOWN:
        return KNOWN[name]
    if not CJK.search(name):
        return None
    for marker, kind in (("小标宋", TITLE), ("仿宋", FANGSONG), ("楷", KAI), ("黑", SANS)):
        if marker in name:
            return kind
    return SERIF if ("宋" in name or "明" in name) else None


def parse_fc_list(output: str) -> set[str]:
    """Family names in `fc-list` family lines ("仿宋,FangSong" gives both)."""
    names: set[str] = set()
    for line in output.splitlines():
        line = re.sub(r"\\([-:,\\])", r"\1", line.split(":style=")[0])
        names.update(n.strip() for n in line.split(",") if n.strip())
    return names


def plan_fonts(used: Iterable[str], installed: set[str]) -> FontPlan:
    """For each Chinese face in `used` that is not installed, the closest installed one.

    `installed` holds family names (`parse_fc_list`; compared ignoring case). A face drawn
    for another region (a JP or KR face) never stands in: it would set Chinese in Japanese
    forms.
    """
    have = {n.lower(): n for n in installed}
    substitutes: dict[str, str] = {}
    unmatched: list[str] = []
    known = list(KNOWN)
    order = sorted(set(used), key=lambda n: (known.index(n) if n in known else len(known), n))
    for name in order:
        kind = kind_of(name)
        if kind is None or name.lower() in have:
            continue
        # its own kind first, then any Chinese serif or sans: better than no Chinese at all
        near = (*CANDIDATES[kind], *CJK_SERIF, *CJK_SANS)
        face = next((have[c.lower()] for c in near if c.lower() in have), None)
        if face is None:
            face = next((n for n in sorted(installed) if is_simplified_cjk(n)), None)
        if face is None:
            unmatched.append(name)
        elif face.lower() != name.lower():
            substitutes[name] = face
    return FontPlan(substitutes, tuple(unmatched))


def is_simplified_cjk(family: str) -> bool:
    """A family name that says it is a Simplified Chinese face ("… SC", "… CN", "… GB")."""
    return bool(re.search(r"\b(sc|cn|gb)\b", family, re.I)) and not OTHER_REGION.search(family)


def fonts_used(document: Path) -> set[str]:
    """The font names a .docx asks for (runs, styles, headers, footers, theme)."""
    used: set[str] = set()
    try:
        with zipfile.ZipFile(document) as z:
            for name in z.namelist():
                if not FONT_PARTS.fullmatch(name):
                    continue
                xml = z.read(name)
                if "theme" in name:
                    found = THEME_FONTS.findall(xml)
                else:
                    tags = b" ".join(set(RUN_FONTS.findall(xml)))
                    found = FONT_ATTRIBUTES.findall(tags)
                used.update(m.decode("utf-8", "replace") for m in found)
    except (OSError, zipfile.BadZipFile):
        return set()
    return {u for u in used if u and not u.startswith("+")}


@dataclass(frozen=True)
class Face:
    """One face fontconfig has for Chinese (a .ttc file holds several)."""

    families: tuple[str, ...]  # "仿宋,FangSong": every name it goes by
    style: str
    index: int
    file: str


def fontconfig_faces() -> list[Face] | None:
    """Every Chinese face fontconfig knows (the PDF stand-ins and the chart's font both
    come from here); None without fontconfig (Windows)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    try:
        done = subprocess.run(
            [fc_list, "-f", r"%{family}\t%{style}\t%{index}\t%{file}\n", ":lang=zh"],
            capture_output=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    faces = []
    for line in done.stdout.decode("utf-8", "replace").splitlines():
        family, style, index, file = (line.split("\t") + ["", "", ""])[:4]
        if index.isdigit():
            faces.append(Face(tuple(family.split(",")), style, int(index), file))
    return faces


def installed_chinese_fonts() -> set[str] | None:
    """Families fontconfig has for Chinese; None without fontconfig."""
    faces = fontconfig_faces()
    if faces is None:
        return None
    return parse_fc_list("\n".join(",".join(face.families) for face in faces))


def plan_for(documents: Iterable[Path]) -> FontPlan:
    """The substitutions the PDFs of `documents` need on this computer."""
    installed = installed_chinese_fonts()
    if installed is None:
        return FontPlan()
    used: set[str] = set()
    for document in documents:
        used |= fonts_used(document)
    return plan_fonts(used, installed)
