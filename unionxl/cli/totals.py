"""`unionxl totals 文件夹 [--json] [--output 汇总.xlsx] [--year N]`, and
`unionxl totals 上级文件夹 --each [--json] [--output 汇总.xlsx]` (台账格式 §7): a thin edge."""

from __future__ import annotations

import argparse
import json
import sys
from contextlib import nullcontext

TOTALS_NAME = "汇总.xlsx"


def register(subparsers: argparse._SubParsersAction) -> None:
    from unionxl.cli.check import add_each_options

    parser = subparsers.add_parser(
        "totals",
        help="汇总：预算执行、捐款、慰问、提案、获奖",
        description="汇总台账：预算执行、捐款活动与部门参与、慰问、提案、获奖（金额精确到分）",
    )
    parser.add_argument(
        "folder", metavar="文件夹", help="存放工会台账工作簿的文件夹（--each 时为上级文件夹）"
    )
    parser.add_argument("--json", action="store_true", help="以 JSON 输出（供脚本使用）")
    parser.add_argument(
        "--output", metavar=TOTALS_NAME, help="另存为汇总工作簿（给出文件或文件夹）"
    )
    parser.add_argument("--year", type=int, metavar="年度", help="年度（默认取设置表的“年度”）")
    add_each_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from unionxl.cli.check import check_each_options
    from unionxl.cli.early import load_office, start_reading

    check_each_options(args)
    # Read while the rest imports; not for --each, whose pool's workers are forked.
    with nullcontext() if args.each else start_reading(args.folder) as reader:
        from unionxl.outputs.targets import output_target

        if args.output:  # a wrong target is said before the office is loaded
            output_target(args.output, own_name=TOTALS_NAME, office_folder=None)
        if reader is None:
            from unionxl.many.cli import totals_each

            return totals_each(args)
        office = load_office(args.folder, args.year, reader)
    totals = office.totals()
    written = None
    if args.output:
        from unionxl.outputs.totals_xlsx import write_totals_xlsx

        written = write_totals_xlsx(totals, args.output)
    if args.json:
        print(json.dumps(totals.to_dict(), ensure_ascii=False, indent=2))
    else:
        from unionxl.outputs.totals_text import render_totals

        report = office.check()
        notes = [f.message for f in office.load_findings if f.rule == "file.open"]
        sys.stdout.write(
            render_totals(totals, errors=report.errors, warnings=report.warnings, notes=notes)
        )
    if written is not None:
        print(f"汇总已写入：{written}", file=sys.stderr if args.json else sys.stdout)
    return 0
