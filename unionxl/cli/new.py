"""`unionxl new FOLDER`: blank office workbooks laid out as the schema says."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("new", help="生成空白台账工作簿（带下拉列表、格式和说明）")
    p.add_argument("folder", metavar="文件夹", help="要生成台账的文件夹（不存在时自动创建）")
    p.add_argument("--year", type=int, metavar="年度", help="年度（默认今年）")
    p.add_argument("--unit", metavar="单位名称", help="单位名称，写入“设置”表")
    p.set_defaults(func=run_new)


def run_new(args: argparse.Namespace) -> int:
    from unionxl.gui.launcher import write_launcher
    from unionxl.outputs.blank import create_office

    paths = create_office(args.folder, year=args.year, unit=args.unit)
    for path in paths:
        print(f"已生成 {path}")
    print(write_launcher(args.folder).message)
    print("每个工作簿的“说明”表介绍了各列的填写方法；带 * 的列必须填写。")
    return 0
