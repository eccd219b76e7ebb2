"""`unionxl excel 文件夹`: the control workbook with its button (Excel on Windows)."""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

WINDOWS_PATH = re.compile(r"^([A-Za-z]:[\\/]|\\\\)")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "excel", help="在台账文件夹中生成带按钮的 unionxl.xlsm（在 Excel 中点击运行）"
    )
    p.add_argument("folder", metavar="文件夹", help="台账文件夹（unionxl.xlsm 写在这里）")
    p.add_argument("--force", action="store_true", help="覆盖已有的 unionxl.xlsm")
    p.add_argument(
        "--python",
        metavar="python.exe",
        help="按钮要启动的 Python（默认：运行本命令的 Python）",
    )
    p.set_defaults(func=run_excel)


def interpreter(chosen: str | None) -> tuple[str, str | None]:
    """(the Python the button will start, a warning or None); UnionxlError if it is missing."""
    from unionxl.model.errors import UnionxlError

    python = chosen or sys.executable
    windows_path = bool(WINDOWS_PATH.match(python))
    if os.name == "nt" or not windows_path:
        if not Path(python).is_file():
            raise UnionxlError(
                f"找不到 Python：{python}（请用 --python 给出装有 unionxl 的 python.exe）"
            )
    if os.name != "nt" and not windows_path:
        return python, (
            f"注意：按钮将使用 {python}，这不是 Windows 上的 Python；"
            "在 Windows 的 Excel 中使用前，请在那台电脑上重新运行 unionxl excel，"
            r"或加 --python C:\路径\python.exe"
        )
    if os.name != "nt":
        return python, f"注意：无法在本机检查 {python} 是否存在，请确认那台 Windows 电脑上有它"
    return python, None


def run_excel(args: argparse.Namespace) -> int:
    from unionxl.excel.control import build
    from unionxl.gui.launcher import write_launcher

    python, warning = interpreter(args.python)
    path = build(args.folder, force=args.force, interpreter=python)
    print(f"已生成 {path}")
    print(write_launcher(path.parent).message)
    print(f"按钮将使用的 Python：{python}")
    if warning:
        print(warning, file=sys.stderr)
    print("用 Excel 打开它，在“开始”表中选择要做什么，再点击“运行 unionxl”按钮。")
    print("如果 Excel 提示已阻止宏：右键该文件 → 属性 → 勾选“解除锁定”，或启用宏。")
    return 0
