"""The office's own mapping (台账格式 §1b): `字段对照` (表, 工作表, 本单位列名, 标准列名) and
`值对照` (表, 列, 本单位值, 标准值), in any workbook of the folder.

Applied only to sheets that name or header matching could not read fully, so a folder
laid out the standard way pays nothing. The data sheets are never touched.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from unionxl.model.findings import ERROR, Finding
from unionxl.model.schema import BY_NAME, TableSpec
from unionxl.model.tables import Table
from unionxl.reading.workbook import RawSheet

if TYPE_CHECKING:
    from unionxl.data.office_data import OfficeData

MAP_TABLES = frozenset(("字段对照", "值对照"))


def mapped_spec(spec: TableSpec, pairs: list[tuple[str, str]]) -> TableSpec:
    """`spec` with the office's column names as extra aliases."""
    extra: dict[str, list[str]] = {}
    for own, standard in pairs:
        extra.setdefault(standard, []).append(own)
    columns = tuple(
        replace(c, aliases=(*c.aliases, *extra[c.name])) if c.name in extra else c
        for c in spec.columns
    )
    return replace(spec, columns=columns)


def apply_field_map(result: OfficeData, pending: list[tuple[str, RawSheet]]) -> None:
    from unionxl.loading.folder import load_table  # the loader that called us

    field_map = result.tables["字段对照"]
    rows = [r for r in field_map if r["表"] and r["本单位列名"] and r["标准列名"]]
    for row in rows:
        spec = BY_NAME.get(row["表"])
        if spec is None or all(c.name != row["标准列名"] for c in spec.columns):
            field_map.load_findings.append(
                field_map.finding(
                    row,
                    "表" if spec is None else "标准列名",
                    "table.mapping",
                    f"“{row['表'] if spec is None else row['标准列名']}”不是"
                    f"{'标准表名' if spec is None else '“' + row['表'] + '”表的列'}，这一行对照未使用",
                )
            )
    for file, sheet in pending:
        named = [r for r in rows if r["工作表"] == sheet.name]
        candidates = {r["表"] for r in named} or {
            r["表"] for r in rows if not r["工作表"] and r["表"] in BY_NAME
        }
        for table_name in sorted(candidates):
            base = BY_NAME.get(table_name)
            if base is None:
                continue
            pairs = [
                (r["本单位列名"], r["标准列名"])
                for r in rows
                if r["表"] == table_name and (not r["工作表"] or r["工作表"] == sheet.name)
            ]
            spec = mapped_spec(base, pairs)
            findings: list[Finding] = []
            table = load_table(spec, file, sheet, findings)
            if table is None or any(f.rule == "table.missing_column" for f in findings):
                if named:  # the office said this sheet is that table: say what is missing
                    result.load_findings.extend(findings)
                continue
            place(result, table, findings, file, sheet)
            break


def place(
    result: OfficeData, table: Table, findings: list[Finding], file: str, sheet: RawSheet
) -> None:
    old = result.tables.get(table.name)
    if old is not None and not (old.file == file and old.sheet == sheet.name):
        result.load_findings.append(
            Finding(
                ERROR,
                "table.duplicate",
                f"“{table.name}”表出现了两次：{old.file} 的“{old.sheet}”和 {file} 的"
                f"“{sheet.name}”（字段对照）。只保留一处（本次使用 {old.file}）",
                file=file,
                sheet=sheet.name,
            )
        )
        return
    if old is not None:  # read by name with columns missing: the mapping reads it fully
        result.load_findings[:] = [
            f
            for f in result.load_findings
            if not (f.rule == "table.missing_column" and f.file == file and f.sheet == sheet.name)
        ]
    result.load_findings.extend(findings)
    result.tables[table.name] = table
    result.unused[:] = [u for u in result.unused if (u["file"], u["sheet"]) != (file, sheet.name)]
    result.load_findings[:] = [
        f
        for f in result.load_findings
        if not (f.rule == "folder.unused_sheet" and f.file == file and f.sheet == sheet.name)
    ]
    result.sheets[:] = [s for s in result.sheets if (s["file"], s["sheet"]) != (file, sheet.name)]
    result.sheets.append({"file": file, "sheet": sheet.name, "table": table.name, "how": "mapping"})


def apply_value_map(tables: dict[str, Table]) -> None:
    """List values as the office writes them -> the standard ones, in place."""
    value_map = tables["值对照"]
    by_column: dict[tuple[str, str], dict[str, str]] = {}
    for r in value_map:
        if r["表"] and r["列"] and r["本单位值"] and r["标准值"]:
            by_column.setdefault((r["表"], r["列"]), {})[r["本单位值"]] = r["标准值"]
    for (table_name, column), values in by_column.items():
        table = tables.get(table_name)
        if table is None or not table.has(column):
            continue
        drop = set()
        for row in table.rows:
            own = row.cell(column)
            key = str(own).strip() if own is not None else None
            if key in values:
                row[column] = values[key]  # into the column: column_values sees it too
                if column in row.bad:
                    row.bad = row.bad - {column}
            if str(own or "").strip() in values:
                drop.add(row.excel_row)
        table.load_findings[:] = [
            f
            for f in table.load_findings
            if not (f.field == column and f.row in drop and f.rule == "value.type")
        ]
