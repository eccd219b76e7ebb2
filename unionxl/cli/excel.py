"""`unionxl excel FOLDER`: the control workbook with its button (Excel on Windows)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "excel", help="在台账文件夹中生成带按钮的 unionxl.xlsm（在 Excel 中点击运行）"
    )
    p.add_argument("folder", help="台账文件夹（unionxl.xlsm 写在这里）")
    p.add_argument("--force", action="store_true", help="覆盖已有的 unionxl.xlsm")
    p.add_argument(
        "--python",
        metavar="python.exe",
        help="按钮要启动的 Python（默认：运行本命令的 Python）",
    )
    p.set_defaults(func=run_excel)


def run_excel(args: argparse.Namespace) -> int:
    import sys

    from unionxl.excel.control import build
    from unionxl.gui.launcher import write_launcher

    path = build(args.folder, force=args.force, interpreter=args.python)
    print(f"已生成 {path}")
    print(write_launcher(path.parent).message)
    print(f"按钮将使用的 Python：{args.python or sys.executable}")
    print("用 Excel 打开它，在“开始”表中选择要做什么，再点击“运行 unionxl”按钮。")
    print("如果 Excel 提示已阻止宏：右键该文件 → 属性 → 勾选“解除锁定”，或启用宏。")
    return 0
