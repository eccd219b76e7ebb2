"""A proposed 字段对照 for an office folder (`unionxl map`, 台账格式 §1b): each sheet's
header cells with the table and column unionxl guesses, and how sure it is."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from unionxl.loading import recognise
from unionxl.loading.folder import QUIET_SHEETS, SHEET_NAMES, normalize_name
from unionxl.model.errors import UnionxlError
from unionxl.reading.folder_reader import workbook_paths
from unionxl.reading.workbook import read_workbook

SURE = "确定：表头即标准列名或其别名"
GUESS = "未认出：请填写标准列名，或删去此行"


def propose(folder: str | Path) -> list[dict[str, Any]]:
    """Rows {表, 工作表, 本单位列名, 标准列名, 把握, 文件} for every sheet holding data."""
    folder = Path(folder)
    if not folder.is_dir():
        raise UnionxlError(f"找不到文件夹：{folder}")
    rows: list[dict[str, Any]] = []
    for path in workbook_paths(folder):
        try:
            book = read_workbook(path)
        except UnionxlError:
            continue
        for sheet in book.sheets:
            key = normalize_name(sheet.name)
            if key in QUIET_SHEETS or key in ("字段对照", "值对照"):
                continue
            spec = SHEET_NAMES.get(key)
            guesses = recognise.guess_tables(sheet.rows)
            guess: recognise.Guess | None
            if spec is None and guesses:
                guess = guesses[0]
            else:
                guess = next((g for g in guesses if spec is not None and g.spec is spec), None)
            if spec is not None:
                table = spec
            elif guess is not None:
                table = guess.spec
            else:
                continue
            header = sheet.rows[guess.header_index] if guess else (sheet.rows or [[]])[0]
            lookup = recognise._LOOKUPS[table.name]
            how = (
                "按表名"
                if spec is not None or guess is None
                else f"按表头（吻合 {guess.score:.0%}）"
            )
            for cell in header:
                if cell in ("", None):
                    continue
                own = recognise.name_key(cell)
                standard = lookup.get(own)
                rows.append(
                    {
                        "表": table.name,
                        "工作表": sheet.name,
                        "本单位列名": own,
                        "标准列名": standard or "",
                        "把握": f"{SURE if standard else GUESS}；{how}",
                        "文件": path.name,
                    }
                )
    return rows
