"""Office folder -> `OfficeData` (台账格式 §1): find tables by sheet name, find the header
row, map header aliases, read every cell as its column's kind.
"""

from __future__ import annotations

import gc
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import chain, islice, repeat
from pathlib import Path
from typing import Any

from unionxl.data.office_data import OfficeData
from unionxl.loading import recognise
from unionxl.loading.accounts import read_as_chart, read_directions
from unionxl.loading.mapping import MAP_TABLES, apply_field_map, apply_value_map
from unionxl.loading.people import match_members
from unionxl.model import values as V
from unionxl.model.errors import UnionxlError
from unionxl.model.findings import ERROR, WARNING, Finding, column_letter
from unionxl.model.schema import MAPPING_TABLES, TABLES, Column, Kind, TableSpec
from unionxl.model.tables import Columns, Row, Table
from unionxl.reading.folder_reader import FolderReader
from unionxl.reading.raw import RawSheet, RawWorkbook

# Names of results unionxl writes: read as data only when they hold a ledger table.
OUTPUT_NAMES = {"校验结果.xlsx", "汇总.xlsx"}
HEADER_SEARCH_ROWS = 10
TOTAL_ROW_WORDS = {"合计", "总计", "小计", "累计"}


def normalize_name(text: Any) -> str:
    """Sheet and header names match after removing line breaks, spaces, `*` and a
    parenthesised hint, note or unit after the name (台账格式 §1b)."""
    return recognise.name_key(text)


# Sheets that hold no data by design (unionxl new writes a 说明 per workbook).
QUIET_SHEETS = frozenset(("说明", "填写说明", "填表说明", "使用说明"))


SHEET_NAMES: dict[str, TableSpec] = {
    normalize_name(n): t for t in (*TABLES, *MAPPING_TABLES) for n in t.names
}


def written_by_unionxl(path: Path) -> bool:
    """A results workbook unionxl wrote (its document properties name unionxl as author)."""
    try:
        with zipfile.ZipFile(path) as archive:
            core = archive.read("docProps/core.xml")[:4096]
    except (OSError, KeyError, zipfile.BadZipFile):
        return False
    return b"<dc:creator>unionxl</dc:creator>" in core


def open_in_excel(folder: Path) -> set[str]:
    """Workbooks someone has open right now (Excel's ~$ owner file, LibreOffice's lock)."""
    names = set()
    for p in folder.iterdir():
        if p.name.startswith("~$"):
            # Excel shortens the owner file's name for long names: ~$员名册.xlsx.
            stem = p.name[2:]
            for q in folder.iterdir():
                if not q.name.startswith("~$") and q.name.endswith(stem):
                    names.add(q.name)
        elif p.name.startswith(".~lock.") and p.name.endswith("#"):
            names.add(p.name[len(".~lock.") : -1])
    return names


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cycle collector while building millions of rows.

    The rows hold no reference cycles, yet every few thousand new containers the
    collector walks all of them again: a third of the load time at 300k members.
    Restored afterwards, whatever happens.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_folder(
    folder: str | Path, *, year: int | None = None, reader: FolderReader | None = None
) -> OfficeData:
    """Read every workbook of `folder` once (raises UnionxlError when it cannot be read).

    `reader`: the folder's workbooks already being read (an open FolderReader of the same
    folder; the command line opens one before it imports the rest of unionxl)."""
    folder = Path(folder)
    if reader is not None:
        assert reader.folder == folder, "a FolderReader of another folder"
        with gc_paused():
            return _load_folder(folder, year, reader)
    # Two threads read workbooks ahead while the loader types those read (reading/
    # ahead.py), each beside a thread measuring its sheets (reading/scan.py); all end
    # with this block.
    with gc_paused(), FolderReader(folder) as books:
        return _load_folder(folder, year, books)


def _load_folder(folder: Path, year: int | None, books: FolderReader) -> OfficeData:
    if not folder.exists():
        raise UnionxlError(f"找不到文件夹：{folder}")
    if not folder.is_dir():
        raise UnionxlError(f"{folder} 不是文件夹：请给出存放工会台账工作簿的文件夹")
    result = OfficeData(folder, year_override=year)
    for name in sorted(open_in_excel(folder)):
        result.load_findings.append(
            Finding(
                WARNING,
                "file.open",
                f"{name} 正在被 Excel 或 WPS 打开，读取的是它最后一次保存的内容；"
                "如有未保存的修改，请先保存再校验",
                file=name,
            )
        )
    pending: list[tuple[str, RawSheet]] = []  # sheets a 字段对照 may yet place
    # Typed as they are read (while the threads read the rest), joined in folder order.
    typed: dict[Path, WorkbookRead] = {}
    order = iter(books.paths)
    turn = next(order, None)
    for path, book in books:
        typed[path] = type_workbook(path, book)
        # Dropped before the next is read (the for statement rebinds it only after):
        # else two workbooks' cells are alive at once, 会费's while 慰问 is read.
        del book
        while turn is not None and turn in typed:
            join_workbook(result, typed.pop(turn), pending)
            turn = next(order, None)
    if pending and "字段对照" in result.tables:
        apply_field_map(result, pending)
    if "值对照" in result.tables:
        apply_value_map(result.tables)
    read_directions(result.tables)
    read_as_chart(result.tables)
    match_members(result.tables)
    if not result.files and not result.unreadable:
        raise UnionxlError(
            f"文件夹 {folder} 中没有 Excel 工作簿（.xlsx/.xlsm/.xls/.xlsb），请选择存放台账的文件夹"
        )
    if result.files and not result.tables:
        # Not checked at all: `check` exits 2 with this line (never "没有发现问题").
        result.no_tables = no_tables_line(folder, result.unused)
        result.load_findings.append(
            Finding(
                WARNING,
                "folder.no_tables",
                result.no_tables,
                file=result.files[0] if len(result.files) == 1 else None,
            )
        )
        return result
    for item in result.unused:
        if item.get("quiet"):
            continue
        result.load_findings.append(
            Finding(
                WARNING,
                "folder.unused_sheet",
                f"工作表“{item['sheet']}”没有使用：{item['reason']}",
                file=item["file"],
                sheet=item["sheet"],
            )
        )
    return result


@dataclass
class SheetRead:
    """One sheet of a workbook, typed: the table it holds (or None), and what was said."""

    sheet: RawSheet
    spec: TableSpec | None
    how: str  # "name" or "content"
    table: Table | None
    findings: list[Finding]
    unused: list[dict[str, Any]]
    pending: bool  # a 字段对照 may yet place it (or complete its columns)


@dataclass
class WorkbookRead:
    """One workbook's tables, typed apart from the office (`type_workbook`), so that
    workbooks can be typed in the order they are read and joined in the folder's order
    (`join_workbook`): the office comes out the same whatever order the reads ended in."""

    path: Path
    unreadable: str | None = None
    skipped: bool = False  # a result unionxl wrote: not data
    findings: list[Finding] = field(default_factory=list)
    sheets: list[SheetRead] = field(default_factory=list)


def type_workbook(path: Path, book: RawWorkbook | UnionxlError) -> WorkbookRead:
    """The typed tables of one workbook (the heavy part of loading)."""
    if isinstance(book, UnionxlError):
        return WorkbookRead(path, unreadable=str(book))
    read = WorkbookRead(path)
    if path.name in OUTPUT_NAMES:
        if written_by_unionxl(path) or not any(
            normalize_name(sheet.name) in SHEET_NAMES for sheet in book.sheets
        ):
            read.skipped = True
            return read
        read.findings.append(
            Finding(
                WARNING,
                "file.output_name",
                f"{path.name} 与 unionxl 的结果文件同名，但其中有台账表：已作为台账读取。"
                "请把它改成别的名字，以免与结果文件混淆",
                file=path.name,
            )
        )
    read.findings.extend(book.findings)  # what reading noticed (sheet.*)
    for sheet in book.sheets:
        findings: list[Finding] = []
        unused: list[dict[str, Any]] = []
        how = "name"
        spec = SHEET_NAMES.get(normalize_name(sheet.name))
        if spec is None:
            spec = place_by_content(unused, path.name, sheet)
            how = "content"
        table = None if spec is None else load_table(spec, path.name, sheet, findings)
        pending = spec is None or (
            table is not None
            and spec.name not in MAP_TABLES
            and bool(recognise.missing_required(spec, table.columns))
        )
        read.sheets.append(SheetRead(sheet, spec, how, table, findings, unused, pending))
    return read


def join_workbook(
    result: OfficeData, read: WorkbookRead, pending: list[tuple[str, RawSheet]]
) -> None:
    """One typed workbook into `result`, in the folder's order (`pending`: sheets not yet
    placed). Of a table found twice, the first in the folder's order is kept."""
    name = read.path.name
    if read.unreadable is not None:
        result.unreadable.append(read.unreadable)
        result.load_findings.append(Finding(ERROR, "file.unreadable", read.unreadable, file=name))
        return
    if read.skipped:
        return
    result.files.append(name)
    result.load_findings.extend(read.findings)
    for part in read.sheets:
        result.unused.extend(part.unused)
        result.load_findings.extend(part.findings)
        if part.pending:
            pending.append((name, part.sheet))
        table, spec, sheet = part.table, part.spec, part.sheet
        if table is None or spec is None:
            continue
        first = result.tables.get(spec.name)
        if first is not None and part.how == "content":
            result.unused.append(
                {
                    "file": name,
                    "sheet": sheet.name,
                    "reason": f"表头像“{spec.name}”表，但已从 {first.file} 的"
                    f"“{first.sheet}”读取了“{spec.name}”",
                }
            )
            continue
        if first is not None:
            result.load_findings.append(
                Finding(
                    ERROR,
                    "table.duplicate",
                    f"“{spec.name}”表出现了两次：{first.file} 的“{first.sheet}”和 "
                    f"{table.file} 的“{table.sheet}”。只保留一处，另一处请改名或删除"
                    f"（本次使用 {first.file}）",
                    file=table.file,
                    sheet=table.sheet,
                )
            )
            continue
        result.tables[spec.name] = table
        result.sheets.append(
            {"file": name, "sheet": sheet.name, "table": spec.name, "how": part.how}
        )


def place_by_content(unused: list[dict[str, Any]], file: str, sheet: RawSheet) -> TableSpec | None:
    """The table a sheet with an unknown name holds, judged by its header row; None (and
    an entry in `unused` saying why) when it holds none."""
    if not any(any(c not in ("", None) for c in row) for row in sheet.head):
        unused.append({"file": file, "sheet": sheet.name, "reason": "空白工作表", "quiet": True})
        return None
    if normalize_name(sheet.name) in QUIET_SHEETS:
        unused.append(
            {"file": file, "sheet": sheet.name, "reason": "说明页，不是台账表", "quiet": True}
        )
        return None
    guesses = recognise.guess_tables(sheet.head)
    if guesses and guesses[0].complete and len(guesses[0].matched) >= 3:
        return guesses[0].spec
    preview = recognise.header_preview(sheet.head)
    close = recognise.close_table(sheet.name)
    if guesses:
        g = guesses[0]
        reason = (
            f"表头像“{g.spec.name}”表，但缺少必填列：{'、'.join(g.missing) or '（列太少）'}"
            f"（表头：{preview}）。请改表头，或在“字段对照”表中写明哪一列是"
            f"{'、'.join(g.missing) or g.spec.name}"
        )
    elif close is not None:
        reason = f"表名与“{close.name}”相近，是否写错？表头也认不出（表头：{preview}）"
    else:
        reason = f"名称和表头都不像台账表（表头：{preview or '无'}）"
    unused.append({"file": file, "sheet": sheet.name, "reason": reason})
    return None


def no_tables_line(folder: Path, unused: list[dict[str, Any]]) -> str:
    """One line: no table was recognised, and what the sheets looked like."""
    seen = "；".join(f"{u['file']}“{u['sheet']}”：{u['reason']}" for u in unused[:3])
    more = f"等 {len(unused)} 个工作表" if len(unused) > 3 else ""
    return (
        f"文件夹 {folder} 中没有认出任何台账表，未作校验。{seen}{more}。"
        "工作表应命名为会员、收支明细、慰问登记等（见台账格式），或用“字段对照”表说明"
    )


def find_header(
    spec: TableSpec, rows: list[list[Any]]
) -> tuple[int, dict[str, int], list[tuple[str, int]]]:
    """(0-based header row, column -> index, [(duplicate header, index)])."""
    r, columns, duplicates, _ = find_header_units(spec, rows)
    return r, columns, duplicates


def find_header_units(
    spec: TableSpec, rows: list[list[Any]]
) -> tuple[int, dict[str, int], list[tuple[str, int]], dict[str, str]]:
    """(0-based header row, column -> index, [(duplicate header, index)], column -> unit).

    The header is the first of the first 10 rows that has every required column;
    failing that, the row with the most known headers (so missing ones can be named).
    """
    lookup = {normalize_name(n): c.name for c in spec.columns for n in c.names}
    required = {c.name for c in spec.required}
    best: tuple[int, int, dict[str, int], list[tuple[str, int]], dict[str, str]] | None = None
    for r, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        columns: dict[str, int] = {}
        duplicates: list[tuple[str, int]] = []
        units: dict[str, str] = {}
        for c, cell in enumerate(row):
            if cell == "" or cell is None:
                continue
            key, unit = recognise.header_key(cell)
            name = lookup.get(key)
            if name is None:
                continue
            if name in columns:
                duplicates.append((name, c))
            else:
                columns[name] = c
                if unit is not None:
                    units[name] = unit
        if required <= columns.keys() or not recognise.missing_required(spec, columns):
            return r, columns, duplicates, units
        if columns and (best is None or len(columns) > best[1]):
            best = (r, len(columns), columns, duplicates, units)
    if best is None:
        return 0, {}, [], {}
    return best[0], best[2], best[3], best[4]


def is_total_row(row: list[Any]) -> bool:
    for cell in row:
        if isinstance(cell, str) and cell.strip():
            return normalize_name(cell) in TOTAL_ROW_WORDS
        if cell not in ("", None):
            return False
    return False


def load_table(
    spec: TableSpec, file: str, sheet: RawSheet, findings: list[Finding]
) -> Table | None:
    header_index, columns, duplicates, units = find_header_units(spec, sheet.head)
    scales: dict[str, Decimal] = {}
    for name, unit in units.items():
        index = columns[name]
        factor = recognise.MONEY_UNITS.get(unit)
        if factor is not None and spec.column(name).kind is Kind.MONEY:
            if factor != 1:
                scales[name] = factor
            continue
        del columns[name]  # never read as yuan what is written in another unit
        findings.append(
            Finding(
                ERROR,
                "table.header_unit",
                f"表头“{name}”的单位是“{unit}”，unionxl 只认“元”和“万元”：这一列未读取。"
                f"请把金额换算成元（表头写 {name} 或 {name}（元））",
                file=file,
                sheet=sheet.name,
                row=header_index + 1,
                column=column_letter(index),
                field=name,
            )
        )
    table = Table(spec, file, sheet.name, header_index + 1, columns)
    missing = recognise.missing_required(spec, columns)
    if missing:
        findings.append(
            table.finding(
                None,
                None,
                "table.missing_column",
                f"“{sheet.name}”表缺少必填列：{'、'.join(missing)}（表头应在前 10 行内）",
            )
        )
    for name, index in duplicates:
        findings.append(
            Finding(
                ERROR,
                "table.duplicate_column",
                f"表头“{name}”出现了两次，只使用第一个；请删除或改名重复的列",
                file=file,
                sheet=sheet.name,
                row=header_index + 1,
                column=column_letter(index),
                field=name,
            )
        )
    if missing:
        return table  # known to be present, but its rows cannot be trusted
    read_rows(table, sheet, header_index, scales)
    return table


TOTAL_ROW_CELLS = frozenset(
    ("合计", "总计", "小计", "累计", "合  计", "合\u3000计", "总  计", "总\u3000计")
)


# '' -> None, every other cell -> itself: `map(BLANK_AS_NONE.get, cells, cells)`, in C.
BLANK_AS_NONE: dict[Any, None] = {"": None}


def read_rows(
    table: Table, sheet: RawSheet, header_index: int, scales: dict[str, Decimal] | None = None
) -> None:
    """Typed rows of the table.

    The hot path of every command, so it works column by column: the rows below the
    header become columns (gather_columns), and each column is parsed with one
    specialised parser. A column with an unreadable cell is re-read cell by cell.
    """
    header = sheet.head[header_index] if header_index < len(sheet.head) else []
    names = tuple(table.columns)
    gathered = gather_columns(
        sheet, header_index, header, table.columns, extra_headers(table, header)
    )
    excel_rows = gathered.excel_rows
    if not excel_rows:
        return
    table.extra_columns.update(gathered.extra)
    count = len(excel_rows)
    raw_columns, typed_columns = [], []
    problems: list[tuple[int, str, V.BadValue]] = []
    spaces_only = False
    for name in names:
        column = gathered.columns[name]
        distinct = gathered.distinct[name]
        scale = scales.get(name) if scales else None
        typed = parse_column(table.spec.column(name), column, problems, scale, distinct)
        raw = list(map(BLANK_AS_NONE.get, column, column))
        # Text read as written: one list for both (Columns). str.strip returns the very
        # string when it strips nothing, so equal here is identical (and == is C-fast).
        if table.spec.column(name).kind in V.TEXT_KINDS and typed == raw:
            typed = raw
        raw_columns.append(raw)
        typed_columns.append(typed)
        # A cell of only spaces reads as None but was not "": only then can a row be
        # blank in all but appearance. By identity, in C: `None in` a column of Decimals
        # would ask each one `== None`, an isinstance check on an ABC per cell.
        if any(map(V.is_none, typed)) and sum(map(V.is_none, typed)) > column.count(""):
            spaces_only = True
    del gathered
    store = Columns.of(dict(zip(names, typed_columns)), dict(zip(names, raw_columns)), count)
    indices: Iterable[int] = row_indices(excel_rows)
    shown = excel_rows
    if spaces_only:
        indices = [
            i
            for i, cells, values in zip(range(count), zip(*raw_columns), zip(*typed_columns))
            if not (
                values.count(None) == len(values)
                and cells.count(None) != len(cells)
                and all(type(v) is str and not v.strip(V.SPACES) for v in cells if v is not None)
            )  # only spaces: as blank as a blank row
        ]
        shown = [excel_rows[i] for i in indices]
    rows = table.rows
    rows.extend(map(Row, repeat(store), indices, shown))
    if len(rows) == count and not sheet.bad_cells:
        table.raw_columns = store.raw
        table.typed_columns = store
    for i, name, error in problems:
        row = Row(store, i, excel_rows[i])  # a view of the same cells as the table's
        row.mark_bad(name)
        table.load_findings.append(table.finding(row, name, error.rule, f"{name}：{error}"))
    if sheet.bad_cells:
        mark_bad_cells(table, sheet, header_index)


def row_indices(excel_rows: list[int]) -> Iterable[int]:
    """0, 1 … n-1, as the int objects `excel_rows` already holds where it can: without
    a gap in the rows, index i is the Excel row number of the row i - first ahead, so an
    index costs no int of its own (32 bytes a row at 300k members). Small ints are shared."""
    n, first = len(excel_rows), excel_rows[0]
    if excel_rows[-1] - first != n - 1:  # rows were skipped: plain ints
        return range(n)
    return chain(range(min(first, n)), islice(excel_rows, 0, max(n - first, 0)))


NO_CELLS: dict[Any, Any] = {"": ""}  # the distinct cells of a column the sheet lacks
CHUNK_ROWS = 65_536  # rows of a big sheet built as Python lists at once


@dataclass
class Gathered:
    """The data rows below a header, as columns."""

    columns: dict[str, list[Any]]  # column -> its cells, equal cells one object (`shared`)
    distinct: dict[str, dict[Any, Any] | None]  # column -> its distinct cells (None: not shared)
    excel_rows: list[int]  # the Excel row number of each cell
    extra: dict[str, dict[int, Any]]  # a column the table does not know -> {Excel row: cell}


def gather_columns(
    sheet: RawSheet,
    header_index: int,
    header: list[Any],
    wanted: dict[str, int],
    extra: dict[str, int],
) -> Gathered:
    """The columns `wanted` (name -> sheet column index) of the rows below the header.

    A sheet read whole is one chunk. A big sheet (`RawSheet.source`) is walked CHUNK_ROWS
    rows at a time: only one chunk of rows exists as Python lists at once, and what is
    kept of it is a column of references to shared cells (`shared`), so peak memory
    follows the distinct cells, not rows × columns."""
    result = Gathered({n: [] for n in wanted}, {n: {} for n in wanted}, [], {})
    extra_cells: dict[str, dict[int, Any]] = {name: {} for name in extra}
    for kept, excel_rows in data_chunks(sheet, header_index):
        lengths = set(map(len, kept))
        width = max(lengths)
        if len(lengths) > 1:
            # Rows read cell by cell differ in length: no column past the header's last
            # cell is read, so a stray far-right value never widens every row.
            width = min(width, max(len(header), 1))
            kept = [(row + [""] * (width - len(row)))[:width] for row in kept]
        transposed = list(zip(*kept))
        for name, index in wanted.items():
            if index >= width:
                result.columns[name].extend(repeat("", len(kept)))
                seen = result.distinct[name]
                if seen is not None:
                    seen.update(NO_CELLS)
                continue
            column = transposed[index]
            seen = result.distinct[name]
            if seen is not None and not shareable(column):
                seen = result.distinct[name] = None
            result.columns[name].extend(
                column if seen is None else map(seen.setdefault, column, column)
            )
        for name, index in extra.items():
            cells = extra_cells[name]
            for r, row in zip(excel_rows, kept):
                cells[r] = row[index] if index < len(row) and row[index] != "" else None
        result.excel_rows.extend(excel_rows)
    result.extra = extra_cells
    return result


def shareable(column: tuple[Any, ...]) -> bool:
    """Equal cells of a column can be one object (`gather_columns`). A 会费 sheet repeats
    each 工号, 姓名 and 月份 twelve times, and every copy is a string of its own as read (at
    300k members, a tenth of the memory); its few hundred amounts are then parsed once
    each. Not when a column holds ints or bools, which equal floats (True == 1 == 1.0)
    and would swap their type."""
    types = set(map(type, column))
    return int not in types and bool not in types


def extra_headers(table: Table, header: list[Any]) -> dict[str, int]:
    """Columns with a header the table does not know (name -> index): they stay on the
    table (台账格式 §1b)."""
    known = set(table.columns.values())
    extra: dict[str, int] = {}
    for index, cell in enumerate(header):
        if index in known or cell in ("", None):
            continue
        name = V.clean_text(cell).strip(V.SPACES)
        if name and name not in table.extra_columns and name not in extra:
            extra[name] = index
    return extra


def data_chunks(sheet: RawSheet, header_index: int) -> Iterator[tuple[list[list[Any]], list[int]]]:
    """The rows below the header that hold data, with their Excel row numbers: in one
    chunk for a sheet read whole, CHUNK_ROWS at a time for a big one."""
    if sheet.source is None:
        kept, excel_rows = data_rows(sheet.rows[header_index + 1 :], header_index + 2)
        if kept:
            yield kept, excel_rows
        return
    below = islice(sheet.iter_rows(), header_index + 1, None)
    first = header_index + 2
    while chunk := list(islice(below, CHUNK_ROWS)):
        kept, excel_rows = data_rows(chunk, first)
        first += len(chunk)
        if kept:
            yield kept, excel_rows


def data_rows(below: list[list[Any]], first: int) -> tuple[list[list[Any]], list[int]]:
    """The rows of `below` (the first at Excel row `first`) that hold data, and their
    Excel row numbers."""
    # Most sheets have neither a blank nor a 合计 row: asked of every row at once in C.
    if all(map(any, below)) and all(map(TOTAL_ROW_CELLS.isdisjoint, below)):
        return below, list(range(first, first + len(below)))
    kept: list[list[Any]] = []
    excel_rows: list[int] = []
    for r, cells in enumerate(below, first):
        if not any(cells) and cells.count("") == len(cells):
            continue  # blank row (any() stops at the first filled cell: cheap)
        if not TOTAL_ROW_CELLS.isdisjoint(cells) and is_total_row(cells):
            continue  # a 合计 row a clerk added under the data
        kept.append(cells)
        excel_rows.append(r)
    return kept, excel_rows


def parse_column(
    spec: Column,
    column: Sequence[Any],
    problems: list[tuple[int, str, V.BadValue]],
    scale: Decimal | None = None,
    distinct: dict[Any, Any] | None = None,
) -> list[Any]:
    """Typed values of one column; unreadable cells become None and go to `problems`.
    `scale`: a money column whose header says 万元 (each amount ×10,000, exactly).
    `distinct`: the column's distinct cells (`shared`), each then parsed only once."""
    parse: Any = V.parser_for(spec) if scale is None else V.scaled_money_parser(scale)
    typed: list[Any] | None
    try:
        if distinct is not None:
            parsed = {v: None if v == "" else parse(v) for v in distinct}
            return list(map(parsed.__getitem__, column))
        typed = V.text_column(column) if spec.kind in V.TEXT_KINDS else None
        if typed is None:
            typed = [None if v == "" else parse(v) for v in column]
        return typed
    except V.BadValue:
        pass
    typed = []
    for i, v in enumerate(column):
        try:
            typed.append(None if v == "" else parse(v))
        except V.BadValue as e:
            typed.append(None)
            problems.append((i, spec.name, e))
    return typed


def mark_bad_cells(table: Table, sheet: RawSheet, header_index: int) -> None:
    """Formulas without a cached value and #ERROR cells: not data, but findings."""
    by_excel = rows_by_excel(table.rows)
    column_at = {index: name for name, index in table.columns.items()}
    names = tuple(table.columns)
    for (r, index), error in sorted(sheet.bad_cells.items()):
        name = column_at.get(index)
        if name is None or r <= header_index:
            continue
        row = by_excel.get(r + 1)
        if row is None:  # the row holds nothing but a broken formula
            row = by_excel[r + 1] = Row.at(r + 1, dict.fromkeys(names), dict.fromkeys(names))
            table.rows.append(row)
        row.clear(name)
        bad_cell_finding(table, row, name, error)
    table.rows.sort(key=lambda row: row.excel_row)


def rows_by_excel(rows: list[Row]) -> dict[int, Row]:
    return {row.excel_row: row for row in rows}


def bad_cell_finding(table: Table, row: Row, column: str, error: str | None) -> None:
    if error is None:
        table.load_findings.append(
            table.finding(
                row,
                column,
                "value.formula_no_cache",
                f"{column}：单元格是公式，但文件里没有计算结果（文件可能由其他程序生成）。"
                "请用 Excel 打开该工作簿并保存一次，再重新校验",
                value=None,
            )
        )
    else:
        table.load_findings.append(
            table.finding(
                row,
                column,
                "value.error",
                f"{column}：单元格是错误值 {error}，请修正公式或数据",
                value=error,
            )
        )
