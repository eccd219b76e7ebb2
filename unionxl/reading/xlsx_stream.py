"""Read .xlsx sheets cell by cell in bounded memory, for what calamine cannot be given:
a sheet whose cells reach absurdly far (reading/extent.py), or a workbook calamine
refuses whole because it holds an old macro or dialog sheet.

The sheet XML streams from the zip in 1 MiB pieces through ElementTree's pull parser;
each row is detached once read, and the sheet is built by reading/cells.py (real
positions, bounded memory). Values are what calamine gives: numbers as float, dates by
their cell style, '' for empty.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Iterator
from typing import Any, cast
from xml.etree.ElementTree import Element, ParseError, XMLPullParser

from unionxl.model.errors import UnionxlError
from unionxl.reading.cells import SheetBuilder
from unionxl.reading.extent import column_number
from unionxl.reading.numformats import id_kind, serial_value
from unionxl.reading.package import Package
from unionxl.reading.raw import RawSheet
from unionxl.reading.xmlsafe import refuse_dtd

CHUNK = 1 << 20
REF = re.compile(r"([A-Za-z]+)([0-9]+)")
ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def unescape(text: str) -> str:
    """Excel writes control characters as _x000D_ in XML."""
    return ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


def elements(archive: zipfile.ZipFile, part: str, file: str, tags: set[str]) -> Iterator[Element]:
    """Elements with a local name in `tags`, each once it has ended, streamed in bounded
    chunks; each is detached from its parent after the caller has read it."""
    parser = XMLPullParser(events=("start", "end"))
    stack: list[Element] = []

    def ended() -> Iterator[Element]:
        for event, element in cast(Iterator[tuple[str, Element]], parser.read_events()):
            if event == "start":
                stack.append(element)
                continue
            stack.pop()
            if local(element.tag) in tags:
                yield element
                if stack:
                    stack[-1].remove(element)  # what was read holds no memory

    try:
        with archive.open(part) as stream:
            first = True
            while chunk := stream.read(CHUNK):
                if first:
                    refuse_dtd(chunk, file)
                    first = False
                parser.feed(chunk)
                yield from ended()
        parser.close()
        yield from ended()
    except (ParseError, zipfile.BadZipFile, KeyError, OSError, EOFError) as e:
        raise UnionxlError(
            f"{file}：工作簿内容已损坏（{part}），无法读取。请用 Excel 打开后另存为 .xlsx（{e}）"
        ) from e


def text_of(element: Element) -> str:
    """The text of a shared or inline string: its runs, without phonetic guides."""
    parts = []
    for child in element:
        name = local(child.tag)
        if name == "t":
            parts.append(child.text or "")
        elif name == "r":
            parts.extend(t.text or "" for t in child if local(t.tag) == "t")
    return unescape("".join(parts))


def shared_strings(archive: zipfile.ZipFile, package: Package, file: str) -> list[str]:
    if package.shared_strings is None:
        return []
    found = []
    for si in elements(archive, package.shared_strings, file, {"si"}):
        found.append(text_of(si))
        si.clear()
    return found


def style_kinds(archive: zipfile.ZipFile, package: Package, file: str) -> list[str | None]:
    """Per cell style (xf) index: 'date', 'duration' or None."""
    if package.styles is None:
        return []
    custom: dict[int, str] = {}
    kinds: list[str | None] = []
    for element in elements(archive, package.styles, file, {"numFmt", "cellXfs"}):
        if local(element.tag) == "numFmt":
            try:
                custom[int(element.get("numFmtId", ""))] = element.get("formatCode", "")
            except ValueError:
                pass
            continue
        for xf in element:
            try:
                kinds.append(id_kind(int(xf.get("numFmtId", "0")), custom))
            except ValueError:
                kinds.append(None)
        element.clear()
    return kinds


class Context:
    """What every sheet of one workbook shares: strings, styles, the date system."""

    def __init__(self, archive: zipfile.ZipFile, package: Package, file: str) -> None:
        self.archive, self.package, self.file = archive, package, file
        self.strings = shared_strings(archive, package, file)
        self.kinds = style_kinds(archive, package, file)

    def value(self, cell: Element) -> tuple[Any, str | None, bool]:
        """(value, error text, formula without value) of one <c> element."""
        kind = cell.get("t", "n")
        v = f = None
        inline = None
        for child in cell:
            name = local(child.tag)
            if name == "v":
                v = child.text or ""
            elif name == "f":
                f = child
            elif name == "is":
                inline = child
        if inline is not None:
            return text_of(inline), None, False
        if v is None or (v == "" and kind != "str"):
            return "", None, f is not None
        if kind == "s":
            try:
                return self.strings[int(v)], None, False
            except (ValueError, IndexError):
                return "", None, False
        if kind in ("str", "inlineStr"):
            return unescape(v), None, False
        if kind == "b":
            return v.strip() in ("1", "true"), None, False
        if kind == "e":
            return "", v, False
        if kind == "d":
            try:
                moment = dt.datetime.fromisoformat(v.strip())
            except ValueError:
                return v, None, False
            return (moment.date() if moment.time() == dt.time(0) else moment), None, False
        try:
            number = float(v)
        except ValueError:
            return v, None, False
        style = cell.get("s")
        if style and style.isdigit() and int(style) < len(self.kinds):
            date_kind = self.kinds[int(style)]
            if date_kind is not None:
                return serial_value(number, date_kind, self.package.date1904), None, False
        return number, None, False


def read_sheet(context: Context, name: str, part: str, hidden: bool) -> RawSheet:
    """One worksheet, cell by cell (its findings on the sheet)."""
    built = SheetBuilder(context.file, name)
    row_index = -1
    for element in elements(context.archive, part, context.file, {"row"}):
        r = element.get("r")
        row_index = int(r) - 1 if r and r.isdigit() else row_index + 1
        cells: dict[int, Any] = {}
        col = -1
        for cell in element:
            if local(cell.tag) != "c":
                continue
            ref = REF.fullmatch(cell.get("r") or "")
            if ref:
                col, at = column_number(ref.group(1).encode()) - 1, int(ref.group(2)) - 1
            else:
                col, at = col + 1, row_index
            value, error, no_cache = context.value(cell)
            if value == "" and error is None and not no_cache and len(cell) == 0:
                continue  # an empty styled cell
            if not built.inside(at, col):
                continue
            if error is not None or no_cache:
                built.bad[(at, col)] = error
            if at == row_index:
                cells[col] = value
            else:  # a cell that names another row than its own
                built.add_row(at, {col: value})
        built.add_row(row_index, cells)
    return built.sheet(hidden)
