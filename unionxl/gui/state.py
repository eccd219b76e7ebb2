"""The window's pure logic: testable without a display, and free of tkinter."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from unionxl.model.findings import Finding

CONFIG_NAME = "gui.json"
ALL_FILES = "全部文件"
RESULTS_NAME = "校验结果.xlsx"  # the loader skips these names in an office folder
TOTALS_NAME = "汇总.xlsx"
REPORTS_FOLDER = "报告"
NO_FILE = "（台账文件夹）"  # findings about the folder itself have no file

# Fonts that carry Chinese, in order of preference (Windows, then Linux).
CJK_FAMILIES = (
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "微软雅黑",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "SimHei",
    "SimSun",
)


# --- where things live --------------------------------------------------------------


def config_file(env: Mapping[str, str] | None = None, platform: str | None = None) -> Path:
    """%APPDATA%\\unionxl\\gui.json on Windows, else $XDG_CONFIG_HOME (~/.config)/unionxl."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if platform == "win32" and env.get("APPDATA"):
        base = Path(env["APPDATA"])
    elif env.get("XDG_CONFIG_HOME"):
        base = Path(env["XDG_CONFIG_HOME"])
    else:
        base = Path(env.get("HOME") or Path.home()) / ".config"
    return base / "unionxl" / CONFIG_NAME


def remembered_folder(config: Path) -> Path | None:
    """The folder chosen last time; None when never chosen or the file is unreadable."""
    try:
        data = json.loads(config.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    folder = data.get("folder") if isinstance(data, dict) else None
    return Path(folder) if isinstance(folder, str) and folder else None


def remember_folder(config: Path, folder: Path) -> None:
    """Keep `folder` for next time; a settings file that cannot be written is not fatal."""
    try:
        config.parent.mkdir(parents=True, exist_ok=True)
        temp = config.with_suffix(".tmp")
        temp.write_text(
            json.dumps({"folder": str(folder)}, ensure_ascii=False, indent=1), encoding="utf-8"
        )
        os.replace(temp, config)
    except OSError:
        pass


def clean_folder_arg(text: str) -> Path | None:
    """A folder from the command line; `"%~dp0"` from cmd can end in a stray quote."""
    text = text.strip().strip('"').strip()
    return Path(text) if text else None


def starting_folder(arg: str | None, config: Path) -> Path | None:
    """The folder given on the command line (unionxl.cmd passes its own), else last time's."""
    if arg:
        folder = clean_folder_arg(arg)
        if folder is not None:
            return folder
    return remembered_folder(config)


@dataclass(frozen=True)
class Outputs:
    """What the window writes, all beside the ledgers (names the loader never reads)."""

    results: Path  # 校验结果.xlsx, links to each cell
    totals: Path  # 汇总.xlsx
    reports: Path  # 报告\ with the .docx files

    @classmethod
    def of(cls, folder: Path) -> Outputs:
        return cls(folder / RESULTS_NAME, folder / TOTALS_NAME, folder / REPORTS_FOLDER)


# --- findings as list rows ------------------------------------------------------------


@dataclass(frozen=True)
class FindingRow:
    """One line of the list: what the Treeview shows, plus the workbook to open."""

    severity: str  # 错误 / 警告
    file: str
    sheet: str
    cell: str
    message: str
    value: str
    is_error: bool

    @property
    def values(self) -> tuple[str, str, str, str, str, str]:
        return (self.severity, self.file, self.sheet, self.cell, self.message, self.value)


def finding_row(f: Finding) -> FindingRow:
    where = f.cell or (f"第{f.row}行" if f.row else "")
    return FindingRow(
        severity="错误" if f.is_error else "警告",
        file=f.file or NO_FILE,
        sheet=f.sheet or "",
        cell=where,
        message=f.message,
        value=f.shown_value() or "",  # 身份证号, 手机 masked as everywhere on screen
        is_error=f.is_error,
    )


def finding_rows(findings: Iterable[Finding], file: str | None = None) -> list[FindingRow]:
    """The rows to show, in the report's order (errors first, then file, sheet, cell),
    only those of `file` unless it is None or 全部文件."""
    rows = [finding_row(f) for f in findings]
    if file and file != ALL_FILES:
        rows = [r for r in rows if r.file == file]
    return rows


def file_choices(findings: Iterable[Finding]) -> list[str]:
    """The filter's choices: 全部文件, then each file that has a finding, once, sorted."""
    return [ALL_FILES, *sorted({f.file or NO_FILE for f in findings})]


def count_text(rows: list[FindingRow]) -> str:
    errors = sum(1 for r in rows if r.is_error)
    return f"{errors} 个错误，{len(rows) - errors} 个警告"


def workbook_of(folder: Path, row: FindingRow) -> Path | None:
    """The ledger a double-click opens (None for findings about the folder itself)."""
    if row.file == NO_FILE:
        return None
    return folder / row.file


def pick_family(available: Iterable[str]) -> str | None:
    """The first font of CJK_FAMILIES this computer has (Tk would otherwise show boxes)."""
    have = set(available)
    return next((name for name in CJK_FAMILIES if name in have), None)


def open_command(path: Path, platform: str | None = None) -> list[str] | None:
    """How to open `path` in its program; None on Windows (os.startfile does it)."""
    platform = sys.platform if platform is None else platform
    if platform == "win32":
        return None
    if platform == "darwin":
        return ["open", str(path)]
    return ["xdg-open", str(path)]


def open_path(path: Path) -> str | None:
    """Open a file or folder in whatever program the PC uses for it (Excel, WPS, Explorer).
    Returns a one-line Chinese reason when it cannot."""
    if not path.exists():
        return f"找不到 {path}"
    command = open_command(path)
    try:
        if command is None:
            os.startfile(str(path))  # type: ignore[attr-defined]  # Windows only
        else:
            import subprocess

            subprocess.Popen(
                command,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
    except OSError as e:
        return f"无法打开 {path.name}：{e.strerror or e}"
    return None
