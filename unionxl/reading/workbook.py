"""Read one workbook file: every sheet's values at their Excel positions.

Values come from python-calamine (fast, Rust). Calamine reports a formula without a
cached value, and an error value like #DIV/0!, as an empty cell; so a light pass over
the sheet XML finds those cells, and only when the sheet has any formula or error.
"""

from __future__ import annotations

import posixpath
import re
import struct
import threading
import zipfile
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from python_calamine import CalamineError, CalamineWorkbook

from unionxl.model.errors import UnionxlError


@dataclass
class RawSheet:
    name: str
    rows: list[list[Any]]  # rows[0][0] is cell A1; '' for empty
    hidden: bool = False
    # (0-based row, 0-based col) -> None for "formula without cached value",
    # or the error text ('#DIV/0!') for a cell holding an error value.
    bad_cells: dict[tuple[int, int], str | None] = field(default_factory=dict)


@dataclass
class RawWorkbook:
    path: Path
    sheets: list[RawSheet]


def read_workbook(path: Path) -> RawWorkbook:
    """Read every worksheet of `path`; raises UnionxlError with a Chinese reason."""
    try:
        book = CalamineWorkbook.from_path(str(path))
    except CalamineError as e:
        raise UnionxlError(unreadable_reason(path, e)) from e
    except (OSError, ValueError) as e:
        raise UnionxlError(unreadable_reason(path, e)) from e
    # The XML pass runs beside calamine. Calamine holds the GIL while it parses, zlib
    # does not: so let the scan reach its first inflate before calamine starts.
    inflating = threading.Event()
    with ThreadPoolExecutor(max_workers=1) as pool:
        scanning = pool.submit(scan_bad_cells, path, inflating)
        inflating.wait(timeout=2.0)
        try:
            sheets = []
            for meta in book.sheets_metadata:
                if "Chart" in str(meta.typ):
                    continue
                rows = book.get_sheet_by_name(meta.name).to_python(skip_empty_area=False)
                hidden = "Visible" not in str(meta.visible)
                sheets.append(RawSheet(meta.name, rows, hidden))
            bad = scanning.result()
        except (CalamineError, OSError, ValueError) as e:
            raise UnionxlError(unreadable_reason(path, e)) from e
        finally:
            book.close()
    for sheet in sheets:
        sheet.bad_cells = bad.get(sheet.name, {})
    return RawWorkbook(path, sheets)


def unreadable_reason(path: Path, error: Exception) -> str:
    text = str(error)
    if "password" in text.lower() or "encrypt" in text.lower():
        return f"{path.name}：工作簿设置了打开密码，无法读取。请在 Excel 中取消密码后另存"
    if isinstance(error, PermissionError):
        return f"{path.name}：无法打开（文件被占用或没有权限）。请关闭 Excel 中的该文件后重试"
    return f"{path.name}：不是有效的 Excel 工作簿（{text.splitlines()[0][:80] if text else type(error).__name__}），请用 Excel 打开后另存为 .xlsx"


# --- the light XML pass -------------------------------------------------------------

CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.S)
REF = re.compile(rb'\br="([A-Z]+)(\d+)"')
FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
VALUE = re.compile(rb"<(?:\w+:)?v>(.*?)</(?:\w+:)?v>", re.S)
SHEET = re.compile(rb"<(?:\w+:)?sheet\b[^>]*?>")
ATTR = re.compile(rb'([\w:]+)="([^"]*)"')
REL = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*?>")


def column_index(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n - 1


def sheet_paths(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> path of its XML part inside the zip."""
    names = set(archive.namelist())
    book_part = next((n for n in ("xl/workbook.xml",) if n in names), None)
    if book_part is None:  # strict or odd packages: find the workbook part by name
        book_part = next((n for n in names if n.endswith("workbook.xml")), None)
        if book_part is None:
            return {}
    rels_part = posixpath.join(
        posixpath.dirname(book_part), "_rels", posixpath.basename(book_part) + ".rels"
    )
    targets: dict[str, str] = {}
    if rels_part in names:
        for m in REL.finditer(archive.read(rels_part)):
            attrs = dict(ATTR.findall(m.group(0)))
            target = attrs.get(b"Target", b"").decode("utf-8", "replace")
            if target.startswith("/"):
                path = target.lstrip("/")
            else:
                path = posixpath.normpath(posixpath.join(posixpath.dirname(book_part), target))
            targets[attrs.get(b"Id", b"").decode()] = path
    result = {}
    for m in SHEET.finditer(archive.read(book_part)):
        attrs = dict(ATTR.findall(m.group(0)))
        rid = next((v for k, v in attrs.items() if k.endswith(b":id")), b"").decode()
        name = xml_unescape(attrs.get(b"name", b"").decode("utf-8", "replace"))
        if rid in targets:
            result[name] = targets[rid]
    return result


def xml_unescape(text: str) -> str:
    return (
        text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&apos;", "'")
        .replace("&amp;", "&")
    )


LOCAL_HEADER = struct.Struct("<4s5H3L2H")  # a zip member's local file header


def read_part(
    archive: zipfile.ZipFile, part: str, inflating: threading.Event | None = None
) -> bytes:
    """A member's bytes, inflated in ONE zlib call.

    zlib releases the GIL for the whole call, so this runs truly beside calamine
    (which holds the GIL while it parses); zipfile's own reader inflates in small
    chunks and would wait for the GIL between each.
    """
    info = archive.getinfo(part)
    if info.compress_type not in (zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED) or info.flag_bits & 0x1:
        return archive.read(part)
    fp = archive.fp
    assert fp is not None
    fp.seek(info.header_offset)
    header = LOCAL_HEADER.unpack(fp.read(LOCAL_HEADER.size))
    if header[0] != b"PK\x03\x04":
        return archive.read(part)
    fp.seek(header[9] + header[10], 1)  # file name and extra field
    raw = fp.read(info.compress_size)
    if info.compress_type == zipfile.ZIP_STORED:
        return raw
    if inflating is not None:
        inflating.set()
    return zlib.decompress(raw, -15)


def scan_bad_cells(
    path: Path, inflating: threading.Event | None = None
) -> dict[str, dict[tuple[int, int], str | None]]:
    """Per sheet name: cells with a formula but no cached value, and error cells.

    `inflating` is set when the first sheet starts to inflate (or when there is none).
    """
    try:
        return _scan(path, inflating)
    finally:
        if inflating is not None:
            inflating.set()


def _scan(
    path: Path, inflating: threading.Event | None
) -> dict[str, dict[tuple[int, int], str | None]]:
    result: dict[str, dict[tuple[int, int], str | None]] = {}
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        return result  # .xls and friends: calamine read them; nothing to scan
    with archive:
        for name, part in sheet_paths(archive).items():
            try:
                data = read_part(archive, part, inflating)
            except (KeyError, OSError, zipfile.BadZipFile, zlib.error, struct.error):
                continue  # calamine already said whether the sheet itself is readable
            # Cheap byte searches first: most office sheets have no formula at all
            # (a formula always closes with </f>, or </x:f> with a prefix).
            if b"</f>" not in data and b":f>" not in data and b't="e"' not in data:
                continue
            cells: dict[tuple[int, int], str | None] = {}
            for m in CELL.finditer(data):
                attrs, body = m.group(1), m.group(2) or b""
                is_error = b't="e"' in attrs
                has_formula = FORMULA.search(body) is not None
                if not (is_error or has_formula):
                    continue
                ref = REF.search(attrs)
                if ref is None:
                    continue
                value = VALUE.search(body)
                pos = (int(ref.group(2)) - 1, column_index(ref.group(1)))
                if is_error and value is not None:
                    cells[pos] = value.group(1).decode("utf-8", "replace")
                elif has_formula and (
                    value is None or (value.group(1) == b"" and b't="str"' not in attrs)
                ):
                    cells[pos] = None
            if cells:
                result[name] = cells
    return result
