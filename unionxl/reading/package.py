"""What an .xlsx/.xlsm package says about itself: its sheets (name, part, kind, hidden),
where the shared strings and styles are, and whether dates count from 1904.

Read with byte searches on the small parts (workbook.xml and its relationships), never
by parsing a sheet; used by the light XML pass and by the streaming reader.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass

SHEET = re.compile(rb"<(?:\w+:)?sheet\b[^>]*?>")
ATTR = re.compile(rb'([\w:]+)="([^"]*)"')
REL = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*?>")
DATE1904 = re.compile(rb"<(?:\w+:)?workbookPr\b[^>]*\bdate1904=\"(?:1|true)\"")
SMALL_PART = 16 << 20  # workbook.xml and its relationships: never more in a real workbook


@dataclass(frozen=True)
class SheetPart:
    name: str
    path: str  # the part inside the zip: xl/worksheets/sheet1.xml
    kind: str  # worksheet, chartsheet, macrosheet, dialogsheet (the relationship's type)
    hidden: bool


@dataclass(frozen=True)
class Package:
    sheets: list[SheetPart]
    shared_strings: str | None
    styles: str | None
    date1904: bool


def xml_unescape(text: str) -> str:
    return (
        text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&apos;", "'")
        .replace("&amp;", "&")
    )


def small_part(archive: zipfile.ZipFile, name: str) -> bytes:
    """A part that is small by nature, read whole (b'' when it is not small)."""
    if archive.getinfo(name).file_size > SMALL_PART:
        return b""
    return archive.read(name)


def read_package(archive: zipfile.ZipFile) -> Package:
    names = set(archive.namelist())
    book_part = "xl/workbook.xml" if "xl/workbook.xml" in names else None
    if book_part is None:  # strict or odd packages: find the workbook part by name
        book_part = next((n for n in sorted(names) if n.endswith("workbook.xml")), None)
        if book_part is None:
            return Package([], None, None, False)
    base = posixpath.dirname(book_part)
    rels_part = posixpath.join(base, "_rels", posixpath.basename(book_part) + ".rels")
    targets: dict[str, tuple[str, str]] = {}  # rId -> (part, type)
    if rels_part in names:
        for m in REL.finditer(small_part(archive, rels_part)):
            attrs = dict(ATTR.findall(m.group(0)))
            target = xml_unescape(attrs.get(b"Target", b"").decode("utf-8", "replace"))
            if target.startswith("/"):
                path = target.lstrip("/")
            else:
                path = posixpath.normpath(posixpath.join(base, target))
            kind = attrs.get(b"Type", b"").decode("utf-8", "replace").rsplit("/", 1)[-1]
            targets[attrs.get(b"Id", b"").decode()] = (path, kind)
    book = small_part(archive, book_part)
    sheets = []
    for m in SHEET.finditer(book):
        attrs = dict(ATTR.findall(m.group(0)))
        rid = next((v for k, v in attrs.items() if k.endswith(b":id")), b"").decode()
        if rid not in targets:
            continue
        path, kind = targets[rid]
        name = xml_unescape(attrs.get(b"name", b"").decode("utf-8", "replace"))
        kind = {"xlMacrosheet": "macrosheet", "xlIntlMacrosheet": "macrosheet"}.get(kind, kind)
        hidden = attrs.get(b"state", b"visible") != b"visible"
        sheets.append(SheetPart(name, path, kind, hidden))

    def part_of(kind: str) -> str | None:
        found = next((p for p, k in targets.values() if k == kind and p in names), None)
        return found

    return Package(
        sheets, part_of("sharedStrings"), part_of("styles"), DATE1904.search(book) is not None
    )
