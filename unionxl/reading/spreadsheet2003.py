"""Excel 2003 XML spreadsheets (`<?mso-application progid="Excel.Sheet"?>`), which many
web systems and WPS export — often named .xls, which they are not.

    <Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">
      <Worksheet ss:Name="会员"><Table>
        <Row><Cell><Data ss:Type="String">工号</Data></Cell>…</Row>
        <Row ss:Index="5"><Cell ss:Index="3" ss:MergeAcross="1"><Data ss:Type="Number">2</Data>…

A row or cell without ss:Index follows the previous one; a cell merged across N columns
takes them all (its value in the first). Data types: Number (float, as calamine gives),
String (rich text flattened), DateTime (a date, datetime or time), Boolean, Error. The
file streams through ElementTree's pull parser in bounded pieces; a document type
declaration is refused (no entity can be declared).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast
from xml.etree.ElementTree import Element, ParseError, XMLPullParser

from unionxl.model.errors import UnionxlError
from unionxl.reading.cells import SheetBuilder
from unionxl.reading.raw import RawSheet
from unionxl.reading.xmlsafe import refuse_dtd

SS = "urn:schemas-microsoft-com:office:spreadsheet"
CHUNK = 1 << 20
SIGNS = (b"urn:schemas-microsoft-com:office:spreadsheet", b'progid="Excel.Sheet"')


def is_spreadsheet_2003(head: bytes) -> bool:
    """The first bytes of a file say it is an Excel 2003 XML spreadsheet."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return text.startswith(b"<") and any(sign in head for sign in SIGNS)


def attr(element: Element, name: str) -> str | None:
    return element.get(f"{{{SS}}}{name}", element.get(name))


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def index(element: Element, name: str = "Index") -> int | None:
    text = attr(element, name)
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None


def data_value(data: Element) -> tuple[Any, str | None]:
    """(value, error text) of a <Data> element."""
    kind = attr(data, "Type") or "String"
    text = "".join(data.itertext())
    if kind == "Number":
        try:
            return float(text), None
        except ValueError:
            return text, None
    if kind == "Boolean":
        return text.strip() in ("1", "true", "TRUE"), None
    if kind == "Error":
        return "", text.strip()
    if kind == "DateTime":
        try:
            moment = dt.datetime.fromisoformat(text.strip())
        except ValueError:
            return text, None
        if moment.date() in (dt.date(1899, 12, 31), dt.date(1899, 12, 30)):
            return moment.time(), None  # a time of day without a date
        return (moment.date() if moment.time() == dt.time(0) else moment), None
    return text, None


def events(path: Path) -> Iterator[tuple[str, Element]]:
    parser = XMLPullParser(events=("start", "end"))
    try:
        with open(path, "rb") as stream:
            first = True
            while chunk := stream.read(CHUNK):
                if first:
                    refuse_dtd(chunk, path.name)
                    first = False
                parser.feed(chunk)
                yield from cast(Iterator[tuple[str, Element]], parser.read_events())
        parser.close()
        yield from cast(Iterator[tuple[str, Element]], parser.read_events())
    except ParseError as e:
        raise UnionxlError(
            f"{path.name}：是 Excel 2003 XML 表格，但内容已损坏，无法读取。"
            f"请用 Excel 或 WPS 打开后另存为 .xlsx（{e}）"
        ) from e


def read_spreadsheet_2003(path: Path) -> list[RawSheet]:
    sheets: list[RawSheet] = []
    built: SheetBuilder | None = None
    hidden = False
    row = -1
    table: Element | None = None
    for event, element in events(path):
        name = local(element.tag)
        if event == "start":
            if name == "Worksheet":
                built = SheetBuilder(path.name, attr(element, "Name") or f"Sheet{len(sheets) + 1}")
                hidden, row = False, -1
            elif name == "Table":
                table = element
            continue
        if built is None:
            continue
        if name == "Row":
            row = (index(element) or row + 2) - 1
            cells: dict[int, Any] = {}
            col = -1
            for cell in element:
                if local(cell.tag) != "Cell":
                    continue
                col = (index(cell) or col + 2) - 1
                at = col
                col += index(cell, "MergeAcross") or 0
                data = next((c for c in cell if local(c.tag) == "Data"), None)
                if data is None:
                    if attr(cell, "Formula") and built.inside(row, at):
                        built.bad[(row, at)] = None  # a formula saved without its value
                    continue
                if not built.inside(row, at):
                    continue
                value, error = data_value(data)
                if error is not None:
                    built.bad[(row, at)] = error
                cells[at] = value
            built.add_row(row, cells)
            if table is not None:
                table.remove(element)  # what was read holds no memory
        elif name == "Visible" and (element.text or "").strip() in (
            "SheetHidden",
            "SheetVeryHidden",
        ):
            hidden = True
        elif name == "Worksheet":
            sheets.append(built.sheet(hidden))
            built, table = None, None
            element.clear()
    return sheets
