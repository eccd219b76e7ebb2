"""Office folder -> typed tables (SPEC §1): find tables by sheet name, find the header
row, map header aliases, read every cell as its column's kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import values as V
from .errors import UnionxlError
from .findings import ERROR, WARNING, Finding, column_letter
from .reading import RawSheet, read_workbook
from .schema import TABLES, TableSpec
from .tables import Row, Table

WORKBOOK_SUFFIXES = {".xlsx", ".xlsm", ".xls"}
# Files unionxl itself writes into an office folder: never data.
OWN_OUTPUTS = {"unionxl.xlsm", "校验结果.xlsx", "汇总.xlsx"}
HEADER_SEARCH_ROWS = 10
TOTAL_ROW_WORDS = {"合计", "总计", "小计", "累计"}


def normalize_name(text: Any) -> str:
    """Sheet and header names match after removing spaces, a trailing * and (元)."""
    text = re.sub(r"[\s\u3000]+", "", V.clean_text(text))
    text = text.rstrip("*＊")
    for suffix in ("（元）", "(元)", "（人）", "(人)"):
        text = text.removesuffix(suffix)
    return text


SHEET_NAMES: dict[str, TableSpec] = {normalize_name(n): t for t in TABLES for n in t.names}


@dataclass
class LoadedFolder:
    folder: Path
    tables: dict[str, Table] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)  # workbooks read, relative paths
    findings: list[Finding] = field(default_factory=list)  # file and table level
    unreadable: list[str] = field(default_factory=list)  # one-line reasons


def workbook_paths(folder: Path) -> list[Path]:
    paths = []
    for p in sorted(folder.iterdir(), key=lambda p: p.name):
        if not p.is_file() or p.suffix.lower() not in WORKBOOK_SUFFIXES:
            continue
        if p.name.startswith(("~$", ".~lock.")) or p.name in OWN_OUTPUTS:
            continue
        paths.append(p)
    return paths


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


def load_folder(folder: Path) -> LoadedFolder:
    folder = Path(folder)
    if not folder.exists():
        raise UnionxlError(f"找不到文件夹：{folder}")
    if not folder.is_dir():
        raise UnionxlError(f"{folder} 不是文件夹：请给出存放工会台账工作簿的文件夹")
    result = LoadedFolder(folder)
    for name in sorted(open_in_excel(folder)):
        result.findings.append(
            Finding(
                WARNING,
                "file.open",
                f"{name} 正在被 Excel 或 WPS 打开，读取的是它最后一次保存的内容；"
                "如有未保存的修改，请先保存再校验",
                file=name,
            )
        )
    for path in workbook_paths(folder):
        try:
            book = read_workbook(path)
        except UnionxlError as e:
            result.unreadable.append(str(e))
            result.findings.append(Finding(ERROR, "file.unreadable", str(e), file=path.name))
            continue
        result.files.append(path.name)
        for sheet in book.sheets:
            spec = SHEET_NAMES.get(normalize_name(sheet.name))
            if spec is None:
                continue
            table = load_table(spec, path.name, sheet, result.findings)
            if table is None:
                continue
            first = result.tables.get(spec.name)
            if first is not None:
                result.findings.append(
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
    return result


def find_header(
    spec: TableSpec, rows: list[list[Any]]
) -> tuple[int, dict[str, int], list[tuple[str, int]]]:
    """(0-based header row, column -> index, [(duplicate header, index)]).

    The header is the first of the first 10 rows that has every required column;
    failing that, the row with the most known headers (so missing ones can be named).
    """
    lookup = {normalize_name(n): c.name for c in spec.columns for n in c.names}
    required = {c.name for c in spec.required}
    best: tuple[int, int, dict[str, int], list[tuple[str, int]]] | None = None
    for r, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        columns: dict[str, int] = {}
        duplicates: list[tuple[str, int]] = []
        for c, cell in enumerate(row):
            if cell == "" or cell is None:
                continue
            name = lookup.get(normalize_name(cell))
            if name is None:
                continue
            if name in columns:
                duplicates.append((name, c))
            else:
                columns[name] = c
        if required <= columns.keys():
            return r, columns, duplicates
        if columns and (best is None or len(columns) > best[1]):
            best = (r, len(columns), columns, duplicates)
    if best is None:
        return 0, {}, []
    return best[0], best[2], best[3]


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
    header_index, columns, duplicates = find_header(spec, sheet.rows)
    table = Table(spec, file, sheet.name, header_index + 1, columns)
    missing = [c.name for c in spec.required if c.name not in columns]
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
    read_rows(table, sheet, header_index)
    return table


def read_rows(table: Table, sheet: RawSheet, header_index: int) -> None:
    specs = [(table.spec.column(name), index) for name, index in table.columns.items()]
    bad_cells = sheet.bad_cells
    for r in range(header_index + 1, len(sheet.rows)):
        cells = sheet.rows[r]
        if is_total_row(cells):
            continue
        width = len(cells)
        raw: dict[str, Any] = {}
        typed: dict[str, Any] = {}
        row = Row(r + 1, typed, raw)
        blank = True
        for col, index in specs:
            cell = cells[index] if index < width else ""
            if (r, index) in bad_cells:
                blank = False
                raw[col.name] = None
                typed[col.name] = None
                row.bad.add(col.name)
                bad_cell_finding(table, row, col.name, bad_cells[(r, index)])
                continue
            if V.is_blank(cell):
                raw[col.name] = None
                typed[col.name] = None
                continue
            blank = False
            raw[col.name] = cell
            try:
                typed[col.name] = V.parse(cell, col)
            except V.BadValue as e:
                typed[col.name] = None
                row.bad.add(col.name)
                table.load_findings.append(table.finding(row, col.name, e.rule, f"{col.name}：{e}"))
        if not blank:
            table.rows.append(row)


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
